import { activeServices, type AssistanceEvent, type ServiceEvent } from './assistance-event';
import { addMonths } from './dates';
import type { Finding } from './finding';
import type { Household } from './household';
import { normalizeIdNumber } from './id-card';
import { addOneMonth, checkInternshipEligibility, owedSince, owesPackage, type OwesPolicy } from './package-obligation';
import type { Person } from './person';
import { applicablePart, checkPerson, type RuleContext } from './person-rules';
import { employmentBeganOn } from './progress';
import { formatMissing, tallyPackage, type ServicePackage } from './service-package';
import { isWorkingCapable, isZeroEmploymentHousehold } from './zero-employment';

/** 半年不少于一次 (seed 003); 3 when the township verifies quarterly. */
export const DEFAULT_REVERIFY_MONTHS = 6;

/** Everything the 疑点 checks of the phone's own records depend on besides the records. */
export interface RecordCheckContext extends RuleContext {
  servicePackage: ServicePackage;
  owesPolicy: OwesPolicy;
  /** 核实周期 in months. */
  reverifyMonths: number;
}

/** The field the assistance checks point at: the record's 帮扶服务 page rather than a survey field. */
export const SERVICES_FIELD = 'services';

/** Identity problems are 疑点 even before the survey starts (the roster may carry them). */
const NO_SERVICES: readonly ServiceEvent[] = [];

const CHECKED_BEFORE_SURVEY: ReadonlySet<string> = new Set(['id.format', 'id.checksum', 'id.birthdate', 'age.sex_mismatch']);

const error = (code: string, field: string, message: string): Finding => ({ code, level: 'error', field, message });
const warning = (code: string, field: string, message: string): Finding => ({ code, level: 'warning', field, message });

function isOutsideCounty(person: Person): boolean {
  return applicablePart(person) === 'employed' && person.employmentRegion !== undefined && person.employmentRegion.value !== '县内';
}

/** 公益性岗位 holders also recorded as working outside the county (seed 004: 重复享受补贴). */
function checkDoubleSubsidy(person: Person, context: RecordCheckContext): Finding | undefined {
  if (!isOutsideCounty(person)) return undefined;
  const onPost = person.publicPosts.find((spell) => spell.startDate <= context.reportDate && (!spell.exitDate || spell.exitDate > context.reportDate));
  if (!onPost) return undefined;
  return error('post.double_subsidy', 'employmentRegion', `在公益性岗位「${onPost.post}」上岗，又登记为在${person.employmentRegion!.value}务工，可能重复享受补贴，请核实`);
}

function checkStale(person: Person, context: RecordCheckContext): Finding | undefined {
  if (!person.surveyedAt) return undefined;
  const due = addMonths(person.surveyedAt, context.reverifyMonths);
  if (due >= context.reportDate) return undefined;
  const period = context.reverifyMonths === 3 ? '一个季度' : `${context.reverifyMonths} 个月`;
  return warning('record.stale', 'surveyedAt', `上次调查核实于 ${person.surveyedAt}，已超过${period}（应于 ${due} 前再次核实）`);
}

function checkOverdue(person: Person, services: readonly ServiceEvent[], context: RecordCheckContext): Finding | undefined {
  if (!owesPackage(person, context.owesPolicy)) return undefined;
  const deadline = addOneMonth(owedSince(person, context.owesPolicy));
  if (deadline >= context.reportDate) return undefined;
  const tally = tallyPackage(context.servicePackage, services);
  if (tally.isComplete) return undefined;
  return error('package.overdue', SERVICES_FIELD, `动态清零期限 ${deadline} 已过，${context.servicePackage.name}仍缺：${formatMissing(tally)}`);
}

function checkInternships(person: Person, services: readonly ServiceEvent[], findings: Finding[]): void {
  let workBegan: string | null | undefined;
  for (const event of services) {
    if (event.type !== '就业见习') continue;
    workBegan ??= employmentBeganOn(person);
    // Judged as things stood on the internship's day: a job found since does not make it wrong.
    const eligibility = checkInternshipEligibility(person, event.date, workBegan !== null && workBegan <= event.date);
    if (!eligibility.eligible) findings.push(warning('internship.ineligible', SERVICES_FIELD, `${event.date} 参加就业见习（${event.place}）：${eligibility.reason}`));
  }
}

/**
 * The 疑点 of one person that need only the person, their household and their events: the
 * survey rules (identity only until the survey starts) and the assistance and post checks.
 * Duplicates across records come from `duplicateKeyOf`, grouped by the caller.
 */
export function checkPersonRecord(person: Person, events: readonly AssistanceEvent[], context: RecordCheckContext): Finding[] {
  const survey = checkPerson(person, context);
  const findings = person.surveyedAt ? survey : survey.filter((finding) => CHECKED_BEFORE_SURVEY.has(finding.code));
  const services = events.length > 0 ? activeServices(events) : NO_SERVICES;
  for (const found of [checkDoubleSubsidy(person, context), checkStale(person, context), checkOverdue(person, services, context)]) if (found) findings.push(found);
  checkInternships(person, services, findings);
  return findings;
}

/** Only a household dated 零就业 or relocated can have household findings: the rest need no look at their members. */
export function mayHaveHouseholdFindings(household: Pick<Household, 'zeroEmploymentSince' | 'relocated'>): boolean {
  return Boolean(household.zeroEmploymentSince) || household.relocated;
}

/** The 疑点 of a household as a whole: 零就业家庭 past its month, relocated with nobody at work. */
export function checkHouseholdRecord(household: Household, members: readonly Person[], context: Pick<RuleContext, 'reportDate'>): Finding[] {
  const findings: Finding[] = [];
  if (!mayHaveHouseholdFindings(household)) return findings;
  const zero = isZeroEmploymentHousehold(members);
  if (zero && household.zeroEmploymentSince && addOneMonth(household.zeroEmploymentSince) < context.reportDate) {
    findings.push(error('household.zero_employment', 'zeroEmploymentSince', `自 ${household.zeroEmploymentSince} 起为零就业家庭，超过一个月仍无一人就业`));
  }
  if (zero && household.relocated) {
    const capable = members.filter(isWorkingCapable).length;
    findings.push(error('household.relocated_unemployed', 'relocated', `易地搬迁户有 ${capable} 名有劳动能力的成员，无一人就业（应确保至少 1 人就业）`));
  }
  return findings;
}

/**
 * The key two records share when their ID numbers are the same (spaces, full-width digits and x
 * folded); empty for anything not shaped like an ID number (「无」, 「待补」), which is
 * `id.format`'s business, not a duplicate.
 */
export function duplicateKeyOf(idNumber: string): string {
  const normalized = normalizeIdNumber(idNumber);
  return /^\d{17}[\dX]$/.test(normalized) ? normalized : '';
}

/** The finding each record of a duplicate group gets, naming the others. */
export function duplicateIdFinding(others: readonly { name: string; village: string }[]): Finding {
  const named = others.slice(0, 3).map((other) => `${other.name || '未填姓名'}（${other.village || '未填村'}）`);
  const more = others.length > 3 ? ` 等 ${others.length} 人` : '';
  return error('id.duplicate', 'idNumber', `身份证号与 ${named.join('、')}${more} 的记录重复`);
}
