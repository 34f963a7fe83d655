import { z } from 'zod';

/**
 * 转移就业目标任务 for a year, as seed 000 附件1 sets them: per township (and, where split, per
 * village) 面上人数 (labour outside 脱贫户), 脱贫户（含监测户）计划任务数 and 奋斗目标数, and
 * 转移就业总人数 (all rural labour = 面上 + 脱贫户计划). Figures are kept exactly as entered, so a
 * table that does not add up can be shown as such (`findTargetMismatches`).
 */
const count = z.number().int().min(0).max(10_000_000).optional();

export const TargetFiguresSchema = z.object({
  /** 面上人数 */
  otherLabour: count,
  /** 脱贫户（含监测户）人数 · 计划任务数 */
  povertyPlan: count,
  /** 脱贫户（含监测户）人数 · 奋斗目标数 */
  povertyStretch: count,
  /** 转移就业总人数 (计划) */
  totalPlan: count,
  /** 转移就业总人数 · 奋斗目标数 (not in 附件1; entered by hand where a township sets one) */
  totalStretch: count,
});
export type TargetFigures = z.infer<typeof TargetFiguresSchema>;
export type TargetFigureKey = keyof TargetFigures;

export const TARGET_FIGURE_LABELS: Readonly<Record<TargetFigureKey, string>> = {
  otherLabour: '面上人数',
  povertyPlan: '脱贫户（含监测户）计划任务数',
  povertyStretch: '脱贫户（含监测户）奋斗目标数',
  totalPlan: '转移就业总人数',
  totalStretch: '转移就业总人数奋斗目标数',
};

export const TargetUnitSchema = TargetFiguresSchema.extend({
  township: z.string().trim().min(1, { error: '请填写乡镇' }).max(40),
  /** Empty for the township's own row. */
  village: z.string().trim().max(40).default(''),
});
export type TargetUnit = z.infer<typeof TargetUnitSchema>;

/** A cumulative share of the year's target due by a day of the year (MM-DD). */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export const MilestoneSchema = z.object({
  date: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: '日期应为 月-日，如 04-30' })
    .refine((date) => Number(date.slice(3)) <= DAYS_IN_MONTH[Number(date.slice(0, 2)) - 1]!, { error: '没有这一天，请核实节点日期' }),
  share: z.number().gt(0).max(1),
});
export type Milestone = z.infer<typeof MilestoneSchema>;

/** The two groups progress is measured for. */
export type TargetGroup = 'total' | 'poverty';
export const TARGET_GROUP_LABELS: Readonly<Record<TargetGroup, string>> = { total: '转移就业总人数（全部农村劳动力）', poverty: '脱贫户（含监测户）' };

/** Seed 000 正文: 4 月底 60 %, 5 月底 80 %, 6 月底 100 %; 脱贫户 3 月底 60 %, 4 月底 85 %, 5 月底 100 %. */
export const DEFAULT_MILESTONES: Readonly<Record<TargetGroup, readonly Milestone[]>> = {
  total: [
    { date: '04-30', share: 0.6 },
    { date: '05-31', share: 0.8 },
    { date: '06-30', share: 1 },
  ],
  poverty: [
    { date: '03-31', share: 0.6 },
    { date: '04-30', share: 0.85 },
    { date: '05-31', share: 1 },
  ],
};

export const TargetPlanSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  units: z.array(TargetUnitSchema).default([]),
  /** The 合计 row as the table states it. */
  tableTotals: TargetFiguresSchema.default({}),
  /** Totals the document's text states (「确保不低于 7746 人」), compared with the table. */
  statedTotals: TargetFiguresSchema.default({}),
  milestones: z
    .object({ total: z.array(MilestoneSchema), poverty: z.array(MilestoneSchema) })
    .default({ total: [...DEFAULT_MILESTONES.total], poverty: [...DEFAULT_MILESTONES.poverty] }),
});
export type TargetPlan = z.infer<typeof TargetPlanSchema>;

export function emptyTargetPlan(year: number): TargetPlan {
  return TargetPlanSchema.parse({ year });
}

/** The settings key a year's plan is stored under. */
export function targetPlanKey(year: number): string {
  return `targets:${year}`;
}

