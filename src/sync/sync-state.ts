import { z } from 'zod';
import type { FieldbookDatabase } from '../db/database';

/** Where and how this phone sends its records (设置 → 同步). */
export const SyncSettingsSchema = z.object({
  endpoint: z.string().trim().catch('').default(''),
  token: z.string().trim().catch('').default(''),
});
export type SyncSettings = z.infer<typeof SyncSettingsSchema>;

/** The sync client's memory across app restarts: backoff, the batch in flight, recent errors. */
export const SyncStateSchema = z.object({
  lastSuccessAt: z.string().optional(),
  attempt: z.number().int().min(0).catch(0).default(0),
  nextAttemptAt: z.string().optional(),
  /** A batch sent but not answered: re-sent with the same id and revisions. */
  inflight: z.object({ batch: z.string(), seqs: z.array(z.number()) }).optional(),
  maxBatchRevisions: z.number().int().min(1).catch(200).default(200),
  needsToken: z.boolean().catch(false).default(false),
  /** Where `GET /api/changes` left off. */
  changesCursor: z.string().optional(),
  errors: z.array(z.object({ at: z.string(), message: z.string() })).catch([]).default([]),
});
export type SyncState = z.infer<typeof SyncStateSchema>;

const SETTINGS_KEY = 'syncSettings';
const STATE_KEY = 'syncState';
const KEPT_ERRORS = 10;

export async function loadSyncSettings(db: FieldbookDatabase): Promise<SyncSettings> {
  return SyncSettingsSchema.parse((await db.settings.get(SETTINGS_KEY))?.value ?? {});
}

export async function saveSyncSettings(db: FieldbookDatabase, settings: SyncSettings): Promise<void> {
  await db.settings.put({ key: SETTINGS_KEY, value: SyncSettingsSchema.parse(settings) });
  // A new address or token deserves a try at once, and a fresh batch size.
  const state = await loadSyncState(db);
  await saveSyncState(db, { ...state, attempt: 0, nextAttemptAt: undefined, needsToken: false });
}

export async function loadSyncState(db: FieldbookDatabase): Promise<SyncState> {
  return SyncStateSchema.parse((await db.settings.get(STATE_KEY))?.value ?? {});
}

export async function saveSyncState(db: FieldbookDatabase, state: SyncState): Promise<void> {
  await db.settings.put({ key: STATE_KEY, value: { ...state, errors: state.errors.slice(-KEPT_ERRORS) } });
}
