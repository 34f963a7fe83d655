import { computeAge, normalizeIdNumber, parseIdNumber } from './id-card';
import { MONITOR_TYPES } from './household';
import { hasIntentionRow, hasNoIntentionRow, INTENTION_KEYS, isEmployedRow, LEDGER_COLUMNS, type LedgerRow } from './ledger-row';
import { checkPhone } from './phone';
import { REGION_BUCKET_SETS } from './region-buckets';
import { BUILT_IN_PACKAGES, DEFAULT_PACKAGE_ID, type ServicePackage } from './service-package';
import { INTENDED_EMPLOYER_TYPES, LABOUR_ABILITIES, NO_INTENTION_REASONS, NO_LABOUR_ABILITY, YES_NO } from './survey-options';

/**
 * A 疑点 on one row of the 明细表 (seed 000 附件2-1). Codes are those of CONTRACTS.md
 * 「疑点 check codes」; `column` is the Chinese column header the finding is about.
 */
export interface LedgerFinding {
  /** 1-based row number as Excel shows it. */
  row: number;
  code: string;
  level: 'error' | 'warning';
  column: string;
  message: string;
}

export interface LedgerCheckOptions {
  /** YYYY-MM-DD: ages and the month ceiling of 年内累计就业时长 are taken on this day. */
  reportDate: string;
  /** inclusive; 16–60 by default (2018 plan). */
  workingAge?: { min: number; max: number };
  /** id of a built-in service package; 251 by default. */
  packageId?: string;
}

type LedgerKey = Exclude<keyof LedgerRow, 'row'>;

const DEFAULT_WORKING_AGE = { min: 16, max: 60 } as const;
const YES = '是';
const GUANGXI_BUCKETS = REGION_BUCKET_SETS.guangxi.buckets;

/** The header as a cadre names the column: the option list in brackets (「（广东、…）」) dropped. */
export function labelLedgerColumn(key: LedgerKey): string {
  const header = LEDGER_COLUMNS.find((column) => column.key === key)?.header ?? key;
  return header.replace(/（[^）]*、[^）]*）$/, '');
}

/** Choice columns of 附件2-1 and their options; anything else there is value.unknown. */
const CHOICE_COLUMNS: readonly { key: LedgerKey; options: readonly string[] }[] = [
  { key: 'labourAbility', options: LABOUR_ABILITIES },
  { key: 'relocated', options: YES_NO },
  { key: 'isStudent', options: YES_NO },
  { key: 'monitored', options: YES_NO },
  { key: 'monitorType', options: MONITOR_TYPES },
  { key: 'employmentRegion', options: GUANGXI_BUCKETS },
  { key: 'intendedRegion', options: GUANGXI_BUCKETS },
  { key: 'intendedEmployerType', options: INTENDED_EMPLOYER_TYPES },
  { key: 'noIntentionReason', options: NO_INTENTION_REASONS },
  { key: 'internship', options: YES_NO },
  { key: 'training', options: YES_NO },
];

/** The 疑点 of 明细表 rows, in row order. age.sex_mismatch is not here: the ledger has no typed 年龄/性别. */
export function checkLedgerRows(rows: readonly LedgerRow[], options: LedgerCheckOptions): LedgerFinding[] {
  const servicePackage = findPackage(options.packageId ?? DEFAULT_PACKAGE_ID);
  const workingAge = options.workingAge ?? DEFAULT_WORKING_AGE;
  const duplicates = findDuplicateRows(rows, options.reportDate);
  return rows.flatMap((row) => [
    ...checkIdNumber(row, options.reportDate, workingAge, duplicates.get(row.row) ?? []),
    ...checkChoices(row),
    ...checkStatus(row, options.reportDate),
    ...checkStudentAndMonitor(row),
    ...checkPackage(row, servicePackage),
    ...checkPhones(row),
  ]);
}

function findPackage(packageId: string): ServicePackage {
  const servicePackage = BUILT_IN_PACKAGES.find((candidate) => candidate.id === packageId);
  if (!servicePackage) throw new Error(`unknown service package "${packageId}"`);
  return servicePackage;
}

