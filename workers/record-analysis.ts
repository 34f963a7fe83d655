import { describeCheck } from '../src/domain/check-codes';
import type { Finding } from '../src/domain/finding';
import type { Household } from '../src/domain/household';
import type { Person } from '../src/domain/person';
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
import { checkHouseholdRecord, checkPersonRecord, duplicateIdFinding, duplicateKeyOf, type RecordCheckContext } from '../src/domain/record-checks';
import { findPackage } from '../src/domain/service-package';
import {
  findTargetMismatches,
  restoreTargetPlan,
  sumFigures,
  targetOf,
  targetPlanKey,
  type TargetFigures,
  type TargetGroup,
  type TargetMismatch,
  type TargetPlan,
} from '../src/domain/targets';
import type { ModelChange, RecordModel } from './record-model';

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

interface PersonFacts {
  findings: Finding[];
  /** When the person's present work began (YYYY-MM-DD), if at work. */
  employedBegan: string | null;
  stable: boolean;
}

const NO_HOUSEHOLD: Pick<Household, 'township' | 'village' | 'head' | 'povertyAlleviated' | 'monitored'> = {
  township: '',
  village: '',
  head: '',
  povertyAlleviated: false,
  monitored: false,
};

const collator = new Intl.Collator('zh-CN');

function countByCode(rows: Iterable<Pick<Finding, 'code' | 'level'>>): FindingCount[] {
  const counts = new Map<string, FindingCount>();
  for (const { code, level } of rows) {
    const key = `${code}|${level}`;
    const entry = counts.get(key);
    if (entry) entry.count += 1;
    else counts.set(key, { code, level, checkName: describeCheck(code), count: 1 });
  }
  return [...counts.values()].sort((a, b) => (a.level === b.level ? b.count - a.count : a.level === 'error' ? -1 : 1));
}

/**
 * Everything the office asks of the whole data set — 疑点, progress against targets — kept
 * current from the model. Per-record results are cached and recomputed only for the records a
 * change touches; the totals are a pass over those cached results.
 */
export class RecordAnalysis {
  private readonly facts = new Map<string, PersonFacts>();
  private readonly householdFindings = new Map<string, Finding[]>();
  private readonly idGroups = new Map<string, Set<string>>();
  private readonly idKeyOf = new Map<string, string>();
  private sortedRows: FindingRow[] | null = null;
  private context!: RecordCheckContext;
  /** How long the last recomputation took, for the bench. */
  lastUpdateMs = 0;

  constructor(
    private readonly model: RecordModel,
    private readonly today: () => string,
  ) {
    this.recomputeAll();
    model.onChange((change) => this.update(change));
  }

