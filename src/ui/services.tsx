import { createContext, useContext, type ReactNode } from 'react';
import type { FieldbookDatabase } from '../db/database';
import { createEditJournal, type EditJournal } from '../platform/edit-journal';
import type { SyncScheduler } from '../sync/sync-scheduler';
import type { RosterImportConnection } from './import/roster-import-client';
import type { AnalysisApi } from '../../workers/client';

/** What every screen needs from outside React: the local database and the analysis worker. */
export interface AppServices {
  db: FieldbookDatabase;
  analysis: AnalysisApi;
  storage?: StorageManager;
  /** Synchronous safety copy of the record being edited (defaults to localStorage). */
  journal?: EditJournal;
  /** The background sync; absent in tests that do not sync. */
  sync?: SyncScheduler;
  /** Starts 导入花名册's worker (defaults to a real one; jsdom tests, which have no workers, run it in-process). */
  startRosterImport?: (db: FieldbookDatabase) => Promise<RosterImportConnection>;
}

const ServicesContext = createContext<AppServices | null>(null);

export function ServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

const defaultJournal = createEditJournal();

export function useServices(): AppServices & { journal: EditJournal } {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return { ...services, journal: services.journal ?? defaultJournal };
}
