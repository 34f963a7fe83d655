import type { FieldbookDatabase, OutboxEntry } from '../db/database';
import { recordHeadKey } from '../db/outbox';
import type { Revision } from '../domain/revision';
import { ChangesResponseSchema, computeBackoffMs, interpretBatchResponse, type SyncBatch } from '../domain/sync-protocol';
import { applyRevisions } from './apply-revisions';
import { loadSyncSettings, loadSyncState, saveSyncState, type SyncState } from './sync-state';

const MAX_BATCH_BYTES = 512 * 1024;
const REQUEST_TIMEOUT_MS = 30_000;

export type DrainResult =
  | { status: 'synced'; sent: number; received: number }
  | { status: 'not-configured' }
  | { status: 'waiting'; until: string }
  | { status: 'needs-token' }
  | { status: 'will-retry'; until: string; message: string };

export interface DrainOptions {
  fetch?: typeof fetch;
  now?: () => Date;
  random?: () => number;
  onProgress?: (progress: { sent: number; remaining: number }) => void;
}

function toRevision(entry: OutboxEntry): Revision {
  const { rev, parent, kind, id, hlc, device, deleted, data } = entry;
  return { rev, parent, kind, id, hlc, device, deleted, data };
}

const isUnsynced = (entry: OutboxEntry) => entry.state === 'pending' || entry.state === 'sent';

function countUnsynced(db: FieldbookDatabase): Promise<number> {
  return db.outbox.where('state').anyOf('pending', 'sent').count();
}

/** The next batch: the one in flight (same id, same revisions), else the oldest entries up to the limits. */
async function nextBatch(db: FieldbookDatabase, state: SyncState): Promise<{ id: string; entries: OutboxEntry[] }> {
  if (state.inflight) {
    const resend = (await db.outbox.bulkGet(state.inflight.seqs)).filter((entry): entry is OutboxEntry => entry !== undefined && isUnsynced(entry));
    if (resend.length > 0) return { id: state.inflight.batch, entries: resend };
  }
  // Oldest first, reading no more than one batch: the outbox may hold thousands.
  const entries = await db.outbox.orderBy('seq').filter(isUnsynced).limit(state.maxBatchRevisions).toArray();
  const batch: OutboxEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = JSON.stringify(toRevision(entry)).length;
    if (batch.length > 0 && (batch.length >= state.maxBatchRevisions || bytes + size > MAX_BATCH_BYTES)) break;
    batch.push(entry);
    bytes += size;
  }
  return { id: crypto.randomUUID(), entries: batch };
}

async function post(endpoint: string, token: string, body: SyncBatch, fetchImpl: typeof fetch) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  try {
    const response = await fetchImpl(endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': body.batch,
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    return { status: response.status, body: parsed, retryAfter: response.headers.get('Retry-After') };
  } finally {
    clearTimeout(timer);
  }
}

/** The township receiver's changes feed sits beside its sync endpoint; other endpoints have none. */
export function changesUrlFor(endpoint: string): string | null {
  return /\/api\/sync\/?$/.test(endpoint) ? endpoint.replace(/\/api\/sync\/?$/, '/api/changes') : null;
}

/**
 * Receives the office's roster and colleagues' work: every revision in the token's scope since
 * the last cursor. Best effort: a receiver without the feed, or a failure, leaves it for next time.
 */
