import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import { loadSyncSettings, loadSyncState, saveSyncSettings } from '../../sync/sync-state';
import { BackupCard } from '../BackupCard';
import { useServices } from '../services';

function formatTime(iso: string | undefined): string {
  return iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '从未';
}

/** 同步: where records go, what is waiting, what went wrong, and 「立即同步」. */
export function SyncScreen() {
  const { db, sync } = useServices();
  const endpointId = useId();
  const tokenId = useId();
  const [endpoint, setEndpoint] = useState('');
  const [token, setToken] = useState('');
  const [saved, setSaved] = useState(false);
  const [progress, setProgress] = useState<{ running: boolean; sent: number; remaining: number }>({ running: false, sent: 0, remaining: 0 });
  const status = useLiveQuery(async () => {
    const [unsynced, rejected, state] = await Promise.all([
      db.outbox.where('state').anyOf('pending', 'sent').count(),
      db.outbox.where('state').equals('rejected').count(),
      loadSyncState(db),
    ]);
    return { unsynced, rejected, state };
  }, [db]);

  useEffect(() => {
    void loadSyncSettings(db).then((settings) => {
      setEndpoint(settings.endpoint || `${location.origin}/api/sync`);
      setToken(settings.token);
    });
  }, [db]);
  useEffect(() => sync?.subscribe(setProgress), [sync]);

  const total = progress.sent + progress.remaining;
  return (
    <section aria-labelledby="sync-title" className="screen">
      <h1 id="sync-title">同步</h1>
      <section className="card" aria-label="同步状态">
        <dl className="facts">
          <dt>未同步</dt>
          <dd>{status?.unsynced ?? '…'} 条</dd>
          <dt>被拒绝</dt>
          <dd>{status?.rejected ?? '…'} 条</dd>
          <dt>上次成功</dt>
          <dd>{formatTime(status?.state.lastSuccessAt)}</dd>
          {status?.state.nextAttemptAt ? (
            <>
              <dt>下次重试</dt>
              <dd>{formatTime(status.state.nextAttemptAt)}</dd>
            </>
          ) : null}
        </dl>
        {progress.running && total > 0 ? (
          <progress max={total} value={progress.sent} aria-label="同步进度">
            {progress.sent}/{total}
          </progress>
        ) : null}
        <button type="button" className="button primary wide" disabled={!sync || progress.running} onClick={() => void sync?.syncNow()}>
          {progress.running ? '正在同步…' : '立即同步'}
        </button>
      </section>
      {status && status.state.errors.length > 0 ? (
        <section className="card" aria-label="最近的错误">
          <h2>最近的错误</h2>
          <ul className="errors">
            {[...status.state.errors].reverse().map((error) => (
              <li key={error.at + error.message}>
                {formatTime(error.at)}：{error.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <BackupCard />
      <form
        className="card"
        aria-label="接收端设置"
        onSubmit={(event) => {
          event.preventDefault();
          void saveSyncSettings(db, { endpoint, token }).then(() => {
            setSaved(true);
            void sync?.syncNow();
          });
        }}
      >
        <h2>接收端</h2>
        {status?.state.needsToken ? <p className="banner error">接收端要求令牌：请填写乡镇发给本机的令牌。</p> : null}
        <div className="field">
          <label htmlFor={endpointId}>同步地址</label>
          <input id={endpointId} type="url" inputMode="url" value={endpoint} onChange={(event) => setEndpoint(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={tokenId}>令牌</label>
          <input id={tokenId} value={token} autoComplete="off" onChange={(event) => setToken(event.target.value)} />
        </div>
        {saved ? <p role="status">已保存</p> : null}
        <button type="submit" className="button wide">
          保存
        </button>
      </form>
    </section>
  );
}