function finding(row: LedgerRow, code: string, level: LedgerFinding['level'], key: LedgerKey, message: string): LedgerFinding {
  return { row: row.row, code, level, column: labelLedgerColumn(key), message };
}

/** row number → the other rows carrying the same (valid) ID number */
function findDuplicateRows(rows: readonly LedgerRow[], reportDate: string): Map<number, number[]> {
  const rowsById = new Map<string, number[]>();
  for (const row of rows) {
    const parsed = parseIdNumber(row.idNumber, reportDate);
    // Only well-formed numbers: two mangled cells (4.50225E+17) are not the same person.
    if (parsed.ok || parsed.code !== 'id.format') {
      const id = normalizeIdNumber(row.idNumber);
      rowsById.set(id, [...(rowsById.get(id) ?? []), row.row]);
    }
  }
  const others = new Map<number, number[]>();
  for (const rowNumbers of rowsById.values()) {
    if (rowNumbers.length < 2) continue;
    for (const rowNumber of rowNumbers) others.set(rowNumber, rowNumbers.filter((other) => other !== rowNumber));
  }
  return others;
}

function checkIdNumber(row: LedgerRow, reportDate: string, workingAge: { min: number; max: number }, duplicateOf: readonly number[]): LedgerFinding[] {
  const findings: LedgerFinding[] = [];
  const parsed = parseIdNumber(row.idNumber, reportDate);
  if (!parsed.ok) {
    const shown = row.idNumber === '' ? '为空' : `「${row.idNumber}」${parsed.code === 'id.format' ? '格式不对' : ''}`;
    const message = parsed.code === 'id.format' ? `身份证号${shown}：应为18位，17位数字加1位数字或X` : `身份证号${shown}：${parsed.message}`;
    findings.push(finding(row, parsed.code, 'error', 'idNumber', message));
  } else {
    const age = computeAge(parsed.value.birthDate, reportDate);
    if (age < workingAge.min || age > workingAge.max) {
      findings.push(
        finding(row, 'age.working', 'warning', 'idNumber', `按身份证号，${reportDate} 时年龄为 ${age} 岁，不在劳动年龄 ${workingAge.min}–${workingAge.max} 岁内`),
      );
    }
  }
  if (duplicateOf.length > 0) {
    findings.push(finding(row, 'id.duplicate', 'error', 'idNumber', `身份证号与第 ${duplicateOf.join('、')} 行重复：同一人只应有一行`));
  }
  return findings;
}

function checkChoices(row: LedgerRow): LedgerFinding[] {
  return CHOICE_COLUMNS.filter(({ key, options }) => row[key] !== '' && !options.includes(row[key])).map(({ key, options }) =>
    finding(row, 'value.unknown', 'error', key, `${labelLedgerColumn(key)}「${row[key]}」不是可选值，应为：${options.join('、')}`),
  );
}

function checkStatus(row: LedgerRow, reportDate: string): LedgerFinding[] {
  const findings: LedgerFinding[] = [];
  const employed = isEmployedRow(row);
  const intention = hasIntentionRow(row);
  const noIntention = hasNoIntentionRow(row);

  if (employed && (intention || noIntention)) {
    const also = [
      ...INTENTION_KEYS.filter((key) => row[key] !== '').map(labelLedgerColumn),
      ...(noIntention ? [`无就业意向原因（${row.noIntentionReason}）`] : []),
    ];
    findings.push(
      finding(row, 'employment.contradiction', 'error', 'employmentRegion', `已填就业区域（${row.employmentRegion}），又填了${also.join('、')}：已就业人员不应填写未就业情况`),
    );
  }
  if (!employed && (row.employerName !== '' || row.employedSince !== '')) {
    findings.push(finding(row, 'employment.region_missing', 'error', 'employmentRegion', '已填就业单位名称或就业时间，但就业区域为空：请填写就业区域'));
  }
  if (!employed && !intention && !noIntention) {
    findings.push(finding(row, 'status.missing', 'error', 'employmentRegion', '已就业情况、有就业意愿、无就业意向原因都没有填：应至少填写其中一项'));
  }
  const monthsProblem = describeMonthsProblem(row.monthsEmployed, employed, Number(reportDate.slice(5, 7)));
  if (monthsProblem) findings.push(finding(row, 'employment.months', 'error', 'monthsEmployed', monthsProblem));
  return findings;
}

