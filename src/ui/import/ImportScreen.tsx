import { proxy } from 'comlink';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import { loadRemembered, saveRemembered } from '../../db/import-records';
import { classifyStorageError } from '../../db/storage-errors';
import { formatLocalDate } from '../../domain/dates';
import {
  availableGroupings,
  defaultGrouping,
  describeMissingFields,
  guessMapping,
  REMEMBERED_MAPPING_KEY,
  rememberMapping,
  restoreRememberedMapping,
  type Grouping,
  type RememberedMapping,
  type RosterMapping,
} from '../../import/roster-fields';
import { describeImportResult, describeStorageError } from '../messages';
import { useServices } from '../services';
import { MappingCard } from './MappingCard';
import { ImportActions, PlanReport, type LoadIssues } from './PlanReport';
import { PreviewTable } from './PreviewTable';
import { startRosterImport, type ImportResult, type OpenedFile, type PlanOutline, type PlanRequest, type RosterImportConnection, type SheetPreview } from './roster-import-client';
import './import.css';

type Progress = { done: number; total: number };

/**
 * How many of `stages` parts to show: one more after each frame is painted, from 1 again when
 * `key` changes, none while it is ''. A sheet's report, preview and column picker laid out in one
 * go (Chinese text shaped for the first time, hundreds of options) would hold the UI thread too
 * long at once.
 */
