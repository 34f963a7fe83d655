import { PREFERENCES_KEY } from '../src/db/setting-keys';
import { describeCheck } from '../src/domain/check-codes';
import type { AssistanceEvent } from '../src/domain/assistance-event';
import type { Finding } from '../src/domain/finding';
import type { Household } from '../src/domain/household';
import type { Person } from '../src/domain/person';
import { compareOwed, describeOwedPerson, withTallyTexts, type OwedPerson, type OwedStanding } from '../src/domain/package-obligation';
import { listPackages, owesPolicyOf, restorePreferences, type Preferences } from '../src/domain/preferences';
import {
  countedInYear,
  cumulativeByWeek,
  datedMilestones,
  employmentBeganOn,
  isStablyEmployed,
  judgePace,
  lastPastMilestone,
  type DueMilestone,
  type Pace,
} from '../src/domain/progress';
import { checkHouseholdRecord, checkPersonRecord, duplicateIdFinding, mayHaveHouseholdFindings, type RecordCheckContext } from '../src/domain/record-checks';
import { findPackage } from '../src/domain/service-package';
import {
  findTargetMismatches,
  restoreTargetPlan,
  targetsForUnit,
  targetOf,
  targetPlanKey,
  type TargetFigures,
  type TargetGroup,
  type TargetMismatch,
  type TargetPlan,
} from '../src/domain/targets';
import type { ModelChange, RecordModel } from './record-model';
import { blankTallies, findingKey, RunningTotals, splitUnitKey, unitKey, type Contribution, type GroupTallies, type Tally, type UnitKey } from './running-totals';

/** One 疑点 as the 疑点 screen lists it. */
export interface FindingRow extends Finding {
  kind: 'person' | 'household';
  recordId: string;
  householdId: string;
  /** The person's name, or the household head's. */
  name: string;
  township: string;
  village: string;
}

export interface FindingCount {
  code: string;
  checkName: string;
  level: Finding['level'];
  count: number;
}

export interface FindingsSummary {
  total: number;
  errors: number;
  warnings: number;
  byCheck: FindingCount[];
  byVillage: { township: string; village: string; count: number; checks: FindingCount[] }[];
}

export interface FindingsFilter {
  township?: string;
  village?: string;
  code?: string;
}

/** A township's or village's progress in one group (转移就业总人数 or 脱贫户). */
export interface GroupProgress {
  /** People of the group on record (labourers). */
  people: number;
  /** Counted as 转移就业 this year by the report date. */
  employed: number;
  /** 年内累计就业 6 个月以上 */
  stable: number;
  plan?: number;
  stretch?: number;
  pace?: Pace;
  /** The milestone most recently past, and whether it was met by today's count. */
  pastMilestone?: DueMilestone & { met: boolean };
}

export interface UnitProgress {
  township: string;
  /** Empty for a township's own row. */
  village: string;
  total: GroupProgress;
  poverty: GroupProgress;
}

export interface ProgressDashboard {
  year: number;
  reportDate: string;
  units: UnitProgress[];
  /** All units together. */
  overall: UnitProgress;
  mismatches: TargetMismatch[];
  hasTargets: boolean;
}

export interface ProgressSeries {
  points: { date: string; count: number }[];
  milestones: DueMilestone[];
  target?: number;
}

export interface OwedFilter {
  village?: string;
  assistanceContact?: string;
}

export interface OwedList {
  /** `limit` people matching the filter, from `offset`. */
  rows: OwedPerson[];
  /** People matching the filter. */
  matching: number;
  /** Everyone owed before filtering, for the home screen. */
  total: number;
  villages: string[];
  assistanceContacts: string[];
  packageName: string;
}

/** One person's check results, with their share of the running totals. */
interface PersonFacts extends Contribution {
  /** The records judged, as the model held them then; every change to them refreshes the facts. */
  person: Person;
  household: HouseholdSummary;
  events: readonly AssistanceEvent[];
  findings: readonly Finding[];
  /** When the person's present work began (YYYY-MM-DD), if at work. */
  employedBegan: string | null;
  owed: OwedStanding | null;
}

interface HouseholdFacts extends Contribution {
  findings: readonly Finding[];
}

type HouseholdSummary = Pick<Household, 'township' | 'village' | 'head' | 'povertyAlleviated' | 'monitored'>;

const NO_HOUSEHOLD: HouseholdSummary = {
  township: '',
  village: '',
  head: '',
  povertyAlleviated: false,
  monitored: false,
};

