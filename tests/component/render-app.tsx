import { render } from '@testing-library/react';
import { memoryLocation } from 'wouter/memory-location';
import { createAnalysisApi } from '../../workers/analysis-api';
import { createRosterImportApi } from '../../workers/roster-import-api';
import { App } from '../../src/ui/App';
import { ServicesProvider, type AppServices } from '../../src/ui/services';
import { aDatabase } from '../builders';

/** Renders the whole app at `path` over a fresh database, the analysis and import APIs running in-process (jsdom has no workers). */
export function renderApp(path = '/', overrides: Partial<AppServices> = {}) {
  const db = overrides.db ?? aDatabase();
  const services: AppServices = {
    db,
    analysis: createAnalysisApi(db),
    startRosterImport: async (database) => ({ api: createRosterImportApi(() => database), close: () => {} }),
    ...overrides,
  };
  const location = memoryLocation({ path, record: true });
  const view = render(
    <ServicesProvider services={services}>
      <App locationHook={location.hook} />
    </ServicesProvider>,
  );
  return { ...view, db, location };
}
