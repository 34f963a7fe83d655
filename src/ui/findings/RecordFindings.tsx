import { MODEL_TABLES } from '../../db/changed-tables';
import { LEVEL_NAMES } from '../../domain/check-codes';
import { useAnalysis } from '../use-analysis';

/**
 * A record's own 疑点 from the whole-data-set checks (duplicates, deadlines, household rules),
 * optionally only some codes: the survey form already shows its own field by field.
 */
export function RecordFindings({ kind, id, codes }: { kind: 'person' | 'household'; id: string; codes?: ReadonlySet<string> }) {
  const rows = useAnalysis((analysis) => analysis.findings.of(kind, id), [kind, id], MODEL_TABLES);
  const shown = rows?.filter((row) => !codes || codes.has(row.code)) ?? [];
  if (shown.length === 0) return null;
  return (
    <section className="card findings-card" aria-labelledby={`findings-${id}`}>
      <h2 id={`findings-${id}`}>疑点（{shown.length}）</h2>
      <ul className="finding-list">
        {shown.map((row, index) => (
          <li key={`${row.code}-${index}`} className={`finding ${row.level}`}>
            <span className={`level ${row.level}`}>{LEVEL_NAMES[row.level]}</span> {row.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
