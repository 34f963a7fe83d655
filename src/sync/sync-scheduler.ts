import Dexie, { type ObservabilitySet } from 'dexie';
import { RECORD_TABLES, touchesTables } from '../db/changed-tables';
import type { FieldbookDatabase } from '../db/database';
import type { DrainResult } from './sync-client';

const PERIODIC_CHECK_MS = 60_000;
const AFTER_EDIT_DELAY_MS = 5_000;

export interface SyncScheduler {
  /** 「立即同步」: ignores the backoff wait. */
  syncNow(): Promise<DrainResult | null>;
  subscribe(listener: (progress: { running: boolean; sent: number; remaining: number }) => void): () => void;
  stop(): void;
}

/**
 * Drains the outbox whenever there is a chance: at start, when the connection comes back, every
 * minute while online, a few seconds after an edit, when a backoff ends, and on request. One
 * drain at a time across tabs (Web Locks where the browser has them).
 */
export function startSyncScheduler(db: FieldbookDatabase): SyncScheduler {
  const listeners = new Set<(progress: { running: boolean; sent: number; remaining: number }) => void>();
  const emit = (progress: { running: boolean; sent: number; remaining: number }) => listeners.forEach((listener) => listener(progress));
  let running: Promise<DrainResult | null> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let editTimer: ReturnType<typeof setTimeout> | undefined;

  async function drainOnce(): Promise<DrainResult | null> {
    emit({ running: true, sent: 0, remaining: 0 });
    // Loaded on first use: the client and its schemas are not needed to show the first screen.
    const { drainOutbox } = await import('./sync-client');
    const result = await drainOutbox(db, { onProgress: (progress) => emit({ running: true, ...progress }) });
    emit({ running: false, sent: result.status === 'synced' ? result.sent : 0, remaining: 0 });
    if (result.status === 'will-retry' || result.status === 'waiting') {
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => void run(), Math.max(1000, Date.parse(result.until) - Date.now()));
    }
    return result;
  }

  function run(): Promise<DrainResult | null> {
    if (running) return running;
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    const attempt = locks
      ? locks.request('fieldbook-sync', { ifAvailable: true }, (lock) => (lock ? drainOnce() : null)).then((result) => result)
      : drainOnce();
    const settled = attempt.catch((error: unknown) => {
      console.error('sync failed', error);
      return null;
    }).finally(() => {
      running = null;
    });
    running = settled;
    return settled;
  }

  const onOnline = () => void run();
  // Only edits to records count; the client's own outbox and state writes must not wake it.
  const onStorageMutated = (parts: ObservabilitySet) => {
    if (!touchesTables(parts, RECORD_TABLES)) return;
    clearTimeout(editTimer);
    if (navigator.onLine) editTimer = setTimeout(() => void run(), AFTER_EDIT_DELAY_MS);
  };
  window.addEventListener('online', onOnline);
  Dexie.on('storagemutated', onStorageMutated);
  const interval = setInterval(() => {
    if (navigator.onLine) void run();
  }, PERIODIC_CHECK_MS);
  void run();

  return {
    async syncNow() {
      const { loadSyncState, saveSyncState } = await import('./sync-state');
      await saveSyncState(db, { ...(await loadSyncState(db)), nextAttemptAt: undefined });
      return run();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      window.removeEventListener('online', onOnline);
      Dexie.on.storagemutated.unsubscribe(onStorageMutated);
      clearInterval(interval);
      clearTimeout(retryTimer);
      clearTimeout(editTimer);
    },
  };
}
