import type { OverviewCounts } from '../../workers/client';
import { useAnalysis } from './use-analysis';

/** The worker's home-screen figures, with the 「待帮扶」 count. */
export function useOverview(): (OverviewCounts & { owed: number }) | null {
  return useAnalysis(async (analysis) => {
    const [counts, owed] = await Promise.all([analysis.overview.counts(), analysis.services.owed()]);
    return { ...counts, owed: owed.total };
  }, []);
}
