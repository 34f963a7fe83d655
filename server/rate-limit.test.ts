import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

function aLimiter(burst: number, perMinute: number) {
  const clock = { now: 0 };
  return { limiter: new RateLimiter({ burst, perMinute }, () => clock.now), clock };
}

describe('per-token rate limit', () => {
  it('allows the burst, then refuses with the seconds until the next request fits', () => {
    const { limiter } = aLimiter(3, 6);
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
  });

  it.each([
    [5_000, false],
    [10_000, true],
    [600_000, true],
  ])('after %i ms of quiet, a spent bucket allows one more: %s', (waitMs, allowed) => {
    const { limiter, clock } = aLimiter(1, 6);
    limiter.take('a');
    clock.now += waitMs;
    expect(limiter.take('a').allowed).toBe(allowed);
  });

  it('refills no further than the burst', () => {
    const { limiter, clock } = aLimiter(2, 60);
    clock.now += 3_600_000;
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, false]);
  });

  it('keeps one bucket per token', () => {
    const { limiter } = aLimiter(1, 1);
    expect(limiter.take(1).allowed).toBe(true);
    expect(limiter.take(1).allowed).toBe(false);
    expect(limiter.take(2).allowed).toBe(true);
  });

  it('never asks to wait less than a second', () => {
    const { limiter, clock } = aLimiter(1, 60_000);
    limiter.take('a');
    limiter.take('a');
    clock.now += 0.5;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });
});
