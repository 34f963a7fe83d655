import { releaseProxy, wrap, type Remote } from 'comlink';
import type { FieldbookDatabase } from '../../db/database';
import type { RosterImportApi } from '../../../workers/roster-import-api';

export type { ImportResult, OpenedFile, PlanOutline, PlanRequest, RosterImportApi, SheetPreview } from '../../../workers/roster-import-api';

export interface RosterImportConnection {
  api: RosterImportApi;
  /** Ends the worker and what it holds (the file, the plan). */
  close(): void;
}

/**
 * The import's own worker, started when the clerk picks a file and ended when the screen closes.
 * Tests in jsdom have no workers: there the same API runs in-process (left out of the build).
 */
export async function startRosterImport(db: FieldbookDatabase): Promise<RosterImportConnection> {
  if (import.meta.env.MODE === 'test' && typeof Worker === 'undefined') {
    const { createRosterImportApi } = await import('../../../workers/roster-import-api');
    return { api: createRosterImportApi(() => db), close: () => {} };
  }
  const worker = new Worker(new URL('../../../workers/roster-import.worker.ts', import.meta.url), { type: 'module', name: 'roster-import' });
  const remote: Remote<RosterImportApi> = wrap<RosterImportApi>(worker);
  return {
    // Every method already returns a promise, so the proxy has exactly the API's shape.
    api: remote as unknown as RosterImportApi,
    close: () => {
      remote[releaseProxy]();
      worker.terminate();
    },
  };
}