function describeMonthsProblem(value: string, employed: boolean, reportMonth: number): string | undefined {
  if (value === '') return employed ? '已就业但年内累计就业时长为空：应填 1–12 的整数月数' : undefined;
  if (!/^\d+$/.test(value) || Number(value) > 12) return `年内累计就业时长「${value}」不对：应为 0–12 的整数月数`;
  const months = Number(value);
  if (months > reportMonth) return `年内累计就业时长 ${months} 个月，超过填报日期所在的第 ${reportMonth} 个月`;
  if (months > 0 && !employed) return `年内累计就业时长 ${months} 个月，但就业区域为空：已就业请填就业区域，未就业应填 0`;
  if (months === 0 && employed) return '已就业但年内累计就业时长为 0：应填累计就业月数';
  return undefined;
}

function checkStudentAndMonitor(row: LedgerRow): LedgerFinding[] {
  const findings: LedgerFinding[] = [];
  // 依据 附件2-1 填表说明 1：在校生填「无劳动力」.
  if (row.isStudent === YES && row.labourAbility !== NO_LABOUR_ABILITY) {
    const shown = row.labourAbility === '' ? '为空' : `为「${row.labourAbility}」`;
    findings.push(finding(row, 'student.ability', 'error', 'labourAbility', `在校生的劳动能力情况${shown}：在校生应填「${NO_LABOUR_ABILITY}」`));
  }
  if (row.monitored === YES && row.monitorType === '') {
    findings.push(finding(row, 'monitor.type', 'error', 'monitorType', `是监测对象但未填监测对象类型：应为${MONITOR_TYPES.join('、')}之一`));
  }
  if (row.monitored !== YES && row.monitorType !== '') {
    findings.push(finding(row, 'monitor.type', 'error', 'monitorType', `填了监测对象类型（${row.monitorType}），但是否监测对象不是「是」：非监测对象不应填类型`));
  }
  return findings;
}

/** How the ledger records each kind of service: a count column or a 是/否 column. */
const SERVICE_COLUMNS: Partial<Record<string, { key: LedgerKey; count: (value: string) => number }>> = {
  职业指导: { key: 'guidanceCount', count: countTimes },
  岗位推介: { key: 'referralCount', count: countTimes },
  就业见习: { key: 'internship', count: (value) => (value === YES ? 1 : 0) },
  技能培训: { key: 'training', count: (value) => (value === YES ? 1 : 0) },
};

function countTimes(value: string): number {
  return /^\d+$/.test(value) ? Number(value) : 0;
}

/** 依据 附件2-1 填表说明 2：未就业人员，无论是否有就业意愿，都要落实 251 就业帮扶. */
function checkPackage(row: LedgerRow, servicePackage: ServicePackage): LedgerFinding[] {
  if (isEmployedRow(row)) return [];
  const short: { label: string; done: number; required: number; key: LedgerKey }[] = [];
  for (const requirement of servicePackage.requirements) {
    const columns = requirement.types.flatMap((type) => SERVICE_COLUMNS[type] ?? []);
    // A kind of service the ledger has no column for (政策宣讲) can't be judged from it.
    const first = columns[0];
    if (!first) continue;
    const done = columns.reduce((sum, column) => sum + column.count(row[column.key]), 0);
    if (done < requirement.count) short.push({ label: requirement.label, done, required: requirement.count, key: first.key });
  }
  const first = short[0];
  if (!first) return [];
  const detail = short.map((item) => `${item.label} ${item.done}/${item.required}`).join('，');
  return [finding(row, 'package.incomplete', 'warning', first.key, `未就业，${servicePackage.name}未落实完：${detail}`)];
}

function checkPhones(row: LedgerRow): LedgerFinding[] {
  return (['phone', 'assistanceContactPhone'] as const)
    .filter((key) => !checkPhone(row[key]).ok)
    .map((key) =>
      finding(row, 'phone.format', 'warning', key, `${labelLedgerColumn(key)}「${row[key]}」格式不对：应为11位手机号，或带区号的固定电话（如 0772-5123456）`),
    );
}
