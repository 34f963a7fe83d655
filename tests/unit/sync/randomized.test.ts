import { describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { openSqliteStore } from '../../../server/store/sqlite';
import type { Store } from '../../../server/store/store';
import { openDatabase, type FieldbookDatabase } from '../../../src/db/database';
import { saveHousehold } from '../../../src/db/households';
import { createSeededRandom } from '../../../src/domain/callback-sample';
import type { Revision } from '../../../src/domain/revision';
import { drainOutbox } from '../../../src/sync/sync-client';
import { saveSyncSettings } from '../../../src/sync/sync-state';
import { aHousehold } from '../../builders';
import { aDataFile, ALL } from '../../server/receiver';
import { createFaultProxy } from './fault-proxy';

const STEPS = 1000;

/**
 * A Jepsen-style run: phones create, edit, sync and reload, the receiver restarts, and a faulty
 * network sits between them, all driven by one seed. A ledger of every revision the phones saw
 * acknowledged is checked against the receiver at the end.
 */
describe('randomised sync run', () => {
  it(`keeps every acknowledged revision exactly once over ${STEPS} seeded steps`, async () => {
    const seed = 'jepsen-2026-11';
    const random = createSeededRandom(seed);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const dataFile = aDataFile();
    let store: Store = openSqliteStore(dataFile);
    let app = createApp({ store, version: 'test', log: () => {}, rateLimit: { burst: 1_000_000, perMinute: 1_000_000 } });
    const token = await store.createToken('全部', ALL);
    const upstream = ((url: RequestInfo | URL, init?: RequestInit) => {
      const target = new URL(String(url));
      return app.request(target.pathname + target.search, init);
    }) as typeof globalThis.fetch;
    const network = createFaultProxy(upstream, { seed, rate: 0.3 });

    const names = ['phone-a', 'phone-b', 'phone-c'].map((name) => `${name}-${Math.random().toString(36).slice(2)}`);
    const phones: FieldbookDatabase[] = names.map((name) => openDatabase(name));
    for (const phone of phones) await saveSyncSettings(phone, { endpoint: 'https://township.example/api/sync', token });
    const acknowledged = new Map<string, string>();
    let clock = Date.parse('2026-05-01T08:00:00Z');
    const counts = { create: 0, edit: 0, sync: 0, reload: 0, restart: 0 };

    async function sync(index: number, fetch: typeof globalThis.fetch) {
      const phone = phones[index]!;
      const before = new Map((await phone.outbox.toArray()).map((entry) => [entry.rev, entry]));
      clock += 10 * 60_000;
      await drainOutbox(phone, { fetch, now: () => new Date(clock), random });
      const after = new Set((await phone.outbox.toArray()).map((entry) => entry.rev));
      for (const [rev, entry] of before) {
        if (!after.has(rev)) {
          const { rev: id, parent, kind, id: recordId, hlc, device, deleted, data } = entry;
          acknowledged.set(rev, JSON.stringify({ rev: id, parent, kind, id: recordId, hlc, device, deleted, data }));
        }
      }
    }

    for (let step = 0; step < STEPS; step += 1) {
      const index = Math.floor(random() * phones.length);
      const phone = phones[index]!;
      const action = pick(['create', 'create', 'edit', 'edit', 'edit', 'sync', 'sync', 'reload', 'restart'] as const);
      counts[action] += 1;
      if (action === 'create') {
        await saveHousehold(phone, aHousehold({ village: '新国村', head: `户主${step}` }));
      } else if (action === 'edit') {
        const households = await phone.households.toArray();
        if (households.length > 0) await saveHousehold(phone, { ...pick(households), head: `改${step}` });
      } else if (action === 'sync') {
        await sync(index, network.fetch);
      } else if (action === 'reload') {
        phone.close();
        phones[index] = openDatabase(names[index]!);
      } else {
        await store.close();
        store = openSqliteStore(dataFile);
        app = createApp({ store, version: 'test', log: () => {}, rateLimit: { burst: 1_000_000, perMinute: 1_000_000 } });
      }
    }
    // The network heals: every phone empties its outbox.
    for (let index = 0; index < phones.length; index += 1) {
      for (let round = 0; round < 50 && (await phones[index]!.outbox.count()) > 0; round += 1) await sync(index, upstream);
      expect(await phones[index]!.outbox.count()).toBe(0);
    }

    const held: Revision[] = [];
    let cursor: string | null = null;
    for (;;) {
      const page = await store.changesSince(cursor, ALL, 2000);
      held.push(...page.revisions);
      cursor = page.cursor;
      if (!page.more) break;
    }
    const heldByRev = new Map(held.map((revision) => [revision.rev, revision]));
    expect(heldByRev.size).toBe(held.length);
    expect(held.length).toBe(acknowledged.size);
    for (const [rev, content] of acknowledged) {
      const stored = heldByRev.get(rev);
      expect(stored, rev).toBeDefined();
      expect(JSON.parse(JSON.stringify(stored))).toEqual(JSON.parse(content));
    }

    // Replaying everything the receiver holds inserts nothing.
    const replay = await app.request('/api/sync', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ batch: 'replay', device: 'phone-a', sentAt: new Date().toISOString(), revisions: held.slice(0, 2000) }),
    });
    const results = ((await replay.json()) as { results: { status: string }[] }).results;
    expect(new Set(results.map((result) => result.status))).toEqual(new Set(['duplicate']));
    const after = await store.changesSince(null, ALL, 1);
    expect(after.revisions.length).toBe(1);
    expect(acknowledged.size).toBeGreaterThan(300);
    expect(counts.restart).toBeGreaterThan(50);
    expect(counts.reload).toBeGreaterThan(50);
    await store.close();
  }, 120_000);
});
