import { describe, expect, it } from 'vitest';
import { formatHlc, parseHlc, receiveHlc, tickHlc } from './hlc';

describe('hybrid logical clock', () => {
  it.each([
    ['starts at the wall clock', null, 1000, { wallMs: 1000, counter: 0 }],
    ['follows a clock that moves forward', { wallMs: 1000, counter: 3 }, 1500, { wallMs: 1500, counter: 0 }],
    ['counts up while the clock stands still', { wallMs: 1000, counter: 3 }, 1000, { wallMs: 1000, counter: 4 }],
    ['never goes back when the phone clock steps back', { wallMs: 2000, counter: 0 }, 1000, { wallMs: 2000, counter: 1 }],
  ])('%s', (_name, previous, now, expected) => {
    expect(tickHlc(previous, now)).toEqual(expected);
  });

  it('moves past a clock seen from another device', () => {
    expect(receiveHlc({ wallMs: 1000, counter: 0 }, { wallMs: 5000, counter: 7 }, 2000)).toEqual({ wallMs: 5000, counter: 8 });
    expect(receiveHlc({ wallMs: 5000, counter: 2 }, { wallMs: 5000, counter: 7 }, 2000)).toEqual({ wallMs: 5000, counter: 8 });
    expect(receiveHlc({ wallMs: 1000, counter: 2 }, { wallMs: 900, counter: 7 }, 3000)).toEqual({ wallMs: 3000, counter: 0 });
  });

  it('sorts as text in clock order and round-trips', () => {
    const values = [
      formatHlc({ wallMs: 1_700_000_000_000, counter: 2 }, 'b'),
      formatHlc({ wallMs: 1_700_000_000_000, counter: 10 }, 'a'),
      formatHlc({ wallMs: 1_700_000_000_001, counter: 0 }, 'a'),
    ];
    expect([...values].reverse().sort()).toEqual(values);
    expect(parseHlc(values[1] ?? '')).toEqual({ wallMs: 1_700_000_000_000, counter: 10, deviceId: 'a' });
  });

  it('refuses text that is not a clock', () => {
    expect(() => parseHlc('2026-05-01')).toThrow();
  });
});