function useStages(stages: number, key: string): number {
  const [shown, setShown] = useState({ key, count: 1 });
  const count = key === '' ? 0 : shown.key === key ? shown.count : 1;
  useEffect(() => {
    if (count === 0 || count >= stages) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      // Run after this frame's layout and paint, not before them.
      timer = setTimeout(() => setShown({ key, count: count + 1 }), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [count, key, stages]);
  return count;
}

/**
 * 导入花名册: a roster (.xlsx / .csv) or an official 明细表 into the phone. The file is read,
 * mapped and checked row by row in the import's own worker, which this screen starts when a file
 * is picked; the screen shows the outcome. Nothing is written until the clerk accepts, and then
 * all of it in one transaction.
 */
export function ImportScreen() {
  const { db, startRosterImport: startImporter = startRosterImport } = useServices();
  const fileId = useId();
  const worker = useRef<Promise<RosterImportConnection> | null>(null);
  const [opened, setOpened] = useState<OpenedFile | null>(null);
  const [sheet, setSheet] = useState<SheetPreview | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [remembered, setRemembered] = useState<RememberedMapping>({ columns: {} });
  const [mapping, setMapping] = useState<RosterMapping>({});
  const [grouping, setGrouping] = useState<Grouping>('row');
  const [plan, setPlan] = useState<PlanOutline | null>(null);
  const [checking, setChecking] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [writeError, setWriteError] = useState<string | null>(null);

  const importer = useCallback(async () => (await (worker.current ??= startImporter(db))).api, [db, startImporter]);
  useEffect(
    () => () => {
      void worker.current?.then((connection) => connection.close());
      worker.current = null;
    },
    [],
  );

  useEffect(() => {
    void loadRemembered(db, REMEMBERED_MAPPING_KEY, restoreRememberedMapping).then(setRemembered);
  }, [db]);

  // Shown once the sheet's first check is done (the worker is then idle, and the UI thread has the
  // phone to itself): 1: what the import will do; 2: the sheet's first rows; 3: the column picker.
  const sheetKey = opened ? `${opened.name}:${sheet?.index ?? 'ledger'}` : '';
  const [checkedSheet, setCheckedSheet] = useState('');
  const stage = useStages(3, checkedSheet === sheetKey ? sheetKey : '');
  const missing = sheet ? describeMissingFields(mapping) : undefined;
  // Once the clerk has pointed at 姓名 and 身份证号, an unrecognised header no longer matters.
  const headerProblem = opened && !opened.ledger && missing ? sheet?.headerProblem : undefined;

  // Checked again whenever the mapping or grouping changes; an answer overtaken by a newer question is dropped.
  useEffect(() => {
    let request: PlanRequest | null = null;
    if (opened?.ledger) request = { kind: 'ledger' };
    else if (opened && sheet && !describeMissingFields(mapping)) request = { kind: 'roster', sheet: sheet.index, mapping, grouping };
    if (!request) {
      setPlan(null);
      setChecking(false);
      setCheckedSheet(sheetKey);
      return;
    }
    let current = true;
    setChecking(true);
    importer()
      .then((api) => api.plan(request))
      .then(
        (outline) => {
          if (!current) return;
          setPlan(outline);
          setChecking(false);
          setCheckedSheet(sheetKey);
        },
        (error: unknown) => {
          if (!current) return;
          console.error('import: checking the rows failed', error);
          reset();
          setFileError('无法检查这个文件，本机数据未改动');
          setChecking(false);
        },
      );
    return () => {
      current = false;
    };
  }, [importer, opened, sheet, sheetKey, mapping, grouping]);

  const loadIssues = useCallback<LoadIssues>(async (planId, level, offset, limit) => (await importer()).issues(planId, level, offset, limit), [importer]);

  async function chooseSheet(index: number, memory = remembered) {
    const preview = await (await importer()).sheet(index);
    const guessed = guessMapping(preview.headers, memory.columns);
    setSheet(preview);
    setMapping(guessed);
    setGrouping(memory.grouping && availableGroupings(guessed).includes(memory.grouping) ? memory.grouping : defaultGrouping(guessed));
  }

  async function openFile(file: File) {
    reset();
    setReading(file.name);
    try {
      const api = await importer();
      const outcome = await api.open(file, file.name, { database: db.name, reportDate: formatLocalDate(new Date()) });
      if (!outcome.ok) {
        setFileError(outcome.message);
        return;
      }
      if (!outcome.file.ledger) await chooseSheet(outcome.file.rosterSheet);
      setOpened(outcome.file);
    } catch (error) {
      console.error('import: reading the file failed', error);
      setFileError('无法读取这个文件，本机数据未改动');
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
    if (!sheet) return;
    const next: RememberedMapping = { columns: { ...remembered.columns, ...rememberMapping(sheet.headers, nextMapping) }, grouping: nextGrouping };
    setRemembered(next);
    void saveRemembered(db, REMEMBERED_MAPPING_KEY, next);
  }

  async function accept() {
    if (!plan || checking) return;
    setWriteError(null);
    setProgress({ done: 0, total: 1 });
    try {
      if (!opened?.ledger) remember(mapping, grouping);
      const written = await (await importer()).write(
        plan.id,
        proxy((done: number, total: number) => setProgress({ done, total })),
      );
      reset();
      setResult(written);
    } catch (error) {
      setWriteError(`${describeStorageError(classifyStorageError(error))}（本次导入没有写入任何记录）`);
    } finally {
      setProgress(null);
    }
  }

  function reset() {
    setOpened(null);
    setCheckedSheet('');
    setSheet(null);
    setPlan(null);
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
              {opened.ledger ? `：识别为官方《明细表》（附件2-1），工作表「${opened.ledger.sheet}」，${opened.ledger.rows} 行` : null}
            </p>
            {opened.notices.map((notice) => (
              <p key={notice} className="muted">
                {notice}
              </p>
            ))}
            {!opened.ledger && opened.sheets.length > 1 ? (
              <div className="field">
                <label htmlFor={`${fileId}-sheet`}>工作表</label>
                <select id={`${fileId}-sheet`} value={sheet?.index ?? opened.rosterSheet} disabled={progress !== null} onChange={(event) => void chooseSheet(Number(event.target.value))}>
                  {opened.sheets.map((name, index) => (
                    <option key={name} value={index}>
                      {name}
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
          {plan && stage >= 1 ? (
            <PlanReport plan={plan} checking={checking} loadIssues={loadIssues} />
          ) : checking ? (
            <p aria-busy="true">正在逐行检查…</p>
          ) : null}
          {sheet && !opened.ledger ? (
            <>
              {stage >= 2 ? <PreviewTable table={sheet} /> : null}
              {stage >= 3 ? (
                <MappingCard
                  key={`${opened.name}:${sheet.index}`}
                  headers={sheet.headers}
                  mapping={mapping}
                  grouping={grouping}
                  onMappingChange={changeMapping}
                  onGroupingChange={changeGrouping}
                />
              ) : null}
            </>
          ) : null}
          {plan ? <ImportActions plan={plan} checking={checking} progress={progress} writeError={writeError} onAccept={() => void accept()} onCancel={reset} /> : null}
        </>
      ) : null}
    </section>
  );
}
