import type { Person } from './person';
import { isAtWork } from './person-rules';

/** The fields of a member that 零就业家庭 depends on (src/db/people.test.ts checks nothing else is read). */
export const ZERO_EMPLOYMENT_INPUTS = ['isStudent', 'labourAbility', 'workStatus'] as const satisfies readonly (keyof Person)[];

const NOT_WORKING_CAPABLE: readonly string[] = ['无劳动力', '丧失劳动力'];

/** Able to work: not a student and not 无劳动力 / 丧失劳动力. */
export function isWorkingCapable(person: Person): boolean {
  return person.isStudent !== '是' && !(person.labourAbility && NOT_WORKING_CAPABLE.includes(person.labourAbility));
}

/**
 * 零就业家庭: a household with working-capable members, none of them at work. Members whose
 * 就失业状况 is not yet recorded leave the question open (false), so an unsurveyed household
 * is not called zero-employment.
 */
export function isZeroEmploymentHousehold(members: readonly Person[]): boolean {
  const capable = members.filter(isWorkingCapable);
  if (capable.length === 0) return false;
  if (capable.some((member) => !member.workStatus)) return false;
  return !capable.some(isAtWork);
}

/** The new `zeroEmploymentSince`: kept while still zero, set on the day it starts, cleared when it ends. */
export function nextZeroEmploymentSince(current: string | undefined, members: readonly Person[], today: string): string | undefined {
  if (!isZeroEmploymentHousehold(members)) return undefined;
  return current ?? today;
}
