import { activeServices, type AssistanceEvent, type ServiceType } from './assistance-event';
import { HouseholdSchema, MONITOR_TYPES, type Household, type MonitorType } from './household';
import { normalizeIdNumber, parseIdNumber } from './id-card';
import { labelLedgerColumn } from './ledger-checks';
import { hasIntentionRow, hasNoIntentionRow, type LedgerRow } from './ledger-row';
import { createPerson, PersonSchema, type Person, type RegionAnswer } from './person';
import { REGION_BUCKET_SET_IDS, REGION_BUCKET_SETS } from './region-buckets';
import { EMPLOYED_WORK_STATUSES, INTENDED_EMPLOYER_TYPES, LABOUR_ABILITIES, NO_INTENTION_REASONS, YES_NO } from './survey-options';

/**
 * The app's records ↔ one row of the 明细表 (seed 000 附件2-1). `toLedgerRow` is the export;
 * `fromLedgerRow` reads back what a row says about a person and their household, and the
 * `apply…` functions lay it over records already on file (the `fieldbook import` rules,
 * docs/ledger-import.md).
 */

type LedgerKey = Exclude<keyof LedgerRow, 'row'>;

const YES = '是';
const NO = '否';
const yesNo = (value: boolean) => (value ? YES : NO);

// ─── Regions ────────────────────────────────────────────────────────────────────────────────

const LEDGER_BUCKETS: readonly string[] = REGION_BUCKET_SETS.guangxi.buckets;

/**
 * A 广东省口径 answer in the ledger's 广西口径 wording, by what it means for the reporting
 * province: outside Guangdong is outside one's own 区 and not 广东 (非广东区外); inside the
 * province but outside the city is 区内市外.
 */
const GUANGDONG_TO_LEDGER: Record<(typeof REGION_BUCKET_SETS.guangdong.buckets)[number], (typeof REGION_BUCKET_SETS.guangxi.buckets)[number]> = {
  省外: '非广东区外',
  省内市外: '区内市外',
  市内县外: '市内县外',
  县内: '县内',
};

/** A 就业所在地 / 就业意向 answer as the 明细表 words it; a value outside its set is kept as typed. */
export function toLedgerRegion(answer: RegionAnswer | undefined): string {
  if (!answer) return '';
  if (answer.set === 'guangdong') return (GUANGDONG_TO_LEDGER as Record<string, string>)[answer.value] ?? answer.value;
  return answer.value;
}

/** A ledger cell as a region answer: the 广西口径 first (the ledger's own), then any other set. */
function readRegion(cell: string): RegionAnswer | undefined {
  if (LEDGER_BUCKETS.includes(cell)) return { set: 'guangxi', value: cell };
  const set = REGION_BUCKET_SET_IDS.find((id) => (REGION_BUCKET_SETS[id].buckets as readonly string[]).includes(cell));
  return set && { set, value: cell };
}

// ─── Records → row ─────────────────────────────────────────────────────────────────────────

export interface ToLedgerRowOptions {
  /** YYYY-MM-DD: services dated after it are not counted yet. */
  reportDate: string;
  /** 序号; blank by default. */
  serial?: string;
}

/**
 * One 明细表 row from a person, their household and their events (any events: those of other
 * people are ignored). The service columns count services in force (not voided by a 作废) up
 * to the report date. `row` is 0: the sheet that receives the row numbers it.
 */
