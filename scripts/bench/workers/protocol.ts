/** Messages between the bench's Node side and its workers in the page (same shapes on both sides). */
import type { DataSetSize } from '../../synthetic/generate';

export interface SeedRequest {
  seed: string;
  size: DataSetSize;
  reportDate: string;
  towns?: string[];
}

export interface SeedResult {
  households: number;
  people: number;
  events: number;
  ms: number;
  /** Of which generating the records. */
  generateMs: number;
}

export const IMPORT_METHODS = ['dexie', 'raw', 'pouch-idb', 'pouch-indexeddb'] as const;
export type ImportMethod = (typeof IMPORT_METHODS)[number];

export interface ImportRequest {
  seed: string;
  people: number;
  runs: number;
  reportDate: string;
  /** Pause after deleting a database, before the next import (ms). */
  settleMs: number;
}

export interface ImportResult {
  /** Milliseconds per run, or why the method could not run here. */
  methods: Record<ImportMethod, { ms: number[] } | { unavailable: string }>;
  /** Mean size of one person as JSON, for the table's note. */
  meanRecordBytes: number;
}

export interface ReadResult {
  ms: number;
  records: number;
}

export type WorkerReply<T> = { type: 'done'; result: T } | { type: 'error'; message: string };
