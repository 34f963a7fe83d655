import type { z } from 'zod';
import { normalizeIdNumber } from '../domain/id-card';
import { HouseholdSchema, type Household, type HouseholdInput } from '../domain/household';
import { PersonSchema, type Person, type PersonInput } from '../domain/person';
import { PERSON_FIELD_LABELS } from '../domain/person-field-labels';

/** One thing said about one row: an error keeps the row out; a notice says what was tidied. */
export interface RowIssue {
  /** Row number as the spreadsheet shows it. */
  row: number;
  /** The field as the form names it (身份证号, 村（社区）). */
  field: string;
  message: string;
  level: 'error' | 'notice';
}

/** 「第 12 行 身份证号：校验位错误」 */
export function formatIssue(issue: Pick<RowIssue, 'row' | 'field' | 'message'>): string {
  return `第 ${issue.row} 行 ${issue.field}：${issue.message}`;
}

export type PersonFields = Partial<Omit<PersonInput, 'id' | 'householdId' | 'createdAt' | 'updatedAt'>>;
export type HouseholdFields = Partial<Pick<HouseholdInput, 'county' | 'township' | 'village' | 'group' | 'number' | 'head' | 'monitored' | 'monitorType' | 'relocated' | 'povertyAlleviated'>>;

/** A row that read cleanly, as record fields; empty cells are left out so they never erase what the phone has. */
export interface ImportCandidate {
  row: number;
  /** Normalised and valid: how the person is matched with the phone's records. */
  idNumber: string;
  person: PersonFields;
  /** Fields that fill only what the stored person lacks (性别 from the ID number). */
  personDefaults?: PersonFields;
  household: HouseholdFields;
  /** Rows with the same key are one household. */
  householdKey: string;
  /** This row is the household's head (与户主关系 = 户主). */
  isHead?: boolean;
  /** The head's ID number, when the file gives it: finds the household already on the phone. */
  headIdNumber?: string;
}

export const HOUSEHOLD_FIELD_LABELS: Record<keyof HouseholdFields, string> = {
  county: '县（区）',
  township: '乡镇（街道）',
  village: '村（社区）',
  group: '屯（组）',
  number: '户编号',
  head: '户主',
  monitored: '是否监测对象',
  monitorType: '监测对象类型',
  relocated: '是否易地搬迁安置户',
  povertyAlleviated: '脱贫户',
};

export type RowStatus = 'new' | 'update' | 'same' | 'error';

export interface PersonWrite {
  row: number;
  idNumber: string;
  existingId?: string;
  /** The id a new person gets (the 明细表 import derives it from the ID number); random when unset. */
  newId?: string;
  householdKey: string;
  /** The person as it will be stored, minus id, household and timestamps. */
  fields: PersonFields;
  status: Exclude<RowStatus, 'error'>;
}

export interface HouseholdWrite {
  key: string;
  existingId?: string;
  /** The id a new household gets; random when unset. */
  newId?: string;
  fields: HouseholdFields;
  /** False when the household is on the phone already exactly so: nothing to write. */
  changed: boolean;
}

export interface ImportPlan {
  /** Where the rows came from: a roster mapped by the clerk, or an official 明细表. */
  source: 'roster' | 'ledger';
  rows: { row: number; name: string; status: RowStatus }[];
  /** Errors and notices, by row. */
  issues: RowIssue[];
  households: HouseholdWrite[];
  people: PersonWrite[];
  summary: { added: number; updated: number; unchanged: number; errorRows: number; householdsAdded: number };
}

export interface ImportContext {
  people: readonly Person[];
  households: readonly Household[];
}

const PLACEHOLDER = { id: 'import', createdAt: '2000-01-01T00:00:00.000Z', updatedAt: '2000-01-01T00:00:00.000Z' } as const;

/**
 * Decides, for rows that read cleanly, what the import will do: match people on the phone by
 * 身份证号 (update, never a second record), find or create each household, and validate every
 * resulting record with the same schemas the forms use. Nothing is written here.
 */
