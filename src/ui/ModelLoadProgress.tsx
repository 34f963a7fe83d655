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
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    analysis.model.load(proxy((next: LoadProgress) => !cancelled && setProgress(next))).then(
      () => !cancelled && setDone(true),
      (error: unknown) => {
        console.error('loading the records into the analysis worker failed', error);
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [analysis]);
  if (failed) {
    return (
      <p className="banner error" role="alert">
        统计数据载入失败：疑点、进度和待帮扶暂时无法显示。已登记的数据不受影响，请关闭后重新打开应用。
      </p>
    );
  }
  if (done || !progress || progress.total === 0) return null;
  return (
    <div className="card" role="status">
      <label htmlFor="model-load">正在载入数据（{progress.loaded} / {progress.total}）</label>
      <progress id="model-load" max={progress.total} value={progress.loaded} />
    </div>
  );
}
