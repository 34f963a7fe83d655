import { transfer } from 'comlink';
import type { FieldbookDatabase } from '../src/db/database';
import type { AssistanceEvent } from '../src/domain/assistance-event';
import type { Household } from '../src/domain/household';
import { toLedgerRow } from '../src/domain/ledger-mapping';
import type { LedgerRow } from '../src/domain/ledger-row';
import { summarizeLedger, type SummaryLevel } from '../src/domain/ledger-summary';
import { computeMonthlyReport } from '../src/domain/monthly-report';
import type { Person } from '../src/domain/person';
import { toXlsxBytes } from '../src/excel/sheet-style';
import { writeLedgerWorkbook } from '../src/excel/write-ledger';
import { writeMonthlyReportWorkbook } from '../src/excel/write-monthly-report';
import { writeSummaryWorkbook } from '../src/excel/write-summary';

/** The 填报单位 / 填报人 / 联系电话 / 填报时间 line of the official forms. */
export interface ReportHeader {
  unit: string;
  filler: string;
  phone: string;
  /** YYYY-MM-DD: 填报时间, and the day services and ages are counted up to. */
  reportDate: string;
}

export type ReportRequest =
  | { kind: 'ledger'; header: ReportHeader }
  | { kind: 'summary'; header: ReportHeader; by: SummaryLevel }
  | { kind: 'monthly'; header: ReportHeader; year: number; month: number };

export interface ReportFile {
  /** A Chinese file name ending in .xlsx. */
  fileName: string;
  /** The workbook; transferred out of the worker, not copied. */
  bytes: ArrayBuffer;
  /** People (明细表) or groups (汇总表) or months (月报表) in it. */
  rows: number;
}

interface Records {
  households: Household[];
  people: Person[];
  events: AssistanceEvent[];
}

async function readRecords(db: FieldbookDatabase): Promise<Records> {
  return db.transaction('r', [db.households, db.people, db.events], async () => ({
    households: await db.households.toArray(),
    people: await db.people.toArray(),
    events: await db.events.toArray(),
  }));
}

const collator = new Intl.Collator('zh-CN');

/**
 * Every person with a household as a 明细表 row, in address order (县, 乡, 村, 户, then as
 * added), numbered from 1. People whose household is not on the phone have no address to
 * report and are left out.
 */
export function buildLedgerRows({ households, people, events }: Records, reportDate: string): LedgerRow[] {
  const householdsById = new Map(households.map((household) => [household.id, household]));
  const eventsByPerson = new Map<string, AssistanceEvent[]>();
  for (const event of events) eventsByPerson.set(event.personId, [...(eventsByPerson.get(event.personId) ?? []), event]);
  const placed = people.flatMap((person) => {
    const household = householdsById.get(person.householdId);
    return household ? [{ person, household }] : [];
  });
  placed.sort(
    (a, b) =>
      collator.compare(a.household.county, b.household.county) ||
      collator.compare(a.household.township, b.household.township) ||
      collator.compare(a.household.village, b.household.village) ||
      collator.compare(a.household.group, b.household.group) ||
      collator.compare(a.household.number, b.household.number) ||
      a.household.id.localeCompare(b.household.id) ||
      a.person.createdAt.localeCompare(b.person.createdAt) ||
      a.person.id.localeCompare(b.person.id),
  );
  return placed.map(({ person, household }, index) => toLedgerRow(person, household, eventsByPerson.get(person.id) ?? [], { reportDate, serial: String(index + 1) }));
}

function compactDate(date: string): string {
  return date.replaceAll('-', '');
}

function fileName(parts: readonly string[]): string {
  return `${parts.filter(Boolean).join('-').replace(/[\\/:*?"<>|]/g, '_')}.xlsx`;
}

const LEVEL_NAMES: Record<SummaryLevel, string> = { 县: '按县', 乡: '按乡镇', 村: '按村' };

/** Builds one official workbook from every record on the phone (the analysis worker's `reports.build`). */
export async function buildReport(db: FieldbookDatabase, request: ReportRequest): Promise<ReportFile> {
  const records = await readRecords(db);
  const { header } = request;
  let file: { name: string; bytes: Uint8Array; rows: number };
  if (request.kind === 'ledger') {
    const rows = buildLedgerRows(records, header.reportDate);
    const workbook = writeLedgerWorkbook(rows, { reportDate: header.reportDate, unit: header.unit, filler: header.filler, phone: header.phone });
    file = { name: fileName(['明细表', header.unit, compactDate(header.reportDate)]), bytes: await toXlsxBytes(workbook), rows: rows.length };
  } else if (request.kind === 'summary') {
    const summary = summarizeLedger(buildLedgerRows(records, header.reportDate), request.by);
    const workbook = writeSummaryWorkbook(summary, request.by, header);
    file = { name: fileName(['汇总表', LEVEL_NAMES[request.by], header.unit, compactDate(header.reportDate)]), bytes: await toXlsxBytes(workbook), rows: summary.groups.length };
  } else {
    const report = computeMonthlyReport(records, { year: request.year, fromMonth: 1, toMonth: request.month });
    const workbook = writeMonthlyReportWorkbook(report, { unit: header.unit });
    file = { name: fileName(['月报表', `${request.year}年${request.month}月`, header.unit]), bytes: await toXlsxBytes(workbook), rows: report.months.length };
  }
  const bytes = exactBuffer(file.bytes);
  return transfer({ fileName: file.name, bytes, rows: file.rows }, [bytes]);
}

/** The bytes in an ArrayBuffer of their own, so transferring it moves exactly the file. */
function exactBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  return bytes.slice().buffer as ArrayBuffer;
}