export function planImport(candidates: readonly ImportCandidate[], earlierIssues: readonly RowIssue[], context: ImportContext): ImportPlan {
  const issues = [...earlierIssues];
  const errorRows = new Set(issues.filter((issue) => issue.level === 'error').map((issue) => issue.row));
  const fail = (row: number, field: string, message: string) => {
    issues.push({ row, field, message, level: 'error' });
    errorRows.add(row);
  };

  const peopleById = new Map<string, Person>();
  for (const person of context.people) if (person.idNumber) peopleById.set(normalizeIdNumber(person.idNumber), person);
  const householdsById = new Map(context.households.map((household) => [household.id, household]));

  // The same person twice in the file: the first row counts.
  const firstRowOfId = new Map<string, number>();
  const accepted: ImportCandidate[] = [];
  for (const candidate of candidates) {
    const first = firstRowOfId.get(candidate.idNumber);
    if (first !== undefined) {
      fail(candidate.row, '身份证号', `与第 ${first} 行重复（同一个人只能有一行）`);
      continue;
    }
    firstRowOfId.set(candidate.idNumber, candidate.row);
    const existing = peopleById.get(candidate.idNumber);
    const parsed = PersonSchema.safeParse({ ...existing, ...candidate.person, ...PLACEHOLDER, householdId: 'import' });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) fail(candidate.row, labelOfPersonField(issue.path), describeZodIssue(issue, valueAt(candidate.person, issue.path)));
      continue;
    }
    accepted.push(candidate);
  }

  const groups = new Map<string, ImportCandidate[]>();
  for (const candidate of accepted) groups.set(candidate.householdKey, [...(groups.get(candidate.householdKey) ?? []), candidate]);

  const households: HouseholdWrite[] = [];
  const people: PersonWrite[] = [];
  for (const [key, members] of groups) {
    const fields = mergeHouseholdFields(members, fail);
    const valid = members.filter((member) => !errorRows.has(member.row));
    if (valid.length === 0) continue;
    const existing = findHousehold(valid, fields, peopleById, context.households, householdsById);
    // Without a 户主 column the phone's head stands; a new household takes its head from the rows.
    fields.head ||= existing?.head || headOf(valid);
    const parsed = HouseholdSchema.safeParse({ ...existing, ...fields, ...PLACEHOLDER });
    if (!parsed.success) {
      const [first, ...others] = valid;
      for (const issue of parsed.error.issues) fail(first!.row, labelOfHouseholdField(issue.path), describeZodIssue(issue, valueAt(fields, issue.path)));
      for (const other of others) fail(other.row, '户', `同户第 ${first!.row} 行的户信息有错误，本行一并跳过`);
      continue;
    }
    households.push({ key, existingId: existing?.id, fields, changed: !existing || isChanged(existing, fields) });
    for (const member of valid) {
      const stored = peopleById.get(member.idNumber);
      const defaults = Object.fromEntries(Object.entries(member.personDefaults ?? {}).filter(([field]) => !isFilled(stored?.[field as keyof Person]))) as PersonFields;
      const personFields = { ...defaults, ...member.person, idNumber: member.idNumber };
      const movesHousehold = stored !== undefined && stored.householdId !== existing?.id;
      const status = !stored ? 'new' : movesHousehold || isChanged(stored, personFields) ? 'update' : 'same';
      people.push({ row: member.row, idNumber: member.idNumber, existingId: stored?.id, householdKey: key, fields: personFields, status });
    }
  }

  const statusByRow = new Map(people.map((person) => [person.row, person.status]));
  const names = new Map(candidates.map((candidate) => [candidate.row, String(candidate.person.name ?? '')]));
  const allRows = [...new Set([...candidates.map((candidate) => candidate.row), ...errorRows])].sort((a, b) => a - b);
  const rows = allRows.map((row) => ({ row, name: names.get(row) ?? '', status: errorRows.has(row) ? ('error' as const) : (statusByRow.get(row) ?? ('error' as const)) }));
  const count = (status: RowStatus) => rows.filter((row) => row.status === status).length;
  return {
    source: 'roster',
    rows,
    issues: issues.sort((a, b) => a.row - b.row),
    households: households.filter((household) => people.some((person) => person.householdKey === household.key)),
    people: people.filter((person) => !errorRows.has(person.row)),
    summary: {
      added: count('new'),
      updated: count('update'),
      unchanged: count('same'),
      errorRows: count('error'),
      householdsAdded: households.filter((household) => !household.existingId).length,
    },
  };
}

