import Dexie, { type ObservabilitySet } from 'dexie';
import { changedKeysOf, MODEL_TABLES, touchesTables } from '../db/changed-tables';
import { useEffect, useState, type DependencyList } from 'react';
import type { AnalysisApi } from '../../workers/client';
import { useServices } from './services';

/**
 * Dexie hands every listener the same notice object: the first hook to see it tells the worker,
 * the others (three on the home screen) need not make it re-read the same records.
 */
const forwarded = new WeakSet<ObservabilitySet>();

/**
 * Tells the worker what a Dexie notice changed, once per notice, before a hook asks again on the
 * same channel, so the answer includes the edit (Dexie's own notice reaches the worker on another
 * channel, in no set order).
 */
export function forwardChanges(parts: ObservabilitySet, analysis: AnalysisApi, databaseName: string): void {
  if (forwarded.has(parts)) return;
  forwarded.add(parts);
  const changed = changedKeysOf(parts, databaseName, MODEL_TABLES);
  if (Object.keys(changed).length > 0) void analysis.model.noteChanges(changed);
}

/**
 * A figure from the analysis worker, asked again whenever any tab or worker writes to the
 * database (or, with `tables`, to one of those tables: a figure over all records should not be
 * recomputed for every outbox write of a sync). Answers that arrive after a newer question are dropped.
 */
export function useAnalysis<T>(ask: (analysis: AnalysisApi) => Promise<T>, deps: DependencyList, tables?: readonly string[]): T | null {
  const { analysis, db } = useServices();
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
    const onMutated = (parts: ObservabilitySet) => {
      if (tables && !touchesTables(parts, tables)) return;
      forwardChanges(parts, analysis, db.name);
      refresh();
    };
    refresh();
    Dexie.on('storagemutated', onMutated);
    return () => {
      cancelled = true;
      Dexie.on.storagemutated.unsubscribe(onMutated);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `ask` is re-created each render; `deps` says when it changes.
  }, [analysis, db, ...deps]);
  return value;
}
