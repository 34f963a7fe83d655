import type { FieldbookDatabase } from '../src/db/database';
import { importRecords, loadImportContext, type ImportResult } from '../src/db/import-records';
import { formatIssue, type ImportContext, type ImportPlan } from '../src/import/import-plan';
import { isLedgerSheet, planLedgerImport, readLedgerRows } from '../src/import/ledger-import';
import { openSpreadsheet } from '../src/import/open-spreadsheet';
import type { Grouping, RosterMapping } from '../src/import/roster-fields';
import { planRosterImport } from '../src/import/roster-rows';
import { describeHeaderProblem, pickRosterSheet, readRosterTable, type RosterTable } from '../src/import/roster-table';
import { ImportFileError, type Spreadsheet, type SpreadsheetKind } from '../src/import/sheet';
import type { LedgerRow } from '../src/domain/ledger-row';

export type { ImportResult };

/** A file as the import screen shows it: what it is and which sheets it has, not its rows. */
export interface OpenedFile {
  name: string;
  kind: SpreadsheetKind;
  /** Things said about the whole file (the encoding a CSV was read with). */
  notices: string[];
  sheets: string[];
  /** Set when the workbook is an official 明细表 (附件2-1). */
  ledger?: { sheet: string; rows: number };
  /** The sheet most likely to be the roster. */
  rosterSheet: number;
}

export type OpenResult = { ok: true; file: OpenedFile } | { ok: false; message: string };

/** One sheet read as a roster: its header and the first rows, for the preview and the column picker. */
export interface SheetPreview {
  index: number;
  sheet: string;
  headerRow: number;
  /** Header text of each column, index 0 = column A. */
  headers: string[];
  rowCount: number;
  preview: { row: number; cells: string[] }[];
  /** Set when no roster header was found in this sheet. */
  headerProblem?: string;
}

export type PlanRequest = { kind: 'ledger' } | { kind: 'roster'; sheet: number; mapping: RosterMapping; grouping: Grouping };

/** What a plan will do, without its rows: those stay where the plan was made. */
export interface PlanOutline {
  /** Names this plan for `issues` and `write`; a newer plan replaces it. */
  id: number;
  source: ImportPlan['source'];
  summary: ImportPlan['summary'];
  errors: number;
  notices: number;
}

/**
 * 导入花名册 off the UI thread: reading the file, matching its rows with the phone's records and
 * writing them. The screen holds only what it shows: the file's outline, a sheet's first rows,
 * the plan's figures and one page of its messages at a time.
 */
export interface RosterImportApi {
  open(file: Blob, fileName: string, options: { database: string; reportDate: string }): Promise<OpenResult>;
  sheet(index: number): Promise<SheetPreview>;
  plan(request: PlanRequest): Promise<PlanOutline>;
  /** A page of the plan's errors or notices, as the clerk reads them (「第 12 行 身份证号：…」). */
  issues(planId: number, level: 'error' | 'notice', offset: number, limit: number): Promise<string[]>;
  write(planId: number, onProgress?: (done: number, total: number) => void): Promise<ImportResult>;
}

const PREVIEW_ROWS = 5;

/** The file's bytes; FileReader where Blob.arrayBuffer is missing (older WebViews, jsdom). */
function readBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsArrayBuffer(file);
  });
}

interface Opened {
  spreadsheet: Spreadsheet;
  context: ImportContext;
  reportDate: string;
  ledgerRows?: LedgerRow[];
  tables: Map<number, RosterTable>;
}

/** `openDatabase` names the database by the page's: the worker opens its own connection to it. */
export function createRosterImportApi(openDatabase: (name: string) => FieldbookDatabase): RosterImportApi {
  let db: FieldbookDatabase | undefined;
  let opened: Opened | undefined;
  let plan: { id: number; plan: ImportPlan } | undefined;
  let plans = 0;

  const current = (): Opened => {
    if (!opened) throw new Error('roster import: no file is open');
    return opened;
  };
  const table = (index: number): RosterTable => {
    const file = current();
    const sheet = file.spreadsheet.sheets[index];
    if (!sheet) throw new Error(`roster import: no sheet ${index}`);
    let read = file.tables.get(index);
    if (!read) file.tables.set(index, (read = readRosterTable(sheet)));
    return read;
  };
  const planned = (id: number): ImportPlan => {
    if (plan?.id !== id) throw new Error(`roster import: plan ${id} is no longer the current one`);
    return plan.plan;
  };

  return {
    async open(file, fileName, { database, reportDate }) {
      opened = undefined;
      plan = undefined;
      if (db?.name !== database) db = openDatabase(database);
      try {
        const bytes = await readBytes(file);
        const spreadsheet = await openSpreadsheet(bytes, fileName);
        const context = await loadImportContext(db);
        const ledger = spreadsheet.kind === 'xlsx' && spreadsheet.sheets.some(isLedgerSheet) ? await readLedgerRows(bytes, fileName) : undefined;
        opened = { spreadsheet, context, reportDate, ledgerRows: ledger?.rows, tables: new Map() };
        return {
          ok: true,
          file: {
            name: fileName,
            kind: spreadsheet.kind,
            notices: spreadsheet.notices,
            sheets: spreadsheet.sheets.map((sheet) => sheet.name),
            ledger: ledger ? { sheet: ledger.sheet, rows: ledger.rows.length } : undefined,
            rosterSheet: ledger ? 0 : pickRosterSheet(spreadsheet.sheets),
          },
        };
      } catch (error) {
        if (error instanceof ImportFileError) return { ok: false, message: error.message };
        throw error;
      }
    },

    async sheet(index) {
      const read = table(index);
      return {
        index,
        sheet: read.sheet,
        headerRow: read.headerRow,
        headers: read.headers,
        rowCount: read.rows.length,
        preview: read.rows.slice(0, PREVIEW_ROWS).map(({ row, cells }) => ({ row, cells: cells.map((cell) => cell.text) })),
        headerProblem: describeHeaderProblem(current().spreadsheet.sheets, index),
      };
    },

    async plan(request) {
      const file = current();
      let made: ImportPlan;
      if (request.kind === 'ledger') {
        if (!file.ledgerRows) throw new Error('roster import: the file is not a 明细表');
        made = planLedgerImport(file.ledgerRows, file.context, file.reportDate);
      } else {
        made = planRosterImport(table(request.sheet), request.mapping, request.grouping, file.context, file.reportDate);
      }
      plan = { id: ++plans, plan: made };
      const errors = made.issues.filter((issue) => issue.level === 'error').length;
      return { id: plan.id, source: made.source, summary: made.summary, errors, notices: made.issues.length - errors };
    },

    async issues(planId, level, offset, limit) {
      return planned(planId)
        .issues.filter((issue) => issue.level === level)
        .slice(offset, offset + limit)
        .map(formatIssue);
    },

    async write(planId, onProgress) {
      const accepted = planned(planId);
      if (!db) throw new Error('roster import: no database');
      const result = await importRecords(db, accepted, { onProgress });
      // The phone has changed: a plan made before would not match it any more.
      opened = undefined;
      plan = undefined;
      return result;
    },
  };
}