export function toLedgerRow(person: Person, household: Household, events: readonly AssistanceEvent[], options: ToLedgerRowOptions): LedgerRow {
  const services = activeServices(events.filter((event) => event.personId === person.id)).filter((service) => service.date <= options.reportDate);
  const count = (type: ServiceType) => services.filter((service) => service.type === type).length;
  // The assigned contact; failing that, whoever served the person last.
  const contact = person.assistanceContact || (services.find((service) => service.assistanceContact !== '')?.assistanceContact ?? '');
  return {
    row: 0,
    serial: options.serial ?? '',
    county: household.county,
    township: household.township,
    village: household.village,
    name: person.name,
    idNumber: person.idNumber,
    phone: person.phone,
    labourAbility: person.labourAbility ?? '',
    relocated: yesNo(household.relocated),
    isStudent: person.isStudent ?? '',
    monitored: yesNo(household.monitored),
    monitorType: household.monitored ? (household.monitorType ?? '') : '',
    monthsEmployed: person.monthsEmployedThisYear === undefined ? '' : String(person.monthsEmployedThisYear),
    employmentRegion: toLedgerRegion(person.employmentRegion),
    employedSince: person.employedSince,
    employerName: person.employerName || person.employerAndPost,
    intendedRegion: toLedgerRegion(person.intendedRegion),
    intendedEmployerType: person.intendedEmployerType ?? '',
    expectedPay: person.expectedPay,
    nearTermPlan: person.nearTermPlan,
    noIntentionReason: person.noIntentionReason ?? '',
    guidanceCount: String(count('职业指导')),
    referralCount: String(count('岗位推介')),
    internship: yesNo(count('就业见习') > 0),
    training: yesNo(count('技能培训') > 0),
    assistanceContact: contact,
    assistanceContactPhone: contact === person.assistanceContact ? person.assistanceContactPhone : '',
    remarks: person.remarks,
  };
}

// ─── Row → fields ─────────────────────────────────────────────────────────────────────────

/**
 * The person fields a 明细表 row carries. The four service columns are not here: they are
 * tallies without dates or contacts, and the app's services are dated events.
 */
export interface LedgerPersonFields {
  name: string;
  idNumber: string;
  phone: string;
  labourAbility: Person['labourAbility'];
  isStudent: Person['isStudent'];
  monthsEmployedThisYear: number | undefined;
  employmentRegion: RegionAnswer | undefined;
  employedSince: string;
  employerName: string;
  /** 是 when any 有就业意愿 column is given, 否 when 无就业意向原因 is, else unset. */
  hasIntention: Person['hasIntention'];
  intendedRegion: RegionAnswer | undefined;
  intendedEmployerType: Person['intendedEmployerType'];
  expectedPay: string;
  nearTermPlan: string;
  noIntentionReason: Person['noIntentionReason'];
  /** A reason outside the list is 其他 with the cell's words here. */
  noIntentionReasonOther: string;
  assistanceContact: string;
  assistanceContactPhone: string;
  remarks: string;
}

/** The household fields a row carries; a blank 是/否 cell is undefined (not stated). */
export interface LedgerHouseholdFields {
  county: string;
  township: string;
  village: string;
  relocated: boolean | undefined;
  monitored: boolean | undefined;
  monitorType: MonitorType | undefined;
}

export interface LedgerRecordFields {
  /** The normalised 18-character ID number: the person's key. */
  idNumber: string;
  person: LedgerPersonFields;
  household: LedgerHouseholdFields;
}

/** Why a row cannot be taken in: the sheet row, the column as its header names it, what is wrong. */
export interface LedgerFieldError {
  row: number;
  column: string;
  message: string;
}

export type LedgerRowReading = { ok: true; row: number; fields: LedgerRecordFields } | { ok: false; row: number; errors: LedgerFieldError[] };

/** 「第 12 行 身份证号：校验位错误」 */
export function formatLedgerFieldError(error: LedgerFieldError): string {
  return `第 ${error.row} 行 ${error.column}：${error.message}`;
}

const ID_MESSAGES = {
  'id.checksum': '校验位错误',
  'id.birthdate': '出生日期不存在或晚于填报日期',
} as const;

