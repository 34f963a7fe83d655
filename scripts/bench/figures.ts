/**
 * One row of the benchmark table: a figure measured in several runs, its goal, and what a user
 * could pick instead (the anchor) measured in the same runs.
 */
export type Verdict = 'pass' | 'miss' | 'info' | 'not measured';

export interface Figure {
  figure: string;
  unit: string;
  /** One value per run (or per sample, where the figure says so). */
  values: number[];
  median: number | null;
  min: number | null;
  max: number | null;
  goal: string;
  anchor: string;
  /** The figure against its anchor, as `ratioText` says. */
  ratio: number | null;
  ratioText: string;
  verdict: Verdict;
  note: string;
}

/** `≤ 10` passes at or below 10; `≥ 0.9` at or above. `of: 'ratio'` judges the ratio instead of the value. */
export interface Goal {
  text: string;
  limit: number;
  at: 'most' | 'least';
  of?: 'value' | 'ratio';
}

export interface FigureInput {
  figure: string;
  unit: string;
  values: number[];
  goal?: Goal;
  anchor?: { label: string; values: number[]; unit?: string };
  /**
   * How the ratio is formed, and what it means: from each run's value and anchor, the median of
   * those (`perRun`, for pairs measured side by side), or else from the two medians.
   */
  ratio?: { text: string; of: (value: number, anchor: number) => number; perRun?: boolean };
  note?: string;
  /** False: shown against its goal but not judged (a quick run's smaller data). */
  judge?: boolean;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 === 1 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Nearest-rank percentile (p in 0–100) of a sample. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function formatValue(value: number | null, unit = ''): string {
  if (value === null || Number.isNaN(value)) return '—';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const text = value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit ? `${text} ${unit}` : text;
}

export function measured(input: FigureInput): Figure {
  if (input.values.length === 0) return notMeasured(input.figure, input.goal?.text ?? '', 'no value was recorded');
  const value = median(input.values);
  const anchorValue = input.anchor && input.anchor.values.length > 0 ? median(input.anchor.values) : null;
  const anchorValues = input.anchor?.values ?? [];
  const ratioOf = input.ratio?.of;
  const ratio =
    !ratioOf || anchorValue === null
      ? null
      : input.ratio?.perRun && anchorValues.length === input.values.length
        ? median(input.values.map((run, index) => ratioOf(run, anchorValues[index]!)))
        : ratioOf(value, anchorValue);
  let verdict: Verdict = 'info';
  if (input.goal && input.judge !== false) {
    const judged = input.goal.of === 'ratio' ? ratio : value;
    verdict = judged === null ? 'not measured' : (input.goal.at === 'most' ? judged <= input.goal.limit : judged >= input.goal.limit) ? 'pass' : 'miss';
  }
  return {
    figure: input.figure,
    unit: input.unit,
    values: input.values,
    median: value,
    min: Math.min(...input.values),
    max: Math.max(...input.values),
    goal: input.goal?.text ?? '',
    anchor: input.anchor ? `${input.anchor.label} ${formatValue(anchorValue, input.anchor.unit ?? input.unit)}` : '',
    ratio,
    ratioText: input.ratio?.text ?? '',
    verdict,
    note: input.note ?? '',
  };
}

export function notMeasured(figure: string, goal: string, why: string): Figure {
  return { figure, unit: '', values: [], median: null, min: null, max: null, goal, anchor: '', ratio: null, ratioText: '', verdict: 'not measured', note: why };
}

const COLUMNS = ['figure', 'median (min–max)', 'goal', 'anchor', 'ratio', 'verdict'] as const;

function rowOf(figure: Figure): string[] {
  const range = figure.min === null ? '' : ` (${formatValue(figure.min)}–${formatValue(figure.max)})`;
  return [
    figure.figure,
    figure.median === null ? '—' : `${formatValue(figure.median, figure.unit)}${range}`,
    figure.goal,
    figure.anchor,
    figure.ratio === null ? '' : `${formatValue(figure.ratio)} ${figure.ratioText}`.trim(),
    figure.verdict,
  ];
}

/** The table as fixed-width text for the terminal; notes follow it, numbered. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map(rowOf);
  const widths = COLUMNS.map((column, index) => Math.max(displayWidth(column), ...rows.map((row) => displayWidth(row[index]!))));
  const line = (cells: readonly string[]) => cells.map((cell, index) => cell + ' '.repeat(widths[index]! - displayWidth(cell))).join('  ').trimEnd();
  const notes = figures.flatMap((figure) => (figure.note ? [`- ${figure.figure}: ${figure.note}`] : []));
  return [line(COLUMNS), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line), '', ...notes].join('\n');
}

/** The table as Markdown, for the README. */
export function formatMarkdownTable(figures: readonly Figure[]): string {
  const escape = (cell: string) => cell.replaceAll('|', '\\|');
  return [`| ${COLUMNS.join(' | ')} |`, `|${COLUMNS.map(() => '---').join('|')}|`, ...figures.map((figure) => `| ${rowOf(figure).map(escape).join(' | ')} |`)].join('\n');
}

/** Han characters and full-width forms take two columns in a terminal. */
function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(character) ? 2 : 1;
  return width;
}
