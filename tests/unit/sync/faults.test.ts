import { afterEach, describe, expect, it } from 'vitest';
import type { FieldbookDatabase, OutboxEntry } from '../../../src/db/database';
import { HouseholdSchema } from '../../../src/domain/household';
import { formatHlc } from '../../../src/domain/hlc';
import type { Revision } from '../../../src/domain/revision';
import { drainOutbox } from '../../../src/sync/sync-client';
import { saveSyncSettings } from '../../../src/sync/sync-state';
import { aDatabase } from '../../builders';
import { aReceiver, closeReceivers, XINGUO } from '../../server/receiver';
import { createFaultProxy } from './fault-proxy';

afterEach(closeReceivers);

/** A phone whose outbox holds `count` new households, as `saveHousehold` would have queued them. */
async function aPhoneWithQueued(device: string, count: number): Promise<FieldbookDatabase> {
  const db = aDatabase();
  const stamp = '2026-05-01T08:00:00.000Z';
  const households = Array.from({ length: count }, (_, index) =>
    HouseholdSchema.parse({ id: `${device}-h${index}`, village: '新国村', head: `户主${index}`, createdAt: stamp, updatedAt: stamp }),
  );
  const entries: OutboxEntry[] = households.map((household, index) => ({
    rev: `${device}-r${index}`,
    parent: null,
    kind: 'household',
    id: household.id,
    hlc: formatHlc({ wallMs: 1_777_000_000_000 + index, counter: 0 }, device),
    device,
    deleted: false,
    data: { ...household },
    state: 'pending',
  }));
  await db.households.bulkPut(households);
  await db.outbox.bulkAdd(entries);
  return db;
}

/** Drains until the outbox is empty, moving a fake clock past every backoff. */
async function drainThroughFaults(db: FieldbookDatabase, fetch: typeof globalThis.fetch): Promise<number> {
  let clock = Date.parse('2026-05-01T08:00:00Z');
  for (let round = 1; round <= 2000; round += 1) {
    const result = await drainOutbox(db, { fetch, now: () => new Date(clock), random: () => 0.5 });
    if (result.status === 'synced') return round;
    clock += 10 * 60_000;
  }
  throw new Error('outbox never drained');
}

describe('sync through a faulty network', () => {
  it('delivers 10,000 revisions from three phones exactly once despite lost requests, lost answers, 500s, 429s, stalls and duplicates', async () => {
    const receiver = await aReceiver({ rateLimit: { burst: 1_000_000, perMinute: 1_000_000 } });
    const token = await receiver.tokenFor(XINGUO);
    const upstream = ((url: RequestInfo | URL, init?: RequestInit) => receiver.app.request(new URL(String(url)).pathname + new URL(String(url)).search, init)) as typeof globalThis.fetch;
    const proxy = createFaultProxy(upstream, { seed: 'faults-10k', rate: 0.35 });
    const phones = await Promise.all([aPhoneWithQueued('phone-a', 4000), aPhoneWithQueued('phone-b', 3500), aPhoneWithQueued('phone-c', 2500)]);
    for (const phone of phones) {
      await saveSyncSettings(phone, { endpoint: 'https://township.example/api/sync', token });
      await drainThroughFaults(phone, proxy.fetch);
      expect(await phone.outbox.count()).toBe(0);
    }
    expect(await receiver.countRevisions()).toBe(10_000);
    for (const fault of ['drop-request', 'drop-response', 'error-500', 'error-429', 'stall', 'deliver-twice'] as const) {
      expect(proxy.counts.get(fault), fault).toBeGreaterThan(0);
    }
  }, 120_000);

  it('empties the outbox against a bare receiver that answers 204 to everything', async () => {
    const received = new Set<string>();
    let deliveries = 0;
    const bare = (async (_url: RequestInfo | URL, init?: RequestInit) => {
      for (const revision of (JSON.parse(String(init?.body)) as { revisions: Revision[] }).revisions) {
        received.add(revision.rev);
        deliveries += 1;
      }
      return new Response(null, { status: 204 });
    }) as typeof globalThis.fetch;
    const proxy = createFaultProxy(bare, { seed: 'faults-bare', rate: 0.35 });
    const phone = await aPhoneWithQueued('phone-d', 1000);
    await saveSyncSettings(phone, { endpoint: 'https://anywhere.example/receive', token: '' });
    await drainThroughFaults(phone, proxy.fetch);
    expect(await phone.outbox.count()).toBe(0);
    expect(received.size).toBe(1000);
    // A bare receiver cannot de-duplicate: it sees re-sent batches, which is why revs are ids.
    expect(deliveries).toBeGreaterThan(1000);
  }, 60_000);
});
