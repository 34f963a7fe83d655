import { releaseProxy, wrap, type Remote } from 'comlink';
import type { RosterImportApi } from '../../../workers/roster-import-api';

export type { ImportResult, OpenedFile, PlanOutline, PlanRequest, RosterImportApi, SheetPreview } from '../../../workers/roster-import-api';

export interface RosterImportConnection {
  api: RosterImportApi;
  /** Ends the worker and what it holds (the file, the plan). */
  close(): void;
}

/** The import's own worker, started when the clerk picks a file and ended when the screen closes. */
export async function startRosterImport(): Promise<RosterImportConnection> {
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