function describeIdProblem(raw: string, reportDate: string): string | undefined {
  if (raw === '') return '为空：导入按身份证号认人，没有身份证号的行不能导入';
  const parsed = parseIdNumber(raw, reportDate);
  if (parsed.ok) return undefined;
  // Excel turned the number into a float and kept 15 digits: the rest is gone for good.
  if (/^\d(\.\d+)?E\+\d+$/i.test(raw) || /^\d{15}0{3}$/.test(raw)) {
    return `「${raw}」被 Excel 存成了数字，后几位已丢失：请把该列设为文本，重新填写身份证号`;
  }
  if (parsed.code === 'id.format') return `「${raw}」格式不对：应为18位，17位数字加1位数字或X`;
  return `「${raw}」${ID_MESSAGES[parsed.code]}`;
}

/** The ledger column each person field comes from, for messages about the field. */
const PERSON_FIELD_COLUMNS: Partial<Record<keyof Person, LedgerKey>> = {
  name: 'name',
  idNumber: 'idNumber',
  phone: 'phone',
  employedSince: 'employedSince',
  employerName: 'employerName',
  expectedPay: 'expectedPay',
  nearTermPlan: 'nearTermPlan',
  noIntentionReasonOther: 'noIntentionReason',
  assistanceContact: 'assistanceContact',
  assistanceContactPhone: 'assistanceContactPhone',
  remarks: 'remarks',
};

export interface FromLedgerRowOptions {
  /** YYYY-MM-DD: an ID number born after it is wrong. Without it only the date's existence is checked. */
  reportDate?: string;
}

/**
 * What a 明细表 row says about a person and their household, or why it cannot be taken in:
 * an ID number that is missing or wrong (the key of the import), no 姓名, a choice outside its
 * options, 年内累计就业时长 that is not 0–12 months, 是否监测对象 and 监测对象类型 disagreeing,
 * a cell longer than the app keeps. A row the checks would flag otherwise (employed and also
 * wanting work) is taken in as it is: the checks judge, the import copies.
 */
