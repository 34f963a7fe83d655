import { describe, expect, it } from 'vitest';
import type { FieldbookDatabase } from '../../../src/db/database';
import { saveHousehold } from '../../../src/db/households';
import type { Revision } from '../../../src/domain/revision';
import type { SyncBatch } from '../../../src/domain/sync-protocol';
import { drainOutbox } from '../../../src/sync/sync-client';
import { loadSyncState, saveSyncSettings } from '../../../src/sync/sync-state';
import { aDatabase, aHousehold } from '../../builders';

type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | 'network-error';

/** A receiver that keeps every rev once, and lets a test script its answers. */
function aReceiver(script: (batch: SyncBatch, call: number) => Answer | undefined = () => undefined) {
  const stored = new Map<string, Revision>();
  const batches: SyncBatch[] = [];
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const batch = JSON.parse(String(init?.body)) as SyncBatch;
    batches.push(batch);
    const answer = script(batch, batches.length) ?? { status: 204 };
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    if (answer.status < 300) for (const revision of batch.revisions) if (!stored.has(revision.rev)) stored.set(revision.rev, revision);
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status, headers: answer.headers });
  };
  return { stored, batches, fetch: fetch as typeof globalThis.fetch };
}

async function aPhoneWith(households: number): Promise<FieldbookDatabase> {
  const db = aDatabase();
  for (let index = 0; index < households; index += 1) await saveHousehold(db, aHousehold({ head: `户主${index}` }));
  await saveSyncSettings(db, { endpoint: 'https://receiver.test/api/sync', token: 't' });
  return db;
}

describe('draining the outbox', () => {
  it('sends everything to a plain receiver that answers 204, and remembers each record’s head', async () => {
    const db = await aPhoneWith(3);
    const receiver = aReceiver();
    expect(await drainOutbox(db, { fetch: receiver.fetch })).toEqual({ status: 'synced', sent: 3, received: 0 });
    expect(receiver.stored.size).toBe(3);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.recordHeads.count()).toBe(3);
  });

  it('splits into batches of the configured size', async () => {
    const db = await aPhoneWith(5);
    const state = await loadSyncState(db);
    await db.settings.put({ key: 'syncState', value: { ...state, maxBatchRevisions: 2 } });
    const receiver = aReceiver();
    await drainOutbox(db, { fetch: receiver.fetch });
    expect(receiver.batches.map((batch) => batch.revisions.length)).toEqual([2, 2, 1]);
  });

  it('keeps a rejected revision with its reason and does not send it again', async () => {
    const db = await aPhoneWith(2);
    const receiver = aReceiver((batch, call) =>
      call === 1 ? { status: 200, body: { results: [{ rev: batch.revisions[0]!.rev, status: 'rejected', error: { code: 'scope.forbidden', message: '不在令牌范围内' } }] } } : undefined,
    );
    await drainOutbox(db, { fetch: receiver.fetch });
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ state: 'rejected', error: { code: 'scope.forbidden', message: '不在令牌范围内' } })]);
    await drainOutbox(db, { fetch: receiver.fetch });
    expect(receiver.batches).toHaveLength(1);
  });

  it('retries the same batch, unchanged, after a 500 and the backoff, and an edit meanwhile makes a new revision', async () => {
    const db = await aPhoneWith(1);
    let clock = new Date('2026-05-01T08:00:00Z');
    const receiver = aReceiver((_batch, call) => (call === 1 ? { status: 500 } : undefined));
    const first = await drainOutbox(db, { fetch: receiver.fetch, now: () => clock, random: () => 0.5 });
    expect(first).toMatchObject({ status: 'will-retry', message: '接收端暂时不可用（HTTP 500）' });
    expect(await drainOutbox(db, { fetch: receiver.fetch, now: () => clock })).toMatchObject({ status: 'waiting' });

    const [household] = await db.households.toArray();
    await saveHousehold(db, { ...household!, head: '改过的户主' });
    expect((await db.outbox.toArray()).map((entry) => entry.state)).toEqual(['sent', 'pending']);

    clock = new Date(clock.getTime() + 60_000);
    expect(await drainOutbox(db, { fetch: receiver.fetch, now: () => clock })).toEqual({ status: 'synced', sent: 2, received: 0 });
    expect(receiver.batches[1]!.batch).toBe(receiver.batches[0]!.batch);
    expect(receiver.batches[1]!.revisions).toEqual(receiver.batches[0]!.revisions);
    expect([...receiver.stored.values()].map((revision) => revision.data.head)).toEqual(['户主0', '改过的户主']);
    // The edit was made before the receiver confirmed anything: its parent is what the server had then.
    expect([...receiver.stored.values()][1]!.parent).toBeNull();
  });

  it('stores nothing twice when the answer is lost after the receiver stored the batch', async () => {
    const db = await aPhoneWith(2);
    const receiver = aReceiver();
    let call = 0;
    const losingFetch: typeof fetch = async (url, init) => {
      const response = await receiver.fetch(url, init);
      call += 1;
      if (call === 1) throw new TypeError('connection reset');
      return response;
    };
    let clock = new Date('2026-05-01T08:00:00Z');
    expect(await drainOutbox(db, { fetch: losingFetch, now: () => clock })).toMatchObject({ status: 'will-retry' });
    clock = new Date(clock.getTime() + 10 * 60_000);
    expect(await drainOutbox(db, { fetch: losingFetch, now: () => clock })).toMatchObject({ status: 'synced' });
    expect(receiver.stored.size).toBe(2);
    expect(receiver.batches).toHaveLength(2);
  });

  it.each([
    ['asks for a token on 401', { status: 401 }, 'needs-token'],
    ['waits on 429, honouring Retry-After', { status: 429, headers: { 'Retry-After': '120' } }, 'will-retry'],
    ['retries when the network is down', 'network-error', 'will-retry'],
  ] as const)('%s', async (_name, answer, status) => {
    const db = await aPhoneWith(1);
    const now = new Date('2026-05-01T08:00:00Z');
    const result = await drainOutbox(db, { fetch: aReceiver(() => answer).fetch, now: () => now });
    expect(result.status).toBe(status);
    if (status === 'will-retry' && typeof answer === 'object') expect(result).toMatchObject({ until: '2026-05-01T08:02:00.000Z' });
    expect(await db.outbox.count()).toBe(1);
  });

  it('halves the batch on 413 until it fits', async () => {
    const db = await aPhoneWith(4);
    const receiver = aReceiver((batch) => (batch.revisions.length > 1 ? { status: 413 } : undefined));
    expect(await drainOutbox(db, { fetch: receiver.fetch })).toEqual({ status: 'synced', sent: 4, received: 0 });
    expect(receiver.stored.size).toBe(4);
  });

  it('rejects a batch refused as a whole (400) and shows why on each record', async () => {
    const db = await aPhoneWith(2);
    const receiver = aReceiver(() => ({ status: 400, body: { error: { code: 'body.invalid', message: '数据格式错误' } } }));
    await drainOutbox(db, { fetch: receiver.fetch });
    expect((await db.outbox.toArray()).map((entry) => entry.error?.message)).toEqual(['数据格式错误', '数据格式错误']);
  });
});