  private get preferences(): Preferences {
    return restorePreferences(this.model.settings.get('preferences'));
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

  /** Every record checked again: at start, when 设置 change and when the day changes. */
  recomputeAll(): void {
    const started = performance.now();
    this.context = this.makeContext();
    this.facts.clear();
    this.householdFindings.clear();
    this.idGroups.clear();
    this.idKeyOf.clear();
    for (const person of this.model.people.values()) this.refreshPerson(person.id);
    for (const household of this.model.households.values()) this.refreshHousehold(household.id);
    this.sortedRows = null;
    this.lastUpdateMs = performance.now() - started;
  }

  private update(change: ModelChange): void {
    if (change.everything || change.settings.has('preferences')) {
      this.recomputeAll();
      return;
    }
    const started = performance.now();
    for (const id of new Set([...change.people, ...change.eventPeople])) this.refreshPerson(id);
    for (const id of change.households) {
      this.refreshHousehold(id);
      for (const member of this.model.membersOf(id)) if (!change.people.has(member.id)) this.refreshPerson(member.id);
    }
    if (change.people.size + change.eventPeople.size + change.households.size > 0) this.sortedRows = null;
    this.lastUpdateMs = performance.now() - started;
  }

  /** Before answering: a new day re-judges every date-based check. */
  private ensureCurrentDay(): void {
    if (this.context.reportDate !== this.today()) this.recomputeAll();
  }

  private refreshPerson(id: string): void {
    const oldKey = this.idKeyOf.get(id);
    if (oldKey) {
      this.idGroups.get(oldKey)?.delete(id);
      this.idKeyOf.delete(id);
    }
    const person = this.model.people.get(id);
    if (!person) {
      this.facts.delete(id);
      return;
    }
    const key = duplicateKeyOf(person.idNumber);
    if (key) {
      this.idKeyOf.set(id, key);
      let group = this.idGroups.get(key);
      if (!group) this.idGroups.set(key, (group = new Set()));
      group.add(id);
    }
    this.facts.set(id, {
      findings: checkPersonRecord(person, this.model.eventsByPerson.get(id) ?? [], this.context),
      employedBegan: employmentBeganOn(person),
      stable: isStablyEmployed(person),
    });
  }

  private refreshHousehold(id: string): void {
    const household = this.model.households.get(id);
    if (!household) this.householdFindings.delete(id);
    else this.householdFindings.set(id, checkHouseholdRecord(household, this.model.membersOf(id), this.context));
  }

  private householdOf(person: Person) {
    return this.model.households.get(person.householdId) ?? NO_HOUSEHOLD;
  }

  private duplicateFindingFor(id: string): Finding | undefined {
    const key = this.idKeyOf.get(id);
    const group = key ? this.idGroups.get(key) : undefined;
    if (!group || group.size < 2) return undefined;
    const others = [...group].filter((other) => other !== id).flatMap((other) => {
      const person = this.model.people.get(other);
      return person ? [{ name: person.name, village: this.householdOf(person).village }] : [];
    });
    return duplicateIdFinding(others);
  }

  private personRows(person: Person): FindingRow[] {
    const household = this.householdOf(person);
    const duplicate = this.duplicateFindingFor(person.id);
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
    return (this.householdFindings.get(household.id) ?? []).map((finding) => ({
      ...finding,
      kind: 'household',
      recordId: household.id,
      householdId: household.id,
      name: household.head,
      township: household.township,
      village: household.village,
    }));
  }

  private allRows(): FindingRow[] {
    this.ensureCurrentDay();
    if (this.sortedRows) return this.sortedRows;
    const rows: FindingRow[] = [];
    for (const person of this.model.people.values()) rows.push(...this.personRows(person));
    for (const household of this.model.households.values()) rows.push(...this.householdRows(household));
    rows.sort(
      (a, b) =>
        collator.compare(a.township, b.township) ||
        collator.compare(a.village, b.village) ||
        (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1) ||
        collator.compare(a.name, b.name) ||
        a.recordId.localeCompare(b.recordId),
    );
    return (this.sortedRows = rows);
  }

  findingsSummary(): FindingsSummary {
    const rows = this.allRows();
    const byVillage = new Map<string, { township: string; village: string; rows: FindingRow[] }>();
    for (const row of rows) {
      const key = `${row.township}|${row.village}`;
      const group = byVillage.get(key);
      if (group) group.rows.push(row);
      else byVillage.set(key, { township: row.township, village: row.village, rows: [row] });
    }
    const errors = rows.filter((row) => row.level === 'error').length;
    return {
      total: rows.length,
      errors,
      warnings: rows.length - errors,
      byCheck: countByCode(rows),
      byVillage: [...byVillage.values()].map((group) => ({ township: group.township, village: group.village, count: group.rows.length, checks: countByCode(group.rows) })),
    };
  }

  findingsList(filter: FindingsFilter, offset: number, limit: number): { rows: FindingRow[]; total: number } {
    const matching = this.allRows().filter(
      (row) =>
        (filter.township === undefined || row.township === filter.township) &&
        (filter.village === undefined || row.village === filter.village) &&
        (filter.code === undefined || row.code === filter.code),
    );
    return { rows: matching.slice(offset, offset + limit), total: matching.length };
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

  targetPlan(year: number): TargetPlan {
    return restoreTargetPlan(this.model.settings.get(targetPlanKey(year)), year);
  }

  /** The cut-off for a year: today for this year, 31 December for a past one. */
  private reportDateFor(year: number): string {
    const today = this.today();
    return Number(today.slice(0, 4)) > year ? `${year}-12-31` : today;
  }

  dashboard(year: number): ProgressDashboard {
    this.ensureCurrentDay();
    const reportDate = this.reportDateFor(year);
    const plan = this.targetPlan(year);
    type Tally = { people: number; employed: number; stable: number };
    const blank = (): Record<TargetGroup, Tally> => ({ total: { people: 0, employed: 0, stable: 0 }, poverty: { people: 0, employed: 0, stable: 0 } });
    const tallies = new Map<string, Record<TargetGroup, Tally>>();
    const tallyFor = (township: string, village: string) => {
      const key = `${township}|${village}`;
      let tally = tallies.get(key);
      if (!tally) tallies.set(key, (tally = blank()));
      return tally;
    };
    const overallTally = blank();
    for (const person of this.model.people.values()) {
      const household = this.householdOf(person);
      const facts = this.facts.get(person.id);
      const counted = countedInYear(facts?.employedBegan ?? null, year);
      const employed = counted !== null && counted <= reportDate;
      const groups: TargetGroup[] = household.povertyAlleviated || household.monitored ? ['total', 'poverty'] : ['total'];
      for (const tally of [tallyFor(household.township, ''), tallyFor(household.township, household.village), overallTally]) {
        for (const group of groups) {
          tally[group].people += 1;
          if (employed) tally[group].employed += 1;
          if (employed && facts?.stable) tally[group].stable += 1;
        }
      }
    }
    const targetsByUnit = new Map<string, TargetFigures>(plan.units.map((unit) => [`${unit.township}|${unit.village}`, unit]));
    for (const unit of plan.units) tallyFor(unit.township, unit.village);
    for (const unit of plan.units) if (unit.village) tallyFor(unit.township, '');

    const judge = (tally: Tally, figures: TargetFigures | undefined, group: TargetGroup): GroupProgress => {
      const planned = figures ? targetOf(figures, group, 'plan') : undefined;
      const progress: GroupProgress = { ...tally, plan: planned, stretch: figures ? targetOf(figures, group, 'stretch') : undefined };
      if (planned === undefined) return progress;
      const milestones = datedMilestones(plan.milestones[group], year, planned);
      progress.pace = judgePace(tally.employed, milestones, reportDate);
      const past = lastPastMilestone(milestones, reportDate);
      if (past) progress.pastMilestone = { ...past, met: tally.employed >= past.required };
      return progress;
    };
    const townshipTargets = (township: string): TargetFigures | undefined => {
      const own = targetsByUnit.get(`${township}|`);
      if (own) return own;
      const villages = plan.units.filter((unit) => unit.township === township && unit.village);
      return villages.length > 0 ? sumFigures(villages) : undefined;
    };
    const units: UnitProgress[] = [...tallies.entries()]
      .map(([key, tally]) => {
        const [township = '', village = ''] = key.split('|');
        const figures = village ? targetsByUnit.get(key) : townshipTargets(township);
        return { township, village, total: judge(tally.total, figures, 'total'), poverty: judge(tally.poverty, figures, 'poverty') };
      })
      .sort((a, b) => collator.compare(a.township, b.township) || (a.village === '' ? -1 : b.village === '' ? 1 : collator.compare(a.village, b.village)));
    const townshipRows = plan.units.filter((unit) => !unit.village);
    const overallFigures = plan.units.length > 0 ? { ...sumFigures(townshipRows.length > 0 ? townshipRows : plan.units), ...plan.tableTotals } : undefined;
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
    const dashboard = this.dashboard(year);
    const row =
      unit.township === undefined ? dashboard.overall : dashboard.units.find((candidate) => candidate.township === unit.township && candidate.village === (unit.village ?? ''));
    const target = row?.[group].plan;
    const plan = this.targetPlan(year);
    return { points: cumulativeByWeek(dates, year, reportDate), milestones: target === undefined ? [] : datedMilestones(plan.milestones[group], year, target), target };
  }
}
