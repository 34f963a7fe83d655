import { createSeededRandom } from '../../../src/domain/callback-sample';

export type Fault = 'drop-request' | 'drop-response' | 'error-500' | 'error-429' | 'stall' | 'deliver-twice';
export const FAULTS: readonly Fault[] = ['drop-request', 'drop-response', 'error-500', 'error-429', 'stall', 'deliver-twice'];

/**
 * A fault proxy between a phone and a receiver: with probability `rate`, a request meets one of
 * the faults of the field (lost on the way, answer lost after the receiver stored the batch, 500,
 * 429, stalled past the client's timeout, delivered twice). Seeded, so a failure can be replayed.
 */
export function createFaultProxy(upstream: typeof fetch, options: { seed: string; rate: number }) {
  const random = createSeededRandom(options.seed);
  const counts = new Map<Fault | 'clean', number>();
  const count = (key: Fault | 'clean') => counts.set(key, (counts.get(key) ?? 0) + 1);
  const fetch = (async (url: RequestInfo | URL, init?: RequestInit) => {
    if (random() >= options.rate) {
      count('clean');
      return upstream(url, init);
    }
    const fault = FAULTS[Math.floor(random() * FAULTS.length)]!;
    count(fault);
    switch (fault) {
      case 'drop-request':
        throw new TypeError('network error: request lost');
      case 'drop-response':
        await upstream(url, init);
        throw new TypeError('network error: response lost');
      case 'error-500':
        return new Response('{"error":{"code":"server.internal","message":"x"}}', { status: 500 });
      case 'error-429':
        return new Response('{}', { status: 429, headers: { 'Retry-After': '3' } });
      case 'stall':
        await upstream(url, init);
        throw new DOMException('The operation was aborted.', 'AbortError');
      case 'deliver-twice':
        await upstream(url, init);
        return upstream(url, init);
    }
  }) as typeof globalThis.fetch;
  return { fetch, counts };
}
