import Dexie from 'dexie';
import { useEffect, useState } from 'react';
import type { OverviewCounts } from '../../workers/client';
import { useServices } from './services';

/** The worker's home-screen figures, recomputed whenever any tab or worker writes. */
export function useOverview(): OverviewCounts | null {
  const { analysis } = useServices();
  const [counts, setCounts] = useState<OverviewCounts | null>(null);
  useEffect(() => {
    let cancelled = false;
    const refresh = () => {
      void analysis.overview.counts().then((next) => {
        if (!cancelled) setCounts(next);
      });
    };
    refresh();
    Dexie.on('storagemutated', refresh);
    return () => {
      cancelled = true;
      Dexie.on.storagemutated.unsubscribe(refresh);
    };
  }, [analysis]);
  return counts;
}
