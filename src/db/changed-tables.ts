import type { ObservabilitySet } from 'dexie';
import { PREFERENCES_KEY } from './setting-keys';

/** Tables holding records (as opposed to the outbox, settings and derived data). */
export const RECORD_TABLES = ['households', 'people', 'events'] as const;

/** Tables the analysis worker keeps in memory: the records, and 设置 / targets. */
export const MODEL_TABLES = [...RECORD_TABLES, 'settings'] as const;

/** Whether a Dexie `storagemutated` notice touches any of `tables`; its keys read `idb://DATABASE/TABLE/INDEX`. */
export function touchesTables(parts: ObservabilitySet, tables: readonly string[]): boolean {
  return Object.keys(parts).some((key) => tables.includes(key.split('/')[3] ?? ''));
}

/** The records a write touched: their primary keys, or 'all' when a whole range changed (a clear or restore). */
export type ChangedKeys = Partial<Record<string, string[] | 'all'>>;

/** Whether the preferences changed: 设置 also hold the sync clock, written with every edit. */
export function touchesPreferences(changed: ChangedKeys): boolean {
  return changed.settings === 'all' || changed.settings?.includes(PREFERENCES_KEY) === true;
}

interface RangeNode {
  from?: unknown;
  to?: unknown;
  l?: RangeNode | null;
  r?: RangeNode | null;
}

function collectKeys(node: RangeNode | null | undefined, keys: string[]): boolean {
  if (!node || !('from' in node)) return true;
  if (node.from !== node.to || typeof node.from !== 'string') return false;
  keys.push(node.from);
  return collectKeys(node.l, keys) && collectKeys(node.r, keys);
}

/**
 * Reads a Dexie `storagemutated` notice for one database: for each of `tables`, the primary keys
 * written or deleted. The notice crosses to the worker as plain data (structured clone).
 */
export function changedKeysOf(parts: ObservabilitySet, databaseName: string, tables: readonly string[]): ChangedKeys {
  const changed: ChangedKeys = {};
  for (const table of tables) {
    const tree = parts[`idb://${databaseName}/${table}/`] as RangeNode | undefined;
    if (!tree) continue;
    const keys: string[] = [];
    changed[table] = collectKeys(tree, keys) ? keys : 'all';
  }
  return changed;
}
