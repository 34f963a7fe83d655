/**
 * A token bucket per device token: up to `burst` requests at once, refilled at `perMinute`.
 * It stops a phone stuck in a retry loop from starving the others; phones honour the
 * `Retry-After` of the 429 (../shared/CONTRACTS.md).
 */
export interface RateLimitOptions {
  burst: number;
  perMinute: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { burst: 120, perMinute: 120 };

interface Bucket {
  tokens: number;
  updatedMs: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class RateLimiter {
  readonly #buckets = new Map<string | number, Bucket>();

  constructor(
    readonly options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string | number): RateDecision {
    const { burst, perMinute } = this.options;
    const nowMs = this.now();
    const perMs = perMinute / 60_000;
    const bucket = this.#buckets.get(key) ?? { tokens: burst, updatedMs: nowMs };
    bucket.tokens = Math.min(burst, bucket.tokens + Math.max(0, nowMs - bucket.updatedMs) * perMs);
    bucket.updatedMs = nowMs;
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    const waitMs = perMs > 0 ? (1 - bucket.tokens) / perMs : 60_000;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }
}