/** The household's fields from its rows; a later row that says otherwise is an error on that row. */
function mergeHouseholdFields(members: readonly ImportCandidate[], fail: (row: number, field: string, message: string) => void): HouseholdFields {
  const merged: Record<string, unknown> = {};
  const sourceRow: Record<string, number> = {};
  for (const member of members) {
    for (const [field, value] of Object.entries(member.household)) {
      if (value === undefined || value === '') continue;
      if (merged[field] === undefined) {
        merged[field] = value;
        sourceRow[field] = member.row;
      } else if (merged[field] !== value) {
        const label = HOUSEHOLD_FIELD_LABELS[field as keyof HouseholdFields];
        fail(member.row, label, `与同户第 ${sourceRow[field]} 行不同（${show(merged[field])} / ${show(value)}）`);
      }
    }
  }
  return merged as HouseholdFields;
}

function show(value: unknown): string {
  if (value === true) return '是';
  if (value === false) return '否';
  return String(value);
}

function headOf(members: readonly ImportCandidate[]): string {
  const byRelationship = members.find((member) => member.isHead);
  const byId = members.find((member) => member.headIdNumber && member.headIdNumber === member.idNumber);
  return String((byRelationship ?? byId ?? members[0])?.person.name ?? '');
}

function findHousehold(
  members: readonly ImportCandidate[],
  fields: HouseholdFields,
  peopleById: ReadonlyMap<string, Person>,
  households: readonly Household[],
  householdsById: ReadonlyMap<string, Household>,
): Household | undefined {
  for (const member of members) {
    const known = peopleById.get(member.idNumber);
    const household = known && householdsById.get(known.householdId);
    if (household) return household;
  }
  const headId = members.find((member) => member.headIdNumber)?.headIdNumber;
  const head = headId ? peopleById.get(headId) : undefined;
  if (head && householdsById.has(head.householdId)) return householdsById.get(head.householdId);
  if (fields.number) {
    return households.find((household) => household.number === fields.number && (!fields.village || !household.village || household.village === fields.village));
  }
  return undefined;
}

function isFilled(value: unknown): boolean {
  return value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
}

function isChanged(stored: object, fields: object): boolean {
  return Object.entries(fields).some(([field, value]) => JSON.stringify((stored as Record<string, unknown>)[field]) !== JSON.stringify(value));
}

function valueAt(record: object, path: readonly PropertyKey[]): unknown {
  return (record as Record<PropertyKey, unknown>)[path[0] ?? ''];
}

function labelOfPersonField(path: readonly PropertyKey[]): string {
  return PERSON_FIELD_LABELS[String(path[0])] ?? String(path[0] ?? '');
}

function labelOfHouseholdField(path: readonly PropertyKey[]): string {
  return HOUSEHOLD_FIELD_LABELS[String(path[0]) as keyof HouseholdFields] ?? String(path[0] ?? '');
}

/** A schema's complaint in the clerk's words. */
export function describeZodIssue(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === 'invalid_value') return `“${show(value)}”不在选项中（${issue.values.map(String).join('、')}）`;
  if (issue.code === 'too_big') return `太长（最多 ${String(issue.maximum)} 个字）`;
  if (issue.code === 'custom') return issue.message;
  return `“${show(value)}”格式不对`;
}
