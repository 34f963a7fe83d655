import { wrap } from 'comlink';
import Dexie from 'dexie';
import { changedKeysOf, MODEL_TABLES } from '../src/db/changed-tables';
import type { AnalysisApi } from './analysis-api';

export type {
  AnalysisApi,
  CallbackRow,
  FindingRow,
  FindingsSummary,
  GroupProgress,
  LoadProgress,
  ModelStats,
  OverviewCounts,
  OwedList,
  PersonRow,
  ProgressDashboard,
  ProgressSeries,
  UnitProgress,
} from './analysis-api';

let client: AnalysisApi | undefined;

/**
 * The analysis API, running in its own worker over the same IndexedDB database. Every method
 * of AnalysisApi already returns a promise, so comlink's proxy has exactly that shape; its
 * `Remote` type would only add promise unions on the area objects.
 */
export function connectAnalysisWorker(): AnalysisApi {
  client ??= wrap<AnalysisApi>(new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' })) as unknown as AnalysisApi;
  return client;
}

/**
 * Tells the worker about every write this tab sees before anyone asks it a question: call it
 * before the UI subscribes to changes, so the worker applies a change before answering the
 * question that change prompted (Dexie's own notice reaches the worker on another channel, in
 * no set order).
 */
export function forwardDatabaseChanges(analysis: AnalysisApi, databaseName: string): void {
  Dexie.on('storagemutated', (parts) => {
    const changed = changedKeysOf(parts, databaseName, MODEL_TABLES);
    if (Object.keys(changed).length > 0) void analysis.model.noteChanges(changed);
  });
}
