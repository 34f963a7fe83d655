import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { openDatabase } from './db/database';
import { createEditJournal } from './platform/edit-journal';
import { requestPersistentStorage } from './platform/storage';
import { startSyncScheduler } from './sync/sync-scheduler';
import { App } from './ui/App';
import { ServiceWorkerUpdates } from './ui/ServiceWorkerUpdates';
import { ServicesProvider } from './ui/services';
import { connectAnalysisWorker } from '../workers/client';
import './ui/styles.css';

const journal = createEditJournal();
const db = openDatabase();
const services = { db, analysis: connectAnalysisWorker(), storage: navigator.storage, journal, sync: startSyncScheduler(db) };
// npm run bench drives the app's own worker and database from outside (scripts/bench).
Object.assign(globalThis, { __fieldbook: { analysis: services.analysis, db } });
void requestPersistentStorage(navigator.storage).catch(() => null);
// Before anything renders: put back an edit the last session journaled but could not store.
// Loaded only when needed: it brings the record schemas, which the first screen does not need.
if (journal.entries().length > 0) {
  await import('./db/recover-edits')
    .then(({ recoverJournaledEdits }) => recoverJournaledEdits(services.db, journal))
    .catch((error: unknown) => console.error('edit recovery failed', error));
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ServicesProvider services={services}>
      <App banner={<ServiceWorkerUpdates />} />
    </ServicesProvider>
  </StrictMode>,
);
