import type { Finding } from '../src/domain/finding';
import type { TargetGroup } from '../src/domain/targets';

/** `township|village`; a township's own row has an empty village. */
export type UnitKey = string;

// Keys are interned: every record of a village shares one string instead of building its own.
const unitKeys = new Map<string, Map<string, UnitKey>>();

export function unitKey(township: string, village: string): UnitKey {
  let villages = unitKeys.get(township);
  if (!villages) unitKeys.set(township, (villages = new Map()));
  let key = villages.get(village);
  if (key === undefined) villages.set(village, (key = `${township}|${village}`));
  return key;
}

export function splitUnitKey(key: UnitKey): { township: string; village: string } {
  const [township = '', village = ''] = key.split('|');
  return { township, village };
}

/** What one record adds to the totals; taken away again before the record is re-checked. */
export interface Contribution {
  unit: UnitKey;
  township: string;
  findings: readonly Pick<Finding, 'code' | 'level'>[];
  /** People only: their part of the progress tallies for the report date's year. */
  progress?: { poverty: boolean; employed: boolean; stable: boolean; carried: boolean };
}

export interface Tally {
  people: number;
  employed: number;
  stable: number;
  /** Of the employed, those still at work from before 1 January (not this year's placements). */
  carried: number;
}

export type GroupTallies = Record<TargetGroup, Tally>;

export function blankTallies(): GroupTallies {
  return { total: { people: 0, employed: 0, stable: 0, carried: 0 }, poverty: { people: 0, employed: 0, stable: 0, carried: 0 } };
}

/**
 * 疑点 counts per village and check, and progress tallies per township, village and overall,
 * kept current by adding each record's contribution and taking it away when the record
 * changes — so one edit costs a handful of map updates, not a pass over every record.
 */
export class RunningTotals {
  readonly findings = new Map<UnitKey, Map<string, number>>();
  readonly tallies = new Map<UnitKey, GroupTallies>();
  readonly overall = blankTallies();

  clear(): void {
    this.findings.clear();
    this.tallies.clear();
    Object.assign(this.overall, blankTallies());
  }

  apply(contribution: Contribution, sign: 1 | -1): void {
    for (const finding of contribution.findings) this.countFinding(contribution.unit, findingKey(finding), sign);
    const { progress } = contribution;
    if (!progress) return;
    // A household with no village counts once, in its township's row.
    const townshipUnit = unitKey(contribution.township, '');
    this.addProgress(this.talliesOf(townshipUnit), progress, sign);
    if (contribution.unit !== townshipUnit) this.addProgress(this.talliesOf(contribution.unit), progress, sign);
    this.addProgress(this.overall, progress, sign);
    // A unit everyone has left is gone, as a fresh count would not list it.
    if (this.tallies.get(townshipUnit)?.total.people === 0) this.tallies.delete(townshipUnit);
    if (this.tallies.get(contribution.unit)?.total.people === 0) this.tallies.delete(contribution.unit);
  }

  private addProgress(tallies: GroupTallies, progress: NonNullable<Contribution['progress']>, sign: 1 | -1): void {
    addToTally(tallies.total, progress, sign);
    if (progress.poverty) addToTally(tallies.poverty, progress, sign);
  }

  countFinding(unit: UnitKey, codeAndLevel: string, sign: 1 | -1): void {
    let codes = this.findings.get(unit);
    if (!codes) this.findings.set(unit, (codes = new Map()));
    const next = (codes.get(codeAndLevel) ?? 0) + sign;
    if (next === 0) codes.delete(codeAndLevel);
    else codes.set(codeAndLevel, next);
    if (codes.size === 0) this.findings.delete(unit);
  }

  talliesOf(unit: UnitKey): GroupTallies {
    let tallies = this.tallies.get(unit);
    if (!tallies) this.tallies.set(unit, (tallies = blankTallies()));
    return tallies;
  }
}

function addToTally(tally: Tally, progress: NonNullable<Contribution['progress']>, sign: 1 | -1): void {
  tally.people += sign;
  if (!progress.employed) return;
  tally.employed += sign;
  if (progress.stable) tally.stable += sign;
  if (progress.carried) tally.carried += sign;
}

/** `code|level`: how the totals count a finding. */
export function findingKey(finding: Pick<Finding, 'code' | 'level'>): string {
  return `${finding.code}|${finding.level}`;
}
