import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { formatLocalDate } from '../src/domain/dates';
import { formatHlc, parseHlc, receiveHlc, tickHlc, type HlcState } from '../src/domain/hlc';
import { HouseholdSchema, type Household } from '../src/domain/household';
import { normalizeIdNumber } from '../src/domain/id-card';
import {
  applyLedgerHousehold,
  applyLedgerPerson,
  createLedgerRecords,
  formatLedgerFieldError,
  fromLedgerRow,
  ledgerHouseholdId,
  ledgerPersonId,
  type LedgerRecordFields,
} from '../src/domain/ledger-mapping';
import { PersonSchema, type Person } from '../src/domain/person';
import type { Revision } from '../src/domain/revision';
import { pickCurrentRevision, type RevisionResult } from '../src/domain/sync-protocol';
import { LedgerReadError, type LedgerWorkbook } from '../src/excel/read-ledger';
import { checkRevision } from './check-revision';
import { ConfigError, resolveStoreLocation } from './config';
import { readLedgerFile } from './excel/read-ledger-file';
import type { Scope } from './scope';
import { openConfiguredStore } from './serve';
import { describeStoreLocation } from './store/open-store';
import { MAX_CHANGES_LIMIT, type Store } from './store/store';

/** The device id of every revision the import writes. */
export const IMPORT_DEVICE = 'import';
const EVERYWHERE: Scope = { level: 'all', name: '全部' };

/** A record's current revision on the receiver, its data parsed (undefined when it no longer parses). */
export interface CurrentRecord<T> {
  rev: string;
  hlc: string;
  device: string;
  deleted: boolean;
  data: T | undefined;
}

/** What the import needs to know of the store: every person's and household's current revision. */
export interface StoreSnapshot {
  people: Map<string, CurrentRecord<Person>>;
  households: Map<string, CurrentRecord<Household>>;
  /** The highest clock of any stored revision: the import's clock starts after it. */
  latestHlc: string | undefined;
}

/** Reads the whole changes feed once, keeping each record's current revision (highest clock, as every phone picks it). */
export async function readStoreSnapshot(store: Store): Promise<StoreSnapshot> {
  const current = new Map<string, Revision>();
  let latestHlc: string | undefined;
  let cursor: string | null = null;
  for (;;) {
    const page = await store.changesSince(cursor, EVERYWHERE, MAX_CHANGES_LIMIT);
    for (const revision of page.revisions) {
      if (latestHlc === undefined || revision.hlc > latestHlc) latestHlc = revision.hlc;
      if (revision.kind === 'event') continue;
      const key = `${revision.kind}:${revision.id}`;
      const known = current.get(key);
      current.set(key, known ? pickCurrentRevision([known, revision])! : revision);
    }
    cursor = page.cursor;
    if (!page.more) break;
  }
  const people = new Map<string, CurrentRecord<Person>>();
  const households = new Map<string, CurrentRecord<Household>>();
  for (const revision of current.values()) {
    const base = { rev: revision.rev, hlc: revision.hlc, device: revision.device, deleted: revision.deleted };
    if (revision.kind === 'person') people.set(revision.id, { ...base, data: PersonSchema.safeParse(revision.data).data });
    else households.set(revision.id, { ...base, data: HouseholdSchema.safeParse(revision.data).data });
  }
  return { people, households, latestHlc };
}

export interface SkippedRow {
  file: string;
  row: number;
  reasons: string[];
}

export interface ImportPlan {
  /** Households before the people that belong to them, in row order: one storeRevisions batch. */
  revisions: Revision[];
  added: number;
  updated: number;
  /** Rows whose person and household already say what the row says. */
  unchanged: number;
  /** Rows not taken in, with why. */
  problems: SkippedRow[];
}

export interface ImportOptions {
  now: Date;
  /** YYYY-MM-DD: an ID number born after it is wrong. */
  reportDate: string;
  newRev?: () => string;
}

type Outcome = 'added' | 'updated' | 'unchanged' | { problem: string };

/**
 * The revisions that bring the store in line with the ledgers, decided row by row
 * (docs/ledger-import.md): a person is found by ID number — on the receiver, whoever created
 * them — and updated in place; anyone else is added with a household of their own. Rows the
 * app cannot take in are skipped with their reasons. Pure, given the snapshot.
 */