const NO_EVENTS: readonly AssistanceEvent[] = [];
const NO_FINDINGS: readonly Finding[] = [];

const collator = new Intl.Collator('zh-CN');

function sortCounts(counts: FindingCount[]): FindingCount[] {
  return counts.sort((a, b) => (a.level === b.level ? b.count - a.count || (a.code < b.code ? -1 : 1) : a.level === 'error' ? -1 : 1));
}

/** Each township|village of the rows numbered in Chinese order, so rows sort without the collator. */
function rankUnits(rows: readonly FindingRow[]): Map<string, number> {
  const units = [...new Map(rows.map((row) => [unitKey(row.township, row.village), row])).values()];
  units.sort((a, b) => collator.compare(a.township, b.township) || collator.compare(a.village, b.village));
  return new Map(units.map((unit, index) => [unitKey(unit.township, unit.village), index]));
}

function distinctSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].filter(Boolean).sort(collator.compare);
}

/**
 * Everything the office asks of the whole data set — 疑点, progress, 「待帮扶」 — kept current
 * from the model. Each record's results are cached with what it adds to the running totals;
 * a change takes the old part away and adds the new, so one edit costs work for that record
 * (and its household), not a pass over every record.
 */
export class RecordAnalysis {
  private readonly facts = new Map<string, PersonFacts>();
  private readonly householdFindings = new Map<string, HouseholdFacts>();
  private readonly totals = new RunningTotals();
  /** Sorted findings per list filter and the sorted 「待帮扶」 list, dropped on every change. */
  private readonly listCache = new Map<string, FindingRow[]>();
  private owedSorted: OwedStanding[] | null = null;
  private context!: RecordCheckContext;
  /** How long the last recomputation took, for the bench. */
  lastUpdateMs = 0;

  constructor(
    private readonly model: RecordModel,
    private readonly today: () => string,
  ) {
    this.recomputeAll({ reread: true });
    model.onChange((change) => this.update(change));
  }

  private get preferences(): Preferences {
    return restorePreferences(this.model.settings.get(PREFERENCES_KEY));
  }

  private makeContext(): RecordCheckContext {
    const preferences = this.preferences;
    return {
      reportDate: this.today(),
      workingAge: preferences.workingAge,
      servicePackage: findPackage(listPackages(preferences), preferences.packageId),
      owesPolicy: owesPolicyOf(preferences),
      reverifyMonths: preferences.reverifyMonths,
    };
  }

  private get reportYear(): number {
    return Number(this.context.reportDate.slice(0, 4));
  }

  /**
   * Every record checked again: at start and after a whole table changed (`reread`: records
   * looked up afresh in the model), when 设置 change and when the day changes (each person's
   * facts already point at their current records, kept so by `update`).
   */
  recomputeAll(options: { reread?: boolean } = {}): void {
    const started = performance.now();
    this.context = this.makeContext();
    this.householdFindings.clear();
    this.listCache.clear();
    this.totals.clear();
    this.owedSorted = null;
    if (options.reread || this.facts.size !== this.model.people.size) {
      this.facts.clear();
      for (const person of this.model.people.values()) this.checkPerson(person);
    } else {
      for (const facts of this.facts.values()) this.judge(facts);
    }
    for (const household of this.model.households.values()) this.checkHousehold(household);
    this.lastUpdateMs = performance.now() - started;
  }

  private update(change: ModelChange): void {
    if (change.everything || change.settings.has(PREFERENCES_KEY)) {
      this.recomputeAll({ reread: change.everything });
      return;
    }
    const started = performance.now();
    for (const id of new Set([...change.people, ...change.eventPeople])) this.refreshPerson(id);
    for (const id of change.households) {
      this.refreshHousehold(id);
      for (const member of this.model.membersOf(id)) if (!change.people.has(member.id)) this.refreshPerson(member.id);
    }
    if (change.people.size + change.eventPeople.size + change.households.size > 0) {
      this.listCache.clear();
      this.owedSorted = null;
    }
    this.lastUpdateMs = performance.now() - started;
  }

  /** Before answering: a new day re-judges every date-based check. */
  private ensureCurrentDay(): void {
    if (this.context.reportDate !== this.today()) this.recomputeAll();
  }

  /** Takes the person's old share away from the totals and checks them again (or drops them if gone). */
  private refreshPerson(id: string): void {
    const before = this.facts.get(id);
    if (before) this.totals.apply(before, -1);
    const person = this.model.people.get(id);
    if (person) this.checkPerson(person);
    else this.facts.delete(id);
  }

