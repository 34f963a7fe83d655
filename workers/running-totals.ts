import type { Finding } from '../src/domain/finding';
import type { TargetGroup } from '../src/domain/targets';

/** `township|village`; a township's own row has an empty village. */
export type UnitKey = string;

export function unitKey(township: string, village: string): UnitKey {
  return `${township}|${village}`;
}

export function splitUnitKey(key: UnitKey): { township: string; village: string } {
  const [township = '', village = ''] = key.split('|');
  return { township, village };
}

/** What one record adds to the totals; taken away again before the record is re-checked. */
export interface Contribution {
  unit: UnitKey;
  township: string;
  /** `code|level` of each finding. */
  findings: string[];
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
    for (const key of contribution.findings) this.countFinding(contribution.unit, key, sign);
    const { progress } = contribution;
    if (!progress) return;
    const groups: TargetGroup[] = progress.poverty ? ['total', 'poverty'] : ['total'];
    // A household with no village counts once, in its township's row.
    const units = [...new Set([unitKey(contribution.township, ''), contribution.unit])];
    for (const tallies of [...units.map((unit) => this.talliesOf(unit)), this.overall]) {
      for (const group of groups) {
        tallies[group].people += sign;
        if (progress.employed) tallies[group].employed += sign;
        if (progress.employed && progress.stable) tallies[group].stable += sign;
        if (progress.employed && progress.carried) tallies[group].carried += sign;
      }
    }
    // A unit everyone has left is gone, as a fresh count would not list it.
    for (const unit of units) if (this.tallies.get(unit)?.total.people === 0) this.tallies.delete(unit);
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

export function findingKey(finding: Pick<Finding, 'code' | 'level'>): string {
  return `${finding.code}|${finding.level}`;
}
