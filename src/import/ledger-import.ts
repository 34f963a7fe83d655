import type { Household } from '../domain/household';
import { normalizeIdNumber } from '../domain/id-card';
import {
  applyLedgerHousehold,
  applyLedgerPerson,
  createLedgerRecords,
  fromLedgerRow,
  ledgerHouseholdId,
  ledgerPersonId,
} from '../domain/ledger-mapping';
import type { LedgerRow } from '../domain/ledger-row';
import type { Person } from '../domain/person';
import type { HouseholdFields, HouseholdWrite, ImportContext, ImportPlan, PersonFields, PersonWrite, RowIssue, RowStatus } from './import-plan';
import { normalizeHeader } from './roster-fields';
import { ImportFileError, type Sheet } from './sheet';

/** Wordings only the 明细表 (附件2-1) header carries together. */
const LEDGER_MARKS = ['序号', '身份证号', '劳动能力情况', '是否监测对象', '无就业意向原因'].map(normalizeHeader);

/** Whether a sheet is an official 明细表: its first rows carry the 附件2-1 header wording. */
export function isLedgerSheet(sheet: Sheet): boolean {
  const texts = new Set(sheet.rows.slice(0, 25).flatMap((cells) => cells.map((cell) => normalizeHeader(cell.text))));
  return LEDGER_MARKS.every((mark) => texts.has(mark));
}

/** The 明细表 rows of a workbook, by the shared reader (the CLI's); its complaints become the clerk's message. */
export async function readLedgerRows(bytes: Uint8Array, fileName: string): Promise<{ sheet: string; rows: LedgerRow[] }> {
  const { readLedgerWorkbook, LedgerReadError } = await import('../excel/read-ledger');
  try {
    const workbook = await readLedgerWorkbook(bytes, fileName);
    return { sheet: workbook.sheet, rows: workbook.rows };
  } catch (error) {
    if (error instanceof LedgerReadError) throw new ImportFileError(error.chinese);
    throw error;
  }
}

const TIMESTAMPS = ['id', 'householdId', 'createdAt', 'updatedAt'] as const;

/** The fields of `next` that differ from `stored` (all of them for a new record), without id and timestamps. */
function changedFields<T extends object>(stored: T | undefined, next: T): Partial<T> {
  const before = (stored ?? {}) as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changed: Record<string, unknown> = {};
  for (const key of keys) {
    if ((TIMESTAMPS as readonly string[]).includes(key)) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed[key] = after[key];
  }
  return changed as Partial<T>;
}

/**
 * The import of an official 明细表, by the same rules as `fieldbook import`
 * (src/domain/ledger-mapping.ts): a person found by 身份证号 is updated in place; anyone else
 * is added with a household of their own, both with ids derived from the ID number, so the
 * phone and the receiver create the same records. Each write is the fields that change, laid
 * over the record as it stands when the clerk accepts.
 */
export function planLedgerImport(rows: readonly LedgerRow[], context: ImportContext, reportDate: string, now = new Date()): ImportPlan {
  const issues: RowIssue[] = [];
  const statuses: { row: number; name: string; status: RowStatus }[] = [];
  const households = new Map<string, HouseholdWrite>();
  const people: PersonWrite[] = [];
  const peopleById = new Map<string, Person>();
  for (const person of context.people) if (person.idNumber) peopleById.set(normalizeIdNumber(person.idNumber), person);
  const personIds = new Map(context.people.map((person) => [person.id, person]));
  const householdsById = new Map<string, Household>(context.households.map((household) => [household.id, household]));
  const firstRow = new Map<string, number>();

  for (const row of rows) {
    const fail = (field: string, message: string) => {
      issues.push({ row: row.row, field, message, level: 'error' });
      statuses.push({ row: row.row, name: row.name, status: 'error' });
    };
    const reading = fromLedgerRow(row, { reportDate });
    if (!reading.ok) {
      issues.push(...reading.errors.map((error) => ({ row: error.row, field: error.column, message: error.message, level: 'error' as const })));
      statuses.push({ row: row.row, name: row.name, status: 'error' });
      continue;
    }
    const { fields } = reading;
    const earlier = firstRow.get(fields.idNumber);
    if (earlier !== undefined) {
      fail('身份证号', `与第 ${earlier} 行重复（同一个人只导入第一行）`);
      continue;
    }
    firstRow.set(fields.idNumber, row.row);

    const stored = peopleById.get(fields.idNumber);
    if (stored) {
      const home = householdsById.get(stored.householdId);
      if (!home) {
        fail('身份证号', '此人所属的户不在本机：请先在手机上为其选定户');
        continue;
      }
      const withAddress = home.id === ledgerHouseholdId(fields.idNumber);
      const household = applyLedgerHousehold(home, fields.household, { withAddress }, now);
      const person = applyLedgerPerson(stored, fields.person, now);
      const householdWrite = households.get(home.id);
      if (household) households.set(home.id, { key: home.id, existingId: home.id, fields: { ...householdWrite?.fields, ...(changedFields(home, household) as HouseholdFields) }, changed: true });
      else if (!householdWrite) households.set(home.id, { key: home.id, existingId: home.id, fields: {}, changed: false });
      const status = person || household ? 'update' : 'same';
      people.push({ row: row.row, idNumber: fields.idNumber, existingId: stored.id, householdKey: home.id, fields: person ? (changedFields(stored, person) as PersonFields) : {}, status });
      statuses.push({ row: row.row, name: row.name, status });
      continue;
    }

    const taken = personIds.get(ledgerPersonId(fields.idNumber));
    if (taken) {
      fail('身份证号', `按身份证号生成的人员编号已属于另一人（其身份证号已改为「${taken.idNumber}」）：请核实两人的身份证号`);
      continue;
    }
    const created = createLedgerRecords(fields, now);
    const home = householdsById.get(created.household.id);
    const household = home ? applyLedgerHousehold(home, fields.household, { withAddress: true }, now) : created.household;
    households.set(created.household.id, {
      key: created.household.id,
      existingId: home?.id,
      newId: created.household.id,
      fields: household ? (changedFields(home, household) as HouseholdFields) : {},
      changed: household !== undefined,
    });
    people.push({ row: row.row, idNumber: fields.idNumber, newId: created.person.id, householdKey: created.household.id, fields: changedFields(undefined, created.person) as PersonFields, status: 'new' });
    statuses.push({ row: row.row, name: row.name, status: 'new' });
  }

  const count = (status: RowStatus) => statuses.filter((entry) => entry.status === status).length;
  return {
    source: 'ledger',
    rows: statuses.sort((a, b) => a.row - b.row),
    issues: issues.sort((a, b) => a.row - b.row),
    households: [...households.values()],
    people,
    summary: {
      added: count('new'),
      updated: count('update'),
      unchanged: count('same'),
      errorRows: count('error'),
      householdsAdded: [...households.values()].filter((household) => !household.existingId).length,
    },
  };
}
