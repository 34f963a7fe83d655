import { MODEL_TABLES, RECORD_TABLES } from '../db/changed-tables';
import type { OverviewCounts } from '../../workers/client';
import { useAnalysis } from './use-analysis';

/**
 * The worker's home-screen figures. The counts are cheap and follow every write; 「待帮扶」 and
 * the 疑点 errors come from the worker's whole-data-set model, so they follow record (and, for
 * 疑点, 设置) edits only, not every outbox write of a sync.
 */
export function useOverview(): (OverviewCounts & { owed: number | undefined; findings: number | undefined }) | null {
  const counts = useAnalysis((analysis) => analysis.overview.counts(), []);
  const owed = useAnalysis((analysis) => analysis.services.owed({}, 0), [], RECORD_TABLES);
  const findings = useAnalysis((analysis) => analysis.findings.summary(), [], MODEL_TABLES);
  return counts ? { ...counts, owed: owed?.total, findings: findings?.errors } : null;
}
