import { describe, expect, it } from 'vitest';
import { formatTable, measured, median, notMeasured, percentile } from './figures';

describe('benchmark figures', () => {
  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[7], 7],
  ])('takes the median of %j as %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it.each([
    [95, 19],
    [50, 10],
    [100, 20],
    [1, 1],
  ])('takes the nearest-rank p%d of 1…20 as %d', (p, expected) => {
    expect(percentile(Array.from({ length: 20 }, (_, index) => index + 1), p)).toBe(expected);
  });

  it('passes a value at its ceiling and misses one above it', () => {
    const goal = { text: '≤ 10', limit: 10, at: 'most' } as const;
    expect(measured({ figure: 'f', unit: 'ms', values: [10, 9, 11], goal }).verdict).toBe('pass');
    expect(measured({ figure: 'f', unit: 'ms', values: [11, 12, 9], goal }).verdict).toBe('miss');
  });

  it('judges a ratio goal on the ratio of the medians, not on the value', () => {
    const figure = measured({
      figure: 'Dexie',
      unit: 'ms',
      values: [110, 100, 120],
      anchor: { label: 'raw', values: [100, 100, 100] },
      ratio: { text: '× raw speed', of: (value, anchor) => anchor / value },
      goal: { text: '≥ 0.9 of raw', limit: 0.9, at: 'least', of: 'ratio' },
    });
    expect(figure.ratio).toBeCloseTo(100 / 110);
    expect(figure.verdict).toBe('pass');
    expect(figure.anchor).toBe('raw 100 ms');
  });

  it('pairs value and anchor run by run when asked, so a slow spell of the machine hits both sides', () => {
    const figure = measured({
      figure: 'Dexie',
      unit: 'ms',
      values: [100, 200, 300],
      anchor: { label: 'raw', values: [90, 190, 290] },
      ratio: { text: '× raw speed', of: (value, anchor) => anchor / value, perRun: true },
    });
    expect(figure.ratio).toBeCloseTo(190 / 200);
  });

  it('shows but does not judge a figure measured on smaller data', () => {
    expect(measured({ figure: 'f', unit: 'ms', values: [50], goal: { text: '≤ 10', limit: 10, at: 'most' }, judge: false }).verdict).toBe('info');
  });

  it('prints every figure as a row and its note below the table', () => {
    const table = formatTable([measured({ figure: '搜索 p95', unit: 'ms', values: [4, 5, 6], note: 'why' }), notMeasured('PouchDB', '≥ 1', 'not installed')]);
    expect(table).toMatch(/搜索 p95\s+5\.00 ms \(4\.00–6\.00\)/);
    expect(table).toContain('- PouchDB: not installed');
  });
});