export function planLedgerImport(files: readonly LedgerWorkbook[], snapshot: StoreSnapshot, options: ImportOptions): ImportPlan {
  const { now } = options;
  const newRev = options.newRev ?? randomUUID;
  const people = new Map(snapshot.people);
  const households = new Map(snapshot.households);
  const byIdNumber = new Map<string, string[]>();
  for (const [id, record] of people) {
    if (record.deleted || !record.data?.idNumber) continue;
    const idNumber = normalizeIdNumber(record.data.idNumber);
    byIdNumber.set(idNumber, [...(byIdNumber.get(idNumber) ?? []), id]);
  }

  let clock: HlcState | undefined;
  const nextHlc = () => {
    if (clock) clock = tickHlc(clock, now.getTime());
    else clock = startAfter(snapshot.latestHlc, now.getTime());
    return formatHlc(clock, IMPORT_DEVICE);
  };

  const plan: ImportPlan = { revisions: [], added: 0, updated: 0, unchanged: 0, problems: [] };

  /** Writes the records of one row, or none of them when one fails the receiver's own checks. */
  const write = (records: readonly ({ kind: 'household'; data: Household } | { kind: 'person'; data: Person })[]): string | undefined => {
    const revisions = records.map(({ kind, data }): Revision => {
      const current = kind === 'person' ? people.get(data.id) : households.get(data.id);
      return { rev: newRev(), parent: current?.rev ?? null, kind, id: data.id, hlc: nextHlc(), device: IMPORT_DEVICE, deleted: false, data: toJson(data) };
    });
    for (const revision of revisions) {
      const check = checkRevision(revision);
      if (!check.ok) return `记录未通过接收端校验：${check.error.message}`;
    }
    records.forEach((record, index) => {
      const { rev, hlc } = revisions[index]!;
      const stored = { rev, hlc, device: IMPORT_DEVICE, deleted: false };
      if (record.kind === 'person') people.set(record.data.id, { ...stored, data: record.data });
      else households.set(record.data.id, { ...stored, data: record.data });
    });
    plan.revisions.push(...revisions);
    return undefined;
  };

  const update = (personId: string, fields: LedgerRecordFields): Outcome => {
    const person = people.get(personId)!.data!;
    const home = households.get(person.householdId);
    if (!home?.data || home.deleted) return { problem: '该人员所属的户不在接收端（可能已删除）：请先在手机上为其选定户' };
    // Only a household the import itself made follows the ledger's address (docs/ledger-import.md).
    const withAddress = home.data.id === ledgerHouseholdId(fields.idNumber);
    const household = applyLedgerHousehold(home.data, fields.household, { withAddress }, now);
    const nextPerson = applyLedgerPerson(person, fields.person, now);
    if (!household && !nextPerson) return 'unchanged';
    const problem = write([...(household ? [{ kind: 'household' as const, data: household }] : []), ...(nextPerson ? [{ kind: 'person' as const, data: nextPerson }] : [])]);
    return problem ? { problem } : 'updated';
  };

  const add = (fields: LedgerRecordFields): Outcome => {
    const taken = people.get(ledgerPersonId(fields.idNumber));
    if (taken && !taken.deleted && taken.data) {
      return { problem: `按身份证号生成的人员编号已属于另一人（其身份证号已改为「${taken.data.idNumber}」）：请核实两人的身份证号` };
    }
    const created = createLedgerRecords(fields, now);
    const home = households.get(created.household.id);
    const household = home?.data && !home.deleted ? applyLedgerHousehold(home.data, fields.household, { withAddress: true }, now) : created.household;
    const problem = write([...(household ? [{ kind: 'household' as const, data: household }] : []), { kind: 'person' as const, data: created.person }]);
    return problem ? { problem } : 'added';
  };

  const firstRow = new Map<string, { file: string; row: number }>();
  for (const ledger of files) {
    for (const row of ledger.rows) {
      const skip = (reasons: string[]) => plan.problems.push({ file: ledger.file, row: row.row, reasons });
      const reading = fromLedgerRow(row, { reportDate: options.reportDate });
      if (!reading.ok) {
        skip(reading.errors.map(formatLedgerFieldError));
        continue;
      }
      const { fields } = reading;
      const earlier = firstRow.get(fields.idNumber);
      if (earlier) {
        const where = earlier.file === ledger.file ? '' : `${basename(earlier.file)} `;
        skip([`第 ${row.row} 行 身份证号：与${where}第 ${earlier.row} 行重复，同一人只导入第一行`]);
        continue;
      }
      firstRow.set(fields.idNumber, { file: ledger.file, row: row.row });

      const matches = byIdNumber.get(fields.idNumber) ?? [];
      if (matches.length > 1) {
        skip([`第 ${row.row} 行 身份证号：接收端已有 ${matches.length} 人使用这个身份证号，请先在手机上处理重复人员`]);
        continue;
      }
      const outcome = matches[0] ? update(matches[0], fields) : add(fields);
      if (typeof outcome === 'object') skip([`第 ${row.row} 行 ${outcome.problem}`]);
      else if (outcome === 'added') plan.added += 1;
      else if (outcome === 'updated') plan.updated += 1;
      else plan.unchanged += 1;
    }
  }
  return plan;
}