  /** Checks a person not yet in the totals and adds their share. */
  private checkPerson(person: Person): void {
    const household = this.householdOf(person);
    const facts: PersonFacts = {
      unit: unitKey(household.township, household.village),
      township: household.township,
      progress: undefined,
      person,
      household,
      events: this.model.eventsByPerson.get(person.id) ?? NO_EVENTS,
      findings: NO_FINDINGS,
      employedBegan: null,
      owed: null,
    };
    this.judge(facts);
    this.facts.set(person.id, facts);
  }

  /** Runs every check on the facts' records, updates the facts and adds their share to the totals. */
  private judge(facts: PersonFacts): void {
    const { person, household, events } = facts;
    const { context } = this;
    const checked = checkPersonRecord(person, events, context);
    // Kept for every person: most have none, and a copy holds no spare capacity.
    facts.findings = checked.length === 0 ? NO_FINDINGS : checked.slice();
    facts.employedBegan = employmentBeganOn(person);
    facts.owed = describeOwedPerson(person, household.village, events, { servicePackage: context.servicePackage, policy: context.owesPolicy, today: context.reportDate });
    facts.progress = this.progressOf(person, household, facts.employedBegan, this.reportYear, context.reportDate);
    this.totals.apply(facts, 1);
  }

  private refreshHousehold(id: string): void {
    const before = this.householdFindings.get(id);
    if (before) this.totals.apply(before, -1);
    this.householdFindings.delete(id);
    const household = this.model.households.get(id);
    if (household) this.checkHousehold(household);
  }

  /** Checks a household not yet in the totals; only households with findings are kept. */
  private checkHousehold(household: Household): void {
    if (!mayHaveHouseholdFindings(household)) return;
    const findings = checkHouseholdRecord(household, this.model.membersOf(household.id), this.context);
    if (findings.length === 0) return;
    const facts: HouseholdFacts = { unit: unitKey(household.township, household.village), township: household.township, findings };
    this.totals.apply(facts, 1);
    this.householdFindings.set(household.id, facts);
  }

  /** A person's part of the progress tallies of `year`, counted up to `reportDate`. */
  private progressOf(person: Person, household: HouseholdSummary, employedBegan: string | null, year: number, reportDate: string): NonNullable<Contribution['progress']> {
    const counted = countedInYear(employedBegan, year);
    return {
      poverty: household.povertyAlleviated || household.monitored,
      employed: counted !== null && counted <= reportDate,
      stable: isStablyEmployed(person, year),
      carried: employedBegan !== null && employedBegan < `${year}-01-01`,
    };
  }

  private householdOf(person: Person) {
    return this.model.households.get(person.householdId) ?? NO_HOUSEHOLD;
  }

  private duplicateFindingFor(person: Person): Finding | undefined {
    const holders = this.model.holdersOfSameIdNumber(person);
    if (holders.size === 0) return undefined;
    const others = [...holders].filter((other) => other !== person.id).flatMap((other) => {
      const holder = this.model.people.get(other);
      return holder ? [{ name: holder.name, village: this.householdOf(holder).village }] : [];
    });
    return duplicateIdFinding(others);
  }

  private personRows(person: Person): FindingRow[] {
    const household = this.householdOf(person);
    const duplicate = this.duplicateFindingFor(person);
    const findings = [...(duplicate ? [duplicate] : []), ...(this.facts.get(person.id)?.findings ?? [])];
    return findings.map((finding) => ({
      ...finding,
      kind: 'person',
      recordId: person.id,
      householdId: person.householdId,
      name: person.name,
      township: household.township,
      village: household.village,
    }));
  }

  private householdRows(household: Household): FindingRow[] {
    return (this.householdFindings.get(household.id)?.findings ?? []).map((finding) => ({
      ...finding,
      kind: 'household',
      recordId: household.id,
      householdId: household.id,
      name: household.head,
      township: household.township,
      village: household.village,
    }));
  }

  /** People with a finding of their own, or sharing an ID number with someone. */
  private *flaggedPeople(): Generator<Person> {
    for (const facts of this.facts.values()) if (facts.findings.length > 0) yield facts.person;
    for (const holders of this.model.duplicateHolders.values()) {
      for (const id of holders) {
        const facts = this.facts.get(id);
        if (facts && facts.findings.length === 0) yield facts.person;
      }
    }
  }

