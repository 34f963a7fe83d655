import { daysBetween } from './dates';
import type { Person } from './person';
import { applicablePart } from './person-rules';
import type { Milestone } from './targets';

/**
 * Progress against 转移就业 targets. A person counts for a year when their record says they are
 * at work (就失业状况 外出务工 / 就近就业), from the day their work began that year — 1 January
 * for work that began earlier — or, where no start is recorded, from the day they were surveyed.
 */

const CANONICAL_DAY = /^\d{4}-\d{2}-\d{2}$/;
const CANONICAL_MONTH = /^\d{4}-\d{2}$/;

function isPlausibleDay(date: string): boolean {
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** A month or day as cadres write it (2023-05, 2023.5, 20230501, 2023年5月) as YYYY-MM-DD; undefined if unreadable. */
export function parseLooseMonth(text: string): string | undefined {
  if (text === '') return undefined;
  // The app's own pickers store YYYY-MM-DD or YYYY-MM: taken as they are, without the regex.
  if (CANONICAL_DAY.test(text)) return isPlausibleDay(text) ? text : undefined;
  if (CANONICAL_MONTH.test(text)) return isPlausibleDay(`${text}-01`) ? `${text}-01` : undefined;
  const match = /^\s*(\d{4})\s*(?:[-./年]\s*(\d{1,2})\s*(?:[-./月]\s*(\d{1,2}))?|(\d{2})(\d{2})?)/.exec(text);
  if (!match) return undefined;
  const month = Number(match[2] ?? match[4] ?? 1);
  const day = Number(match[3] ?? match[5] ?? 1);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The day the person's present work began, as recorded (else the survey day), or null if not at work. */
export function employmentBeganOn(person: Person): string | null {
  if (applicablePart(person) !== 'employed') return null;
  return parseLooseMonth(person.employedSince) ?? parseLooseMonth(person.migrantSince) ?? person.surveyedAt ?? person.createdAt.slice(0, 10);
}

/** The day work that began on `began` starts counting in `year`, or null if it does not count that year. */
export function countedInYear(began: string | null, year: number): string | null {
  if (began === null || began > `${year}-12-31`) return null;
  return began < `${year}-01-01` ? `${year}-01-01` : began;
}

/** 稳定就业 in `year`: 年内累计就业 6 个月以上, as the 汇总表 counts it, from a survey taken that year. */
export function isStablyEmployed(person: Person, year: number): boolean {
  return applicablePart(person) === 'employed' && (person.monthsEmployedThisYear ?? 0) >= 6 && person.surveyedAt?.slice(0, 4) === String(year);
}

export interface DueMilestone {
  /** YYYY-MM-DD */
  date: string;
  share: number;
  /** People needed by that day: the target times the share, rounded up. */
  required: number;
}

/** MM-DD in `year`; 02-29 falls on 02-28 in a common year. */
function onDayOfYear(year: number, monthDay: string): string {
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-${monthDay === '02-29' && !isLeap ? '02-28' : monthDay}`;
}

/** The milestones of `year` as days, in order, each with the count it requires. */
export function datedMilestones(milestones: readonly Milestone[], year: number, target: number): DueMilestone[] {
  return [...milestones]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((milestone) => ({ date: onDayOfYear(year, milestone.date), share: milestone.share, required: Math.ceil(target * milestone.share - 1e-9) }));
}

/** The milestone the unit is working towards on `reportDate`: the first not yet past, else the last. */
export function nextMilestone(milestones: readonly DueMilestone[], reportDate: string): DueMilestone | undefined {
  return milestones.find((milestone) => milestone.date >= reportDate) ?? milestones.at(-1);
}

/** The milestone most recently past on `reportDate` (what should already be done). */
export function lastPastMilestone(milestones: readonly DueMilestone[], reportDate: string): DueMilestone | undefined {
  return milestones.filter((milestone) => milestone.date < reportDate).at(-1);
}

export type PaceStatus = 'green' | 'amber' | 'red';

export const PACE_LABELS: Readonly<Record<PaceStatus, string>> = { green: '按进度可完成', amber: '略有落后', red: '明显落后' };

/** Within this share of the milestone counts as amber rather than red. */
const AMBER_MARGIN = 0.9;

export interface Pace {
  status: PaceStatus;
  milestone: DueMilestone;
  /** Where the count will be on the milestone day at the pace since 1 January. */
  projected: number;
}

/**
 * Whether a unit will make its next milestone at its current pace: the people placed since
 * 1 January (not those `carried` over, still at work from earlier years), divided by the days
 * since, carried on to the milestone day. Green if the projection
 * reaches it (or it is already reached), amber if it falls short by at most a tenth, red
 * otherwise. A milestone already past counts only what is done.
 */
export function judgePace(count: number, milestones: readonly DueMilestone[], reportDate: string, carried = 0): Pace | undefined {
  const milestone = nextMilestone(milestones, reportDate);
  if (!milestone) return undefined;
  const year = reportDate.slice(0, 4);
  const elapsed = daysBetween(`${year}-01-01`, reportDate) + 1;
  const ahead = Math.max(0, daysBetween(reportDate, milestone.date));
  const projected = Math.floor(count + (Math.max(0, count - carried) / elapsed) * ahead);
  const status: PaceStatus = projected >= milestone.required ? 'green' : projected >= milestone.required * AMBER_MARGIN ? 'amber' : 'red';
  return { status, milestone, projected };
}

/**
 * The cumulative count at the end of each week of `year` up to `reportDate`, from the days
 * people started counting: what the progress chart draws against the milestone line.
 */
export function cumulativeByWeek(countedDates: readonly string[], year: number, reportDate: string): { date: string; count: number }[] {
  const sorted = [...countedDates].sort();
  const points: { date: string; count: number }[] = [];
  let index = 0;
  for (let week = 0; week < 53; week += 1) {
    const date = new Date(Date.UTC(year, 0, 7 + week * 7)).toISOString().slice(0, 10);
    const end = date > `${year}-12-31` ? `${year}-12-31` : date;
    const cutoff = end > reportDate ? reportDate : end;
    while (index < sorted.length && sorted[index]! <= cutoff) index += 1;
    points.push({ date: cutoff, count: index });
    if (cutoff === reportDate || end === `${year}-12-31`) break;
  }
  return points;
}
