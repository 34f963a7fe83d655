import { RECORD_TABLES } from '../db/changed-tables';
import type { OverviewCounts } from '../../workers/client';
import { useAnalysis } from './use-analysis';

/**
 * The worker's home-screen figures. The counts are cheap and follow every write; the
 * 「待帮扶」 count reads every person and event, so it follows record edits only (设置 changes are
 * seen when the home screen opens again).
 */
export function useOverview(): (OverviewCounts & { owed: number | undefined }) | null {
  const counts = useAnalysis((analysis) => analysis.overview.counts(), []);
  const owed = useAnalysis((analysis) => analysis.services.owed(), [], RECORD_TABLES);
  return counts ? { ...counts, owed: owed?.total } : null;
}