/** A stored plan, or an empty one when nothing (or something damaged) is stored. */
export function restoreTargetPlan(stored: unknown, year: number): TargetPlan {
  const parsed = TargetPlanSchema.safeParse(stored);
  return parsed.success && parsed.data.year === year ? parsed.data : emptyTargetPlan(year);
}

/** The unit's target for a group: the figure entered, else what its parts add up to. */
export function targetOf(figures: TargetFigures, group: TargetGroup, level: 'plan' | 'stretch' = 'plan'): number | undefined {
  if (group === 'poverty') return level === 'plan' ? figures.povertyPlan : figures.povertyStretch;
  if (level === 'stretch') return figures.totalStretch;
  if (figures.totalPlan !== undefined) return figures.totalPlan;
  return figures.otherLabour !== undefined && figures.povertyPlan !== undefined ? figures.otherLabour + figures.povertyPlan : undefined;
}

const FIGURE_KEYS = Object.keys(TARGET_FIGURE_LABELS) as TargetFigureKey[];

/** `figures` with one figure set, or removed when `value` is undefined (a cleared box). */
export function withFigure<T extends TargetFigures>(figures: T, key: TargetFigureKey, value: number | undefined): T {
  const rest = Object.fromEntries(Object.entries(figures).filter(([name]) => name !== key));
  return (value === undefined ? rest : { ...rest, [key]: value }) as T;
}

/** `base` with every figure `override` has (a figure left out or undefined keeps `base`'s). */
export function mergeFigures(base: TargetFigures, override: TargetFigures): TargetFigures {
  const merged: TargetFigures = { ...base };
  for (const key of FIGURE_KEYS) if (override[key] !== undefined) merged[key] = override[key];
  return merged;
}

/** Each figure summed over `units`, undefined where none of them has it. */
export function sumFigures(units: readonly TargetFigures[]): TargetFigures {
  const sum: TargetFigures = {};
  for (const key of FIGURE_KEYS) {
    const values = units.map((unit) => unit[key]).filter((value): value is number => value !== undefined);
    if (values.length > 0) sum[key] = values.reduce((a, b) => a + b, 0);
  }
  return sum;
}

/**
 * The targets that apply to a unit: a village's own row; a township's own row, else its
 * villages added up; for everyone (no township), the townships added up with the 合计 row's
 * figures where it states them.
 */
export function targetsForUnit(plan: TargetPlan, unit: { township?: string; village?: string }): TargetFigures | undefined {
  if (plan.units.length === 0) return undefined;
  if (unit.township === undefined) {
    const townshipRows = plan.units.filter((row) => !row.village);
    return mergeFigures(sumFigures(townshipRows.length > 0 ? townshipRows : plan.units), plan.tableTotals);
  }
  const village = unit.village ?? '';
  const own = plan.units.find((row) => row.township === unit.township && row.village === village);
  if (own || village) return own;
  const villages = plan.units.filter((row) => row.township === unit.township && row.village);
  return villages.length > 0 ? sumFigures(villages) : undefined;
}

/** What a plan's own figures disagree on, in Chinese; the app shows these rather than picking one. */
export interface TargetMismatch {
  /** 乡镇 / 村 / 合计 / 文件正文 */
  where: string;
  message: string;
}

function unitName(unit: TargetUnit): string {
  return unit.village ? `${unit.township}${unit.village}` : unit.township;
}

function checkRow(where: string, figures: TargetFigures): TargetMismatch[] {
  const mismatches: TargetMismatch[] = [];
  const { otherLabour, povertyPlan, povertyStretch, totalPlan } = figures;
  if (otherLabour !== undefined && povertyPlan !== undefined && totalPlan !== undefined && otherLabour + povertyPlan !== totalPlan) {
    mismatches.push({
      where,
      message: `面上人数 ${otherLabour} + 脱贫户计划任务数 ${povertyPlan} = ${otherLabour + povertyPlan}，与转移就业总人数 ${totalPlan} 不一致`,
    });
  }
  if (povertyPlan !== undefined && povertyStretch !== undefined && povertyStretch < povertyPlan) {
    mismatches.push({ where, message: `脱贫户奋斗目标数 ${povertyStretch} 小于计划任务数 ${povertyPlan}` });
  }
  return mismatches;
}

