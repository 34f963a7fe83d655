import { wrap } from 'comlink';
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

