import { activeServices, type AssistanceEvent } from './assistance-event';
import { addMonths, daysBetween } from './dates';
import { computeAge, parseIdNumber } from './id-card';
import type { Household } from './household';
import type { Person } from './person';
import { findOwingPostExit } from './public-post';
import { applicablePart } from './person-rules';
import { formatMissing, formatTally, tallyPackage, type PackageTally, type ServicePackage } from './service-package';

/** Who owes the package (configurable in 设置). */
export const OWES_RULES = {
  wantsWork: '未就业且有就业意愿的人员',
  allUnemployed: '所有未就业人员，无论是否有就业意愿（柳州）',
} as const;
export type OwesRule = keyof typeof OWES_RULES;
export const DEFAULT_OWES_RULE: OwesRule = 'wantsWork';

const CANNOT_WORK: readonly string[] = ['无劳动力', '丧失劳动力'];

/** Who owes, as set in 设置. */
export interface OwesPolicy {
  rule: OwesRule;
  /** Also everyone who left a 公益性岗位 other than for age (附件4-1 填表说明 7). */
  includePostLeavers: boolean;
  maxWorkingAge: number;
}

function ageOnFor(person: Person): (date: string) => number | undefined {
  return (date) => {
    const parsed = parseIdNumber(person.idNumber, date);
    return parsed.ok ? computeAge(parsed.value.birthDate, date) : undefined;
  };
}

/** The 公益性岗位 exit that makes this person owe the package, if the policy counts those. */
function owingPostExit(person: Person, policy: OwesPolicy) {
  return policy.includePostLeavers ? findOwingPostExit(person.publicPosts, ageOnFor(person), policy.maxWorkingAge) : undefined;
}

/**
 * Whether the person owes the package: not at work (就失业状况 recorded and not 外出务工 /
 * 就近就业), able to work, not a student, and — by default — wanting work; or, when the policy
 * says so, left a 公益性岗位 other than for age.
 */
export function owesPackage(person: Person, policy: OwesPolicy | OwesRule): boolean {
  const { rule } = typeof policy === 'string' ? { rule: policy } : policy;
  if (typeof policy !== 'string' && owingPostExit(person, policy)) return true;
  if (applicablePart(person) !== 'notEmployed') return false;
  if (person.isStudent === '是' || (person.labourAbility && CANNOT_WORK.includes(person.labourAbility))) return false;
  return rule === 'allUnemployed' || person.hasIntention === '是';
}

/** 动态清零: a month after becoming owed, clamped to the month's last day (01-31 → 02-28). */
export function addOneMonth(date: string): string {
  return addMonths(date, 1);
}

/** The day the person became owed the package: a counted post exit, first seen not at work, else the survey date. */
export function owedSince(person: Person, policy?: OwesPolicy): string {
  const exit = policy ? owingPostExit(person, policy) : undefined;
  return exit?.exitDate ?? person.notWorkingSince ?? person.surveyedAt ?? person.createdAt.slice(0, 10);
}

/** Where one owed person stands: what the 「待帮扶」 list sorts and filters by. */
export interface OwedStanding {
  personId: string;
  householdId: string;
  name: string;
  village: string;
  assistanceContact: string;
  owedSince: string;
  deadline: string;
  /** Days until the deadline; negative when overdue. */
  daysLeft: number;
  tally: PackageTally;
}

/** One line of 「待帮扶」 as shown. */
export interface OwedPerson extends OwedStanding {
  tallyText: string;
  missingText: string;
}

export interface ObligationInput {
  people: readonly Person[];
  households: ReadonlyMap<string, Household>;
  eventsByPerson: ReadonlyMap<string, readonly AssistanceEvent[]>;
  servicePackage: ServicePackage;
  policy: OwesPolicy;
  today: string;
}

/** One person's standing against the package, whether or not they still owe it. */
export function describeObligation(person: Person, events: readonly AssistanceEvent[], input: Pick<ObligationInput, 'servicePackage' | 'today'> & { policy?: OwesPolicy }) {
  const tally = tallyPackage(input.servicePackage, activeServices(events));
  const since = owedSince(person, input.policy);
  const deadline = addOneMonth(since);
  return { tally, owedSince: since, deadline, daysLeft: daysBetween(input.today, deadline) };
}

/** Where one person stands in 「待帮扶」, or null when they owe nothing (not owing, or fully served). */
export function describeOwedPerson(
  person: Person,
  village: string,
  events: readonly AssistanceEvent[],
  input: Pick<ObligationInput, 'servicePackage' | 'policy' | 'today'>,
): OwedStanding | null {
  if (!owesPackage(person, input.policy)) return null;
  const standing = describeObligation(person, events, input);
  if (standing.tally.isComplete) return null;
  return {
    personId: person.id,
    householdId: person.householdId,
    name: person.name,
    village,
    assistanceContact: person.assistanceContact,
    ...standing,
  };
}

/** The line as shown; made only for the rows on screen (a county may owe tens of thousands). */
export function withTallyTexts(standing: OwedStanding): OwedPerson {
  return { ...standing, tallyText: formatTally(standing.tally), missingText: formatMissing(standing.tally) };
}

/** Nearest deadline first, then by name (code-point order: fast enough for a county's list); namesakes in a fixed order. */
export function compareOwed(a: OwedStanding, b: OwedStanding): number {
  if (a.deadline !== b.deadline) return a.deadline < b.deadline ? -1 : 1;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0;
}

/** 「待帮扶」: everyone who owes part of the package, the nearest deadline first. */
export function listOwedPeople(input: ObligationInput): OwedPerson[] {
  const owed: OwedStanding[] = [];
  for (const person of input.people) {
    const line = describeOwedPerson(person, input.households.get(person.householdId)?.village ?? '', input.eventsByPerson.get(person.id) ?? [], input);
    if (line) owed.push(line);
  }
  return owed.sort(compareOwed).map(withTallyTexts);
}

const POST_SECONDARY: readonly string[] = ['技校', '中专', '大专', '大学', '硕士', '博士'];

/**
 * 就业见习 is for graduates of this year, graduates within two years (高等院校 / 中职院校，含技工
 * 院校) and unemployed youth aged 16–24 (seed 000 附件2-1 填表说明).
 */
export function checkInternshipEligibility(
  person: Person,
  today: string,
  /** Whether the person was at work on `today`; by default, as the record says now. */
  employed = applicablePart(person) === 'employed',
): { eligible: boolean; reason: string } {
  const parsed = parseIdNumber(person.idNumber, today);
  const age = parsed.ok ? computeAge(parsed.value.birthDate, today) : person.age;
  if (age !== undefined && age >= 16 && age <= 24 && !employed) {
    return { eligible: true, reason: `${age} 岁未就业青年` };
  }
  const graduationYear = Number(/(\d{4})/.exec(person.graduationDate)?.[1]);
  const thisYear = Number(today.slice(0, 4));
  if (graduationYear && person.education && POST_SECONDARY.includes(person.education) && thisYear - graduationYear <= 2 && graduationYear <= thisYear) {
    return { eligible: true, reason: `${graduationYear} 年毕业生` };
  }
  return { eligible: false, reason: '就业见习仅限毕业年度及毕业两年内的高校、中职（含技工院校）毕业生和16–24岁未就业青年' };
}
