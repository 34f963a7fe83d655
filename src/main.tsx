import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { openDatabase } from './db/database';
import { requestPersistentStorage } from './platform/storage';
import { App } from './ui/App';
import { ServiceWorkerUpdates } from './ui/ServiceWorkerUpdates';
import { ServicesProvider } from './ui/services';
import { connectAnalysisWorker } from '../workers/client';
import './ui/styles.css';

const services = { db: openDatabase(), analysis: connectAnalysisWorker(), storage: navigator.storage };
void requestPersistentStorage(navigator.storage).catch(() => null);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ServicesProvider services={services}>
      <App banner={<ServiceWorkerUpdates />} />
    </ServicesProvider>
  </StrictMode>,
);