async function pullChanges(db: FieldbookDatabase, endpoint: string, token: string, state: SyncState, fetchImpl: typeof fetch) {
  const url = changesUrlFor(endpoint);
  let cursor = state.changesCursor ?? '';
  let applied = 0;
  if (!url) return { applied, state: {} };
  try {
    for (let page = 0; page < 100; page += 1) {
      const response = await fetchImpl(`${url}?since=${encodeURIComponent(cursor)}&limit=1000`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
      if (!response.ok) break;
      const parsed = ChangesResponseSchema.safeParse(await response.json());
      if (!parsed.success) break;
      applied += (await applyRevisions(db, parsed.data.revisions, { forward: false })).applied;
      cursor = parsed.data.cursor;
      if (!parsed.data.more) break;
    }
  } catch {
    // Offline again or a receiver without the feed: the next drain tries again from the same cursor.
  }
  return { applied, state: { changesCursor: cursor } };
}

/**
 * Sends the outbox to the configured endpoint until it is empty or the receiver says wait.
 * Safe to interrupt anywhere: a batch is frozen before it is sent and re-sent unchanged, and
 * the receiver stores each revision once.
 */
export async function drainOutbox(db: FieldbookDatabase, options: DrainOptions = {}): Promise<DrainResult> {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const now = options.now ?? (() => new Date());
  const settings = await loadSyncSettings(db);
  if (!settings.endpoint) return { status: 'not-configured' };
  let state = await loadSyncState(db);
  if (state.nextAttemptAt && state.nextAttemptAt > now().toISOString()) return { status: 'waiting', until: state.nextAttemptAt };

  let sent = 0;
  const fail = async (message: string, retryAfterMs?: number): Promise<DrainResult> => {
    const attempt = state.attempt + 1;
    const until = new Date(now().getTime() + (retryAfterMs ?? computeBackoffMs(attempt, options.random))).toISOString();
    state = { ...state, attempt, nextAttemptAt: until, errors: [...state.errors, { at: now().toISOString(), message }] };
    await saveSyncState(db, state);
    return { status: 'will-retry', until, message };
  };

  for (;;) {
    const { id, entries } = await nextBatch(db, state);
    if (entries.length === 0) {
      const received = await pullChanges(db, settings.endpoint, settings.token, state, fetchImpl);
      state = { ...state, ...received.state, attempt: 0, nextAttemptAt: undefined, inflight: undefined, needsToken: false, lastSuccessAt: now().toISOString() };
      await saveSyncState(db, state);
      return { status: 'synced', sent, received: received.applied };
    }
    const seqs = entries.map((entry) => entry.seq!);
    // Frozen from here on: a later edit makes a new revision instead of changing this one.
    await db.outbox.where('seq').anyOf(seqs).and((entry) => entry.state === 'pending').modify({ state: 'sent' });
    state = { ...state, inflight: { batch: id, seqs } };
    await saveSyncState(db, state);
    const revisions = entries.map(toRevision);
    const body: SyncBatch = { batch: id, device: revisions[0]!.device, sentAt: now().toISOString(), revisions };

    let response;
    try {
      response = await post(settings.endpoint, settings.token, body, fetchImpl);
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'AbortError';
      return fail(timedOut ? '接收端长时间无响应，稍后自动重试' : '无法连接接收端（可能没有网络），稍后自动重试');
    }
    const outcome = interpretBatchResponse(response.status, response.body, revisions, response.retryAfter);
    switch (outcome.kind) {
      case 'accepted': {
        await db.transaction('rw', [db.outbox, db.recordHeads], async () => {
          const stored = entries.filter((entry) => outcome.results.get(entry.rev)?.status !== 'rejected');
          for (const entry of entries) {
            const result = outcome.results.get(entry.rev);
            if (result?.status === 'rejected') {
              await db.outbox.update(entry.seq!, { state: 'rejected', error: { code: result.error?.code ?? 'rejected', message: result.error?.message ?? '被接收端拒绝' } });
            }
          }
          await db.outbox.bulkDelete(stored.map((entry) => entry.seq!));
          await db.recordHeads.bulkPut(stored.map((entry) => ({ key: recordHeadKey(entry.kind, entry.id), rev: entry.rev, parent: entry.parent, hlc: entry.hlc, device: entry.device })));
        });
        sent += entries.length;
        state = { ...state, inflight: undefined, attempt: 0 };
        await saveSyncState(db, state);
        options.onProgress?.({ sent, remaining: await countUnsynced(db) });
        break;
      }
      case 'unauthorized':
        state = { ...state, needsToken: true, errors: [...state.errors, { at: now().toISOString(), message: '接收端要求令牌：请在「同步」中填写正确的令牌' }] };
        await saveSyncState(db, state);
        return { status: 'needs-token' };
      case 'too-large':
        if (entries.length === 1) {
          await db.outbox.where('seq').anyOf(seqs).modify({ state: 'rejected', error: { code: 'batch.too_large', message: '这条记录超过接收端的大小上限' } });
          state = { ...state, inflight: undefined };
          await saveSyncState(db, state);
          break;
        }
        // Nothing of a 413 batch was stored: split it and send again.
        state = { ...state, inflight: undefined, maxBatchRevisions: Math.max(1, Math.floor(entries.length / 2)) };
        await saveSyncState(db, state);
        break;
      case 'rejected':
        await db.outbox.where('seq').anyOf(seqs).modify({ state: 'rejected', error: { code: 'batch.rejected', message: outcome.message } });
        state = { ...state, inflight: undefined, errors: [...state.errors, { at: now().toISOString(), message: outcome.message }] };
        await saveSyncState(db, state);
        break;
      case 'retry':
        return fail(outcome.message, outcome.retryAfterMs);
    }
  }
}
