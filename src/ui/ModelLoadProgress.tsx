import { proxy } from 'comlink';
import { useEffect, useState } from 'react';
import type { LoadProgress } from '../../workers/client';
import { useServices } from './services';

/**
 * While the worker reads the phone's records into memory (seconds for a whole township on a
 * cheap phone), a bar says how far it has got; it goes once everything is loaded.
 */
export function ModelLoadProgress() {
  const { analysis } = useServices();
  const [progress, setProgress] = useState<LoadProgress | null>(null);
  const [done, setDone] = useState(false);
  useEffect(() => {
    let cancelled = false;
    void analysis.model
      .load(proxy((next: LoadProgress) => !cancelled && setProgress(next)))
      .then(() => !cancelled && setDone(true));
    return () => {
      cancelled = true;
    };
  }, [analysis]);
  if (done || !progress || progress.total === 0) return null;
  return (
    <div className="card" role="status">
      <label htmlFor="model-load">正在载入数据（{progress.loaded} / {progress.total}）</label>
      <progress id="model-load" max={progress.total} value={progress.loaded} />
    </div>
  );
}