export function fromLedgerRow(row: LedgerRow, options: FromLedgerRowOptions = {}): LedgerRowReading {
  const errors: LedgerFieldError[] = [];
  const fail = (key: LedgerKey, message: string) => errors.push({ row: row.row, column: labelLedgerColumn(key), message });
  const choice = <T extends string>(key: LedgerKey, options: readonly T[]): T | undefined => {
    const cell = row[key];
    if (cell === '') return undefined;
    if ((options as readonly string[]).includes(cell)) return cell as T;
    fail(key, `「${cell}」不是可选值，应为：${options.join('、')}`);
    return undefined;
  };
  const region = (key: 'employmentRegion' | 'intendedRegion'): RegionAnswer | undefined => {
    if (row[key] === '') return undefined;
    const answer = readRegion(row[key]);
    if (!answer) fail(key, `「${row[key]}」不是可选值，应为：${LEDGER_BUCKETS.join('、')}`);
    return answer;
  };

  const idProblem = describeIdProblem(row.idNumber, options.reportDate ?? '9999-12-31');
  if (idProblem) fail('idNumber', idProblem);
  if (row.name === '') fail('name', '为空：请填写姓名');

  const monthsMatch = /^(\d{1,2})(?:个月|月)?$/.exec(row.monthsEmployed);
  const months = monthsMatch ? Number(monthsMatch[1]) : undefined;
  if (row.monthsEmployed !== '' && (months === undefined || months > 12)) fail('monthsEmployed', `「${row.monthsEmployed}」不对：应为 0–12 的整数月数`);

  const relocated = choice('relocated', YES_NO);
  const monitored = choice('monitored', YES_NO);
  const monitorType = choice('monitorType', MONITOR_TYPES);
  if (monitored === YES && row.monitorType === '') fail('monitorType', `是监测对象但未填监测对象类型：应为${MONITOR_TYPES.join('、')}之一`);
  if (monitored !== YES && monitorType) fail('monitorType', `填了监测对象类型（${monitorType}），但是否监测对象不是「是」`);

  const reasonCell = row.noIntentionReason;
  const reasonListed = (NO_INTENTION_REASONS as readonly string[]).includes(reasonCell);
  const person: LedgerPersonFields = {
    name: row.name,
    idNumber: normalizeIdNumber(row.idNumber),
    phone: row.phone,
    labourAbility: choice('labourAbility', LABOUR_ABILITIES),
    isStudent: choice('isStudent', YES_NO),
    monthsEmployedThisYear: months !== undefined && months <= 12 ? months : undefined,
    employmentRegion: region('employmentRegion'),
    employedSince: row.employedSince,
    employerName: row.employerName,
    hasIntention: hasIntentionRow(row) ? YES : hasNoIntentionRow(row) ? NO : undefined,
    intendedRegion: region('intendedRegion'),
    intendedEmployerType: choice('intendedEmployerType', INTENDED_EMPLOYER_TYPES),
    expectedPay: row.expectedPay,
    nearTermPlan: row.nearTermPlan,
    // The 汇总表 counts an unlisted reason under 其他; here it is 其他 with its words kept.
    noIntentionReason: reasonCell === '' ? undefined : reasonListed ? (reasonCell as Person['noIntentionReason']) : '其他',
    noIntentionReasonOther: reasonCell !== '' && !reasonListed ? reasonCell : '',
    assistanceContact: row.assistanceContact,
    assistanceContactPhone: row.assistanceContactPhone,
    remarks: row.remarks,
  };
  const household: LedgerHouseholdFields = {
    county: row.county,
    township: row.township,
    village: row.village,
    relocated: relocated === undefined ? undefined : relocated === YES,
    monitored: monitored === undefined ? undefined : monitored === YES,
    monitorType: monitored === YES ? monitorType : undefined,
  };

  // Lengths and shapes the app keeps, judged by the schemas themselves.
  const stamp = '2000-01-01T00:00:00.000Z';
  const personCheck = PersonSchema.safeParse({ id: 'x', householdId: 'x', createdAt: stamp, updatedAt: stamp, ...person });
  if (!personCheck.success) {
    for (const issue of personCheck.error.issues) {
      const key = PERSON_FIELD_COLUMNS[issue.path[0] as keyof Person];
      if (!key || errors.some((error) => error.column === labelLedgerColumn(key))) continue;
      fail(key, issue.code === 'too_big' ? `「${row[key]}」太长：最多 ${String(issue.maximum)} 个字` : `「${row[key]}」格式不对`);
    }
  }
  for (const key of ['county', 'township', 'village'] as const) if (row[key].length > 40) fail(key, `「${row[key]}」太长：最多 40 个字`);

  if (errors.length > 0) return { ok: false, row: row.row, errors };
  return { ok: true, row: row.row, fields: { idNumber: person.idNumber, person, household } };
}

// ─── Fields → records ──────────────────────────────────────────────────────────────────────

/**
 * FNV-1a, 64 bits, as 16 hex digits: the same on every machine, and at 100,000 people the
 * chance of two ID numbers sharing a value is about 3 in 10^10.
 */
function hash64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

/** The record id of a person first taken in from a ledger: the same for the same ID number on every run. */
export function ledgerPersonId(idNumber: string): string {
  return `ledger-p-${hash64(normalizeIdNumber(idNumber))}`;
}

/** The id of the one-person household the import creates for a new person (docs/ledger-import.md). */
export function ledgerHouseholdId(idNumber: string): string {
  return `ledger-h-${hash64(normalizeIdNumber(idNumber))}`;
}

const PLAIN_PERSON_KEYS = [
  'name',
  'idNumber',
  'phone',
  'labourAbility',
  'isStudent',
  'monthsEmployedThisYear',
  'employedSince',
  'employerName',
  'hasIntention',
  'intendedEmployerType',
  'expectedPay',
  'nearTermPlan',
  'noIntentionReason',
  'assistanceContact',
  'assistanceContactPhone',
  'remarks',
] as const satisfies readonly (keyof LedgerPersonFields & keyof Person)[];

