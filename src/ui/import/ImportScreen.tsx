import { useEffect, useId, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { importRecords, loadImportContext, loadRemembered, saveRemembered, type ImportResult } from '../../db/import-records';
import { classifyStorageError } from '../../db/storage-errors';
import { formatLocalDate } from '../../domain/dates';
import type { LedgerRow } from '../../domain/ledger-row';
import type { ImportContext, ImportPlan } from '../../import/import-plan';
import { isLedgerSheet, planLedgerImport, readLedgerRows } from '../../import/ledger-import';
import { openSpreadsheet } from '../../import/open-spreadsheet';
import {
  availableGroupings,
  defaultGrouping,
  guessMapping,
  REMEMBERED_MAPPING_KEY,
  rememberMapping,
  restoreRememberedMapping,
  type Grouping,
  type RememberedMapping,
  type RosterMapping,
} from '../../import/roster-fields';
import { describeMissingFields, planRosterImport } from '../../import/roster-rows';
import { describeHeaderProblem, pickRosterSheet, readRosterTable } from '../../import/roster-table';
import { ImportFileError, type Spreadsheet } from '../../import/sheet';
import { describeImportResult, describeStorageError } from '../messages';
import { useServices } from '../services';
import { MappingCard } from './MappingCard';
import { ImportActions, PlanReport } from './PlanReport';
import { PreviewTable } from './PreviewTable';
import './import.css';

interface OpenedFile {
  name: string;
  spreadsheet: Spreadsheet;
  context: ImportContext;
  /** Set when the workbook is an official 明细表: its rows, read by the shared reader. */
  ledger?: { sheet: string; rows: LedgerRow[] };
}

type Progress = { done: number; total: number };

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

/**
 * 导入花名册: a roster (.xlsx / .csv) or an official 明细表 into the phone. The file is read,
 * mapped and checked row by row; nothing is written until the clerk accepts, and then all of it
 * in one transaction.
 */
export function ImportScreen() {
  const { db } = useServices();
  const fileId = useId();
  const [opened, setOpened] = useState<OpenedFile | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [sheetIndex, setSheetIndex] = useState(0);
  const [remembered, setRemembered] = useState<RememberedMapping>({ columns: {} });
  const [mapping, setMapping] = useState<RosterMapping>({});
  const [grouping, setGrouping] = useState<Grouping>('row');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [writeError, setWriteError] = useState<string | null>(null);
  const reportDate = formatLocalDate(new Date());

  useEffect(() => {
    void loadRemembered(db, REMEMBERED_MAPPING_KEY, restoreRememberedMapping).then(setRemembered);
  }, [db]);

  const sheet = opened?.spreadsheet.sheets[sheetIndex];
  const table = useMemo(() => (sheet && !opened?.ledger ? readRosterTable(sheet) : null), [sheet, opened?.ledger]);
  const missing = table ? describeMissingFields(mapping) : undefined;
  // Once the clerk has pointed at 姓名 and 身份证号, an unrecognised header no longer matters.
  const headerProblem = opened && !opened.ledger && missing ? describeHeaderProblem(opened.spreadsheet.sheets, sheetIndex) : undefined;

  const plan = useMemo<ImportPlan | null>(() => {
    if (!opened) return null;
    if (opened.ledger) return planLedgerImport(opened.ledger.rows, opened.context, reportDate);
    if (!table || describeMissingFields(mapping)) return null;
    return planRosterImport(table, mapping, grouping, opened.context, reportDate);
  }, [opened, table, mapping, grouping, reportDate]);

  function chooseSheet(index: number, file: OpenedFile, memory = remembered) {
    const chosen = file.spreadsheet.sheets[index];
    if (!chosen) return;
    const headers = readRosterTable(chosen).headers;
    const guessed = guessMapping(headers, memory.columns);
    setSheetIndex(index);
    setMapping(guessed);
    setGrouping(memory.grouping && availableGroupings(guessed).includes(memory.grouping) ? memory.grouping : defaultGrouping(guessed));
  }

  async function openFile(file: File) {
    setOpened(null);
    setFileError(null);
    setResult(null);
    setWriteError(null);
    setReading(file.name);
    try {
      const bytes = await readBytes(file);
      const spreadsheet = await openSpreadsheet(bytes, file.name);
      const context = await loadImportContext(db);
      const ledgerSheet = spreadsheet.kind === 'xlsx' && spreadsheet.sheets.some(isLedgerSheet);
      const next: OpenedFile = { name: file.name, spreadsheet, context, ledger: ledgerSheet ? await readLedgerRows(bytes, file.name) : undefined };
      setOpened(next);
      if (!next.ledger) chooseSheet(pickRosterSheet(spreadsheet.sheets), next);
    } catch (error) {
      if (!(error instanceof ImportFileError)) console.error('import: reading the file failed', error);
      setFileError(error instanceof ImportFileError ? error.message : '无法读取这个文件，本机数据未改动');
    } finally {
      setReading(null);
    }
  }

  function changeMapping(next: RosterMapping) {
    setMapping(next);
    const nextGroupings = availableGroupings(next);
    const nextGrouping = nextGroupings.includes(grouping) ? grouping : defaultGrouping(next);
    setGrouping(nextGrouping);
    remember(next, nextGrouping);
  }

  function changeGrouping(next: Grouping) {
    setGrouping(next);
    remember(mapping, next);
  }

  /** Mapped columns are remembered by header wording, merged with what earlier files taught. */
  function remember(nextMapping: RosterMapping, nextGrouping: Grouping) {
    if (!table) return;
    const next: RememberedMapping = { columns: { ...remembered.columns, ...rememberMapping(table.headers, nextMapping) }, grouping: nextGrouping };
    setRemembered(next);
    void saveRemembered(db, REMEMBERED_MAPPING_KEY, next);
  }

  async function accept() {
    if (!plan) return;
    setWriteError(null);
    setProgress({ done: 0, total: 1 });
    try {
      if (!opened?.ledger) remember(mapping, grouping);
      // One repaint per percent: 15,000 rows must not mean 15,000 renders.
      let shown = 0;
      const onProgress = (done: number, total: number) => {
        if (done !== total && done - shown < total / 100) return;
        shown = done;
        setProgress({ done, total });
      };
      const written = await importRecords(db, plan, { onProgress });
      setResult(written);
      setOpened(null);
    } catch (error) {
      setWriteError(`${describeStorageError(classifyStorageError(error))}（本次导入没有写入任何记录）`);
    } finally {
      setProgress(null);
    }
  }

  function reset() {
    setOpened(null);
    setFileError(null);
    setResult(null);
    setWriteError(null);
  }

  return (
    <section aria-labelledby="import-title" className="screen import-screen">
      <p className="breadcrumb">
        <Link href="/settings">设置</Link> ›
      </p>
      <h1 id="import-title">导入花名册</h1>

      {result ? (
        <section className="card" aria-labelledby="import-done">
          <h2 id="import-done">导入完成</h2>
          <p role="status">{describeImportResult(result)}</p>
          <div className="actions">
            <Link href="/households" className="button primary">
              查看户列表
            </Link>
            <button type="button" className="button" onClick={reset}>
              再导入一个文件
            </button>
          </div>
        </section>
      ) : null}

      {!opened && !result ? (
        <section className="card" aria-labelledby={`${fileId}-title`}>
          <h2 id={`${fileId}-title`}>选择文件</h2>
          <p className="muted">支持 Excel 工作簿（.xlsx）和 CSV（UTF-8 或 GBK 编码），也可直接选择官方《明细表》（附件2-1）。导入前会逐行检查，确认后才写入。</p>
          <div className="field">
            <label htmlFor={fileId}>花名册文件（.xlsx 或 .csv）</label>
            <input
              id={fileId}
              type="file"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              disabled={reading !== null}
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void openFile(file);
                event.target.value = '';
              }}
            />
          </div>
          {reading ? <p aria-busy="true">正在读取「{reading}」…</p> : null}
          {fileError ? (
            <p role="alert" className="banner error">
              {fileError}
            </p>
          ) : null}
        </section>
      ) : null}

      {opened ? (
        <>
          <section className="card file-card" aria-label="已选文件">
            <p>
              <strong>{opened.name}</strong>
              {opened.ledger ? `：识别为官方《明细表》（附件2-1），工作表「${opened.ledger.sheet}」，${opened.ledger.rows.length} 行` : null}
            </p>
            {opened.spreadsheet.notices.map((notice) => (
              <p key={notice} className="muted">
                {notice}
              </p>
            ))}
            {!opened.ledger && opened.spreadsheet.sheets.length > 1 ? (
              <div className="field">
                <label htmlFor={`${fileId}-sheet`}>工作表</label>
                <select id={`${fileId}-sheet`} value={sheetIndex} disabled={progress !== null} onChange={(event) => chooseSheet(Number(event.target.value), opened)}>
                  {opened.spreadsheet.sheets.map((candidate, index) => (
                    <option key={candidate.name} value={index}>
                      {candidate.name}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <button type="button" className="button small" onClick={reset} disabled={progress !== null}>
              换一个文件
            </button>
          </section>

          {headerProblem ? (
            <p role="alert" className="banner warning">
              {headerProblem}
            </p>
          ) : null}
          {missing ? (
            <p role="alert" className="banner warning">
              {missing}
            </p>
          ) : null}

          {/* Results first: on a phone the clerk reads what will happen before the mapping that was guessed for them. */}
          {plan ? <PlanReport plan={plan} /> : null}
          {table ? (
            <>
              <PreviewTable table={table} />
              <MappingCard
                key={`${opened.name}:${sheetIndex}`}
                headers={table.headers}
                mapping={mapping}
                grouping={grouping}
                onMappingChange={changeMapping}
                onGroupingChange={changeGrouping}
              />
            </>
          ) : null}
          {plan ? <ImportActions plan={plan} progress={progress} writeError={writeError} onAccept={() => void accept()} onCancel={reset} /> : null}
        </>
      ) : null}
    </section>
  );
}
