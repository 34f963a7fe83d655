import { useEffect, useState, type DependencyList } from 'react';
import type { AnalysisApi } from '../../workers/client';
import { useServices } from './services';
import { useAnalysis } from './use-analysis';

/** Rows asked of the worker at a time: enough to scroll, small enough to send (far below 1 MB). */
export const PAGE_SIZE = 500;

/**
 * A long list from the analysis worker, a page at a time: the first page follows changes like
 * `useAnalysis` (and starts the list again), `more()` appends the next page. Only new rows
 * cross between threads.
 */
export function usePagedAnalysis<R extends { rows: readonly unknown[] }>(
  ask: (analysis: AnalysisApi, offset: number, limit: number) => Promise<R>,
  deps: DependencyList,
  tables?: readonly string[],
): { first: R | null; rows: R['rows'][number][]; more: () => void } {
  type Row = R['rows'][number];
  const { analysis } = useServices();
  const first = useAnalysis((api) => ask(api, 0, PAGE_SIZE), deps, tables);
  const [extra, setExtra] = useState<Row[]>([]);
  useEffect(() => setExtra([]), [first]);
  const rows: Row[] = first ? [...first.rows, ...extra] : [];
  const more = () => {
    const asked = first;
    void ask(analysis, rows.length, PAGE_SIZE).then((page) => {
      if (asked === first) setExtra((previous) => [...previous, ...page.rows]);
    });
  };
  return { first, rows, more };
}
