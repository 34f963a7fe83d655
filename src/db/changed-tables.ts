import type { ObservabilitySet } from 'dexie';

/** Tables holding records (as opposed to the outbox, settings and derived data). */
export const RECORD_TABLES = ['households', 'people', 'events'] as const;

/** Whether a Dexie `storagemutated` notice touches any of `tables`; its keys read `idb://DATABASE/TABLE/INDEX`. */
export function touchesTables(parts: ObservabilitySet, tables: readonly string[]): boolean {
  return Object.keys(parts).some((key) => tables.includes(key.split('/')[3] ?? ''));
}
