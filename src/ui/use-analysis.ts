import Dexie from 'dexie';
import { useEffect, useState, type DependencyList } from 'react';
import type { AnalysisApi } from '../../workers/client';
import { useServices } from './services';

/**
 * A figure from the analysis worker, asked again whenever any tab or worker writes to the
 * database. Answers that arrive after a newer question are dropped.
 */
export function useAnalysis<T>(ask: (analysis: AnalysisApi) => Promise<T>, deps: DependencyList): T | null {
  const { analysis } = useServices();
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let latest = 0;
    let cancelled = false;
    const refresh = () => {
      const asked = ++latest;
      void ask(analysis).then((next) => {
        if (!cancelled && asked === latest) setValue(next);
      });
    };
    refresh();
    Dexie.on('storagemutated', refresh);
    return () => {
      cancelled = true;
      Dexie.on.storagemutated.unsubscribe(refresh);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `ask` is re-created each render; `deps` says when it changes.
  }, [analysis, ...deps]);
  return value;
}
