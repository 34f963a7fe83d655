import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween } from './dates';

describe('addMonths', () => {
  it.each([
    ['2024-05-10', 6, '2024-11-10'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2100-01-31', 1, '2100-02-28'],
    ['2000-01-31', 1, '2000-02-29'],
    ['2024-12-15', 1, '2025-01-15'],
    ['2024-08-31', 3, '2024-11-30'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2025-01-05', -13, '2023-12-05'],
    ['2026-07-01', 0, '2026-07-01'],
  ])('%s %+d months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('daysBetween', () => {
  it('counts whole days across a month end and backwards', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
  });
});