/**
 * 就失业状况 as the row implies it: employed in the county is 就近就业, elsewhere 外出务工
 * (DOMAIN: 外出务工 means outside the county); not employed keeps a not-at-work status already
 * chosen, else 在家务农 for 务农 and 其他 otherwise; a row without any status keeps the record's.
 */
function deriveWorkStatus(fields: LedgerPersonFields, current: Person['workStatus']): Person['workStatus'] {
  if (fields.employmentRegion) return fields.employmentRegion.value === '县内' ? '就近就业' : '外出务工';
  if (!fields.hasIntention) return current;
  if (current && !EMPLOYED_WORK_STATUSES.includes(current)) return current;
  return fields.noIntentionReason === '务农' ? '在家务农' : '其他';
}

/** The fields a row carries laid over a person; undefined when the row changes nothing. */
export function applyLedgerPerson(person: Person, fields: LedgerPersonFields, now: Date): Person | undefined {
  const next: Person = { ...person };
  for (const key of PLAIN_PERSON_KEYS) (next as Record<string, unknown>)[key] = fields[key];
  // An answer from another bucket set that the ledger words the same way is the same answer.
  for (const key of ['employmentRegion', 'intendedRegion'] as const) {
    if (toLedgerRegion(person[key]) !== toLedgerRegion(fields[key])) next[key] = fields[key];
  }
  if (fields.noIntentionReasonOther !== '') next.noIntentionReasonOther = fields.noIntentionReasonOther;
  else if (fields.noIntentionReason !== '其他') next.noIntentionReasonOther = '';
  next.workStatus = deriveWorkStatus(fields, person.workStatus);
  if (isSameRecord(person, next)) return undefined;
  return PersonSchema.parse({ ...next, updatedAt: now.toISOString() });
}

/**
 * The flags a row carries laid over a household (a blank cell keeps the flag); the address
 * only when `withAddress` (a household the import itself created). Undefined when nothing changes.
 */
export function applyLedgerHousehold(household: Household, fields: LedgerHouseholdFields, options: { withAddress: boolean }, now: Date): Household | undefined {
  const next: Household = { ...household };
  if (options.withAddress) {
    next.county = fields.county;
    next.township = fields.township;
    next.village = fields.village;
  }
  if (fields.relocated !== undefined) next.relocated = fields.relocated;
  if (fields.monitored !== undefined) {
    next.monitored = fields.monitored;
    next.monitorType = fields.monitorType;
  }
  if (isSameRecord(household, next)) return undefined;
  return HouseholdSchema.parse({ ...next, updatedAt: now.toISOString() });
}

/**
 * A new person and their own household from a row: the household is named after the person,
 * lies at the row's 县/乡/村 and is a 脱贫户 (the ledger lists 脱贫家庭 only).
 */
export function createLedgerRecords(fields: LedgerRecordFields, now: Date): { person: Person; household: Household } {
  const timestamp = now.toISOString();
  const household = HouseholdSchema.parse({
    id: ledgerHouseholdId(fields.idNumber),
    county: fields.household.county,
    township: fields.household.township,
    village: fields.household.village,
    head: fields.person.name,
    povertyAlleviated: true,
    relocated: fields.household.relocated ?? false,
    monitored: fields.household.monitored ?? false,
    monitorType: fields.household.monitorType,
    createdAt: timestamp,
    updatedAt: timestamp,
  });
  const blank = createPerson({ id: ledgerPersonId(fields.idNumber), householdId: household.id }, now);
  const person = applyLedgerPerson(blank, fields.person, now) ?? blank;
  return { person, household };
}

/** Same content, whatever the key order and whether an unset field is absent or undefined. */
function isSameRecord(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => JSON.stringify(left[key]) === JSON.stringify(right[key]));
}