/** A clock after every stored one, so the import's revisions become current. */
function startAfter(latestHlc: string | undefined, nowMs: number): HlcState {
  let latest: HlcState | undefined;
  try {
    latest = latestHlc === undefined ? undefined : parseHlc(latestHlc);
  } catch {
    // Another client's clock in another format: nothing to order after.
  }
  return latest ? receiveHlc(null, latest, nowMs) : tickHlc(null, nowMs);
}

/** The record as the JSON it travels as: unset fields absent. */
function toJson(record: Person | Household): Record<string, unknown> {
  return JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
}

/**
 * Plans against the store's current records and stores the plan as one batch, which both
 * adapters write in one transaction. `rejected` is empty unless the store changed its mind
 * about a revision that passed the receiver's checks here.
 */
export async function importLedgers(store: Store, files: readonly LedgerWorkbook[], options: ImportOptions): Promise<{ plan: ImportPlan; rejected: RevisionResult[] }> {
  const plan = planLedgerImport(files, await readStoreSnapshot(store), options);
  const results = plan.revisions.length > 0 ? await store.storeRevisions(plan.revisions, EVERYWHERE) : [];
  return { plan, rejected: results.filter((result) => result.status === 'rejected') };
}

/** What the clerk reads after an import. */
export function formatImportReport(files: readonly LedgerWorkbook[], plan: ImportPlan, where: string): string {
  const skipped = plan.unchanged + plan.problems.length;
  const lines = files.map((ledger) => `${ledger.file}（工作表「${ledger.sheet}」）：${ledger.rows.length} 行`);
  lines.push(`新增 ${plan.added} 人，更新 ${plan.updated} 人，跳过 ${skipped} 行（未变化 ${plan.unchanged} 行，有问题 ${plan.problems.length} 行）`);
  if (plan.problems.length > 0) {
    lines.push('有问题、未导入的行：');
    for (const problem of plan.problems) for (const reason of problem.reasons) lines.push(`  ${files.length > 1 ? `${basename(problem.file)} ` : ''}${reason}`);
  }
  lines.push(`数据：${where}（设备 ${IMPORT_DEVICE}，新修订 ${plan.revisions.length} 条）`);
  lines.push(`added ${plan.added}, updated ${plan.updated}, skipped ${skipped} (unchanged ${plan.unchanged}, problems ${plan.problems.length})`);
  return `${lines.join('\n')}\n`;
}

/**
 * `fieldbook import FILE.xlsx... [--data FILE]` (CONTRACTS): the 明细表 files into the
 * receiver's store as revisions from device `import`, in one transaction. Exit 0 when every
 * row is in (added, updated or unchanged), 1 when rows were skipped for problems, 2 when a file
 * can't be read — nothing is stored then.
 */
export async function importCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { data: { type: 'string' } } });
  if (positionals.length === 0) {
    throw new ConfigError('请给出明细表文件：fieldbook import FILE.xlsx... [--data FILE]', 'give one or more ledger files: fieldbook import FILE.xlsx... [--data FILE]');
  }
  const location = resolveStoreLocation(values.data);
  const files: LedgerWorkbook[] = [];
  for (const file of positionals) {
    try {
      files.push(await readLedgerFile(file));
    } catch (error) {
      if (!(error instanceof LedgerReadError)) throw error;
      process.stderr.write(`无法读取 ${file}：${error.chinese}，未导入任何数据\ncannot read ${file}: ${error.message}; nothing was imported\n`);
      process.exitCode = 2;
      return;
    }
  }

  const store = await openConfiguredStore(location);
  try {
    const now = new Date();
    const { plan, rejected } = await importLedgers(store, files, { now, reportDate: formatLocalDate(now) });
    process.stdout.write(formatImportReport(files, plan, describeStoreLocation(location)));
    for (const result of rejected) {
      process.stderr.write(`接收端拒绝了修订 ${result.rev}：${result.error?.message ?? ''}\nrevision ${result.rev} rejected: ${result.error?.code ?? ''}\n`);
    }
    process.exitCode = plan.problems.length > 0 || rejected.length > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}