  /** From the running totals, plus the duplicate groups (few); no pass over the records. */
  findingsSummary(): FindingsSummary {
    this.ensureCurrentDay();
    const counts = new Map<UnitKey, Map<string, number>>([...this.totals.findings].map(([unit, codes]) => [unit, new Map(codes)]));
    const duplicate = findingKey({ code: 'id.duplicate', level: 'error' });
    for (const holders of this.model.duplicateHolders.values()) {
      for (const id of holders) {
        const person = this.model.people.get(id);
        if (!person) continue;
        const household = this.householdOf(person);
        const unit = unitKey(household.township, household.village);
        let codes = counts.get(unit);
        if (!codes) counts.set(unit, (codes = new Map()));
        codes.set(duplicate, (codes.get(duplicate) ?? 0) + 1);
      }
    }
    const overall = new Map<string, FindingCount>();
    const byVillage = [...counts]
      .map(([unit, codes]) => {
        const checks = sortCounts(
          [...codes].map(([key, count]) => {
            const [code = '', level] = key.split('|') as [string, Finding['level']];
            const entry = overall.get(key);
            if (entry) entry.count += count;
            else overall.set(key, { code, level, checkName: describeCheck(code), count });
            return { code, level, checkName: describeCheck(code), count };
          }),
        );
        return { ...splitUnitKey(unit), count: checks.reduce((sum, check) => sum + check.count, 0), checks };
      })
      .sort((a, b) => collator.compare(a.township, b.township) || collator.compare(a.village, b.village));
    const byCheck = sortCounts([...overall.values()]);
    const total = byVillage.reduce((sum, group) => sum + group.count, 0);
    const errors = byCheck.filter((check) => check.level === 'error').reduce((sum, check) => sum + check.count, 0);
    return { total, errors, warnings: total - errors, byCheck, byVillage };
  }