function compareTotals(where: string, stated: TargetFigures, statedWhat: string, summed: TargetFigures, summedWhat: string): TargetMismatch[] {
  return FIGURE_KEYS.flatMap((key) => {
    const statedValue = stated[key];
    const summedValue = summed[key];
    if (statedValue === undefined || summedValue === undefined || statedValue === summedValue) return [];
    const difference = summedValue - statedValue;
    return [
      {
        where,
        message: `${TARGET_FIGURE_LABELS[key]}：${statedWhat} ${statedValue}，${summedWhat} ${summedValue}，相差 ${Math.abs(difference)}`,
      },
    ];
  });
}

/**
 * Every place the plan does not add up: a row whose parts do not make its total, villages that
 * do not add up to their township's row, a 合计 row that is not the sum of the townships, and
 * totals in the document's text that differ from the table (seed 000: 7746 in the text, 7800 in
 * the table).
 */
export function findTargetMismatches(plan: TargetPlan): TargetMismatch[] {
  const mismatches = plan.units.flatMap((unit) => checkRow(unitName(unit), unit));
  const townshipRows = plan.units.filter((unit) => !unit.village);
  for (const township of townshipRows) {
    const villages = plan.units.filter((unit) => unit.village && unit.township === township.township);
    if (villages.length > 0) mismatches.push(...compareTotals(township.township, township, '乡镇行写', sumFigures(villages), '各村相加为'));
  }
  const tableSum = sumFigures(townshipRows.length > 0 ? townshipRows : plan.units);
  mismatches.push(...checkRow('合计', plan.tableTotals));
  mismatches.push(...compareTotals('合计', plan.tableTotals, '合计行写', tableSum, '各乡镇相加为'));
  const tableTotals = mergeFigures(tableSum, plan.tableTotals);
  mismatches.push(...compareTotals('文件正文', plan.statedTotals, '正文写', tableTotals, '表中合计为'));
  return mismatches;
}

export interface PastedTargetRow {
  name: string;
  figures: TargetFigures;
}

export interface PastedTargetTable {
  rows: PastedTargetRow[];
  /** The 合计 row, when the table has one. */
  totals?: TargetFigures;
  /** Names followed by too few numbers, in Chinese. */
  problems: string[];
}

const NUMBER = /^[0-9０-９][0-9０-９,，]*$/;
const HEADER_WORDS = /人数|任务数|目标数|备注|序号|乡镇|单位|合计$/;

function toNumber(cell: string): number {
  return Number(cell.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0)).replace(/[,，]/g, ''));
}

/**
 * Reads the 附件1 table as pasted from Excel or WPS (tab-separated rows) or from a PDF (one cell
 * per line): each name followed by four numbers — 面上人数, 脱贫户计划任务数, 奋斗目标数,
 * 转移就业总人数 — is a row; 合计 is the totals row; header cells are skipped.
 */
export function parseTargetTable(text: string): PastedTargetTable {
  const cells = text
    .split(/[\t\r\n]+/)
    .map((cell) => cell.trim())
    .filter(Boolean);
  const table: PastedTargetTable = { rows: [], problems: [] };
  for (let index = 0; index < cells.length; index += 1) {
    const name = cells[index]!.replace(/\s+/g, '');
    if (NUMBER.test(name)) continue;
    const numbers: number[] = [];
    while (index + 1 < cells.length && NUMBER.test(cells[index + 1]!)) numbers.push(toNumber(cells[(index += 1)]!));
    if (numbers.length === 0) continue;
    // A fifth number is the next row's 序号.
    if (numbers.length > 4) numbers.length = 4;
    if (numbers.length !== 4) {
      if (!HEADER_WORDS.test(name) || name === '合计') table.problems.push(`「${name}」后有 ${numbers.length} 个数字，应为 4 个（面上人数、计划任务数、奋斗目标数、转移就业总人数）`);
      continue;
    }
    const [otherLabour, povertyPlan, povertyStretch, totalPlan] = numbers as [number, number, number, number];
    const figures = { otherLabour, povertyPlan, povertyStretch, totalPlan };
    if (/^(合计|总计)$/.test(name)) table.totals = figures;
    else table.rows.push({ name, figures });
  }
  return table;
}