  /** One page of findings matching the filter, by township, village, level and name; built only for the records that match. */
  findingsList(filter: FindingsFilter, offset: number, limit: number): { rows: FindingRow[]; total: number } {
    this.ensureCurrentDay();
    const key = JSON.stringify([filter.township, filter.village, filter.code]);
    let rows = this.listCache.get(key);
    if (!rows) {
      const inUnit = (unit: { township: string; village: string }) =>
        (filter.township === undefined || unit.township === filter.township) && (filter.village === undefined || unit.village === filter.village);
      rows = [];
      for (const person of this.flaggedPeople()) if (inUnit(this.householdOf(person))) rows.push(...this.personRows(person));
      for (const id of this.householdFindings.keys()) {
        const household = this.model.households.get(id);
        if (household && inUnit(household)) rows.push(...this.householdRows(household));
      }
      if (filter.code !== undefined) rows = rows.filter((row) => row.code === filter.code);
      const unitRank = rankUnits(rows);
      rows.sort(
        (a, b) =>
          unitRank.get(unitKey(a.township, a.village))! - unitRank.get(unitKey(b.township, b.village))! ||
          (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1) ||
          (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
          (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0),
      );
      this.listCache.set(key, rows);
    }
    return { rows: rows.slice(offset, offset + limit), total: rows.length };
  }

  findingsOf(kind: 'person' | 'household', id: string): FindingRow[] {
    this.ensureCurrentDay();
    if (kind === 'person') {
      const person = this.model.people.get(id);
      return person ? this.personRows(person) : [];
    }
    const household = this.model.households.get(id);
    return household ? this.householdRows(household) : [];
  }

  /** 「待帮扶」 from the cached per-person standings, nearest deadline first. */
  owedList(filter: OwedFilter, limit: number, offset = 0): OwedList {
    this.ensureCurrentDay();
    this.owedSorted ??= [...this.facts.values()].flatMap((facts) => (facts.owed ? [facts.owed] : [])).sort(compareOwed);
    const all = this.owedSorted;
    const rows = filter.village || filter.assistanceContact ? all.filter((row) => (!filter.village || row.village === filter.village) && (!filter.assistanceContact || row.assistanceContact === filter.assistanceContact)) : all;
    return {
      rows: rows.slice(offset, offset + limit).map(withTallyTexts),
      matching: rows.length,
      total: all.length,
      villages: distinctSorted(all.map((row) => row.village)),
      assistanceContacts: distinctSorted(all.map((row) => row.assistanceContact)),
      packageName: this.context.servicePackage.name,
    };
  }

  targetPlan(year: number): TargetPlan {
    return restoreTargetPlan(this.model.settings.get(targetPlanKey(year)), year);
  }

  /** The cut-off for a year: today for this year, 31 December for a past one. */
  private reportDateFor(year: number): string {
    const today = this.today();
    return Number(today.slice(0, 4)) > year ? `${year}-12-31` : today;
  }

  /** Progress tallies for a year: the running ones for this year, a pass over everyone for another. */
  private talliesFor(year: number, reportDate: string): { units: Map<UnitKey, GroupTallies>; overall: GroupTallies } {
    if (year === this.reportYear) {
      // A copy of the map (the dashboard adds units that only have targets); the tallies are only read.
      return { units: new Map(this.totals.tallies), overall: this.totals.overall };
    }
    const scratch = new RunningTotals();
    for (const person of this.model.people.values()) {
      const household = this.householdOf(person);
      const began = this.facts.get(person.id)?.employedBegan ?? null;
      scratch.apply({ unit: unitKey(household.township, household.village), township: household.township, findings: [], progress: this.progressOf(person, household, began, year, reportDate) }, 1);
    }
    return { units: scratch.tallies, overall: scratch.overall };
  }

  dashboard(year: number): ProgressDashboard {
    this.ensureCurrentDay();
    const reportDate = this.reportDateFor(year);
    const plan = this.targetPlan(year);
    const { units: tallies, overall: overallTally } = this.talliesFor(year, reportDate);
    for (const unit of plan.units) {
      if (!tallies.has(unitKey(unit.township, unit.village))) tallies.set(unitKey(unit.township, unit.village), blankTallies());
      if (!tallies.has(unitKey(unit.township, ''))) tallies.set(unitKey(unit.township, ''), blankTallies());
    }
    const judge = (tally: Tally, figures: TargetFigures | undefined, group: TargetGroup): GroupProgress => {
      const planned = figures ? targetOf(figures, group, 'plan') : undefined;
      const progress: GroupProgress = { ...tally, plan: planned, stretch: figures ? targetOf(figures, group, 'stretch') : undefined };
      if (planned === undefined) return progress;
      const milestones = datedMilestones(plan.milestones[group], year, planned);
      progress.pace = judgePace(tally.employed, milestones, reportDate, tally.carried);
      const past = lastPastMilestone(milestones, reportDate);
      if (past) progress.pastMilestone = { ...past, met: tally.employed >= past.required };
      return progress;
    };
    const units: UnitProgress[] = [...tallies.entries()]
      .map(([key, tally]) => {
        const { township, village } = splitUnitKey(key);
        const figures = targetsForUnit(plan, { township, village });
        return { township, village, total: judge(tally.total, figures, 'total'), poverty: judge(tally.poverty, figures, 'poverty') };
      })
      .sort((a, b) => collator.compare(a.township, b.township) || (a.village === '' ? -1 : b.village === '' ? 1 : collator.compare(a.village, b.village)));
    const overallFigures = targetsForUnit(plan, {});
    return {
      year,
      reportDate,
      units,
      overall: { township: '', village: '', total: judge(overallTally.total, overallFigures, 'total'), poverty: judge(overallTally.poverty, overallFigures, 'poverty') },
      mismatches: findTargetMismatches(plan),
      hasTargets: plan.units.length > 0,
    };
  }

  /** Cumulative 转移就业 by week for one unit (or everyone), with its milestones, for the chart. */
  series(year: number, group: TargetGroup, unit: { township?: string; village?: string }): ProgressSeries {
    this.ensureCurrentDay();
    const reportDate = this.reportDateFor(year);
    const dates: string[] = [];
    for (const person of this.model.people.values()) {
      const household = this.householdOf(person);
      if (unit.township !== undefined && household.township !== unit.township) continue;
      if (unit.village && household.village !== unit.village) continue;
      if (group === 'poverty' && !(household.povertyAlleviated || household.monitored)) continue;
      const counted = countedInYear(this.facts.get(person.id)?.employedBegan ?? null, year);
      if (counted !== null && counted <= reportDate) dates.push(counted);
    }
    const plan = this.targetPlan(year);
    const figures = targetsForUnit(plan, unit);
    const target = figures ? targetOf(figures, group, 'plan') : undefined;
    return { points: cumulativeByWeek(dates, year, reportDate), milestones: target === undefined ? [] : datedMilestones(plan.milestones[group], year, target), target };
  }
}
