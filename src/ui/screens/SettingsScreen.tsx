import { useEffect, useState } from 'react';
import { readStorageStatus, type StorageStatus } from '../../platform/storage';
import { formatBytes } from '../messages';
import { useServices } from '../services';
import { OfficeToolLinks } from '../OfficeToolLinks';
import { PreferencesCard } from './PreferencesCard';

function describePersistence(persisted: boolean | null): string {
  if (persisted === true) return '已开启（手机空间不足时数据不会被浏览器清除）';
  if (persisted === false) return '未开启：手机空间不足时浏览器可能清除本机数据，请尽快同步或导出备份';
  return '此浏览器不支持';
}

function describeUsage(status: StorageStatus): string {
  if (status.usageBytes === null || status.quotaBytes === null) return '此浏览器不支持';
  const share = status.quotaBytes > 0 ? (status.usageBytes / status.quotaBytes) * 100 : 0;
  return `已用 ${formatBytes(status.usageBytes)}，共 ${formatBytes(status.quotaBytes)}（${share.toFixed(share < 1 ? 2 : 0)}%）`;
}

export function SettingsScreen() {
  const { storage } = useServices();
  const [status, setStatus] = useState<StorageStatus | null>(null);
  useEffect(() => {
    void readStorageStatus(storage).then(setStatus);
  }, [storage]);
  return (
    <section aria-labelledby="settings-title" className="screen">
      <h1 id="settings-title">设置</h1>
      <PreferencesCard />
      <section aria-labelledby="excel-title" className="card">
        <h2 id="excel-title">Excel 导入导出</h2>
        <OfficeToolLinks />
      </section>
      <section aria-labelledby="storage-title" className="card">
        <h2 id="storage-title">本机存储</h2>
        {status === null ? (
          <p aria-busy="true">正在读取…</p>
        ) : (
          <dl className="facts">
            <dt>持久存储</dt>
            <dd>{describePersistence(status.persisted)}</dd>
            <dt>存储用量</dt>
            <dd>{describeUsage(status)}</dd>
          </dl>
        )}
      </section>
      <section aria-labelledby="about-title" className="card">
        <h2 id="about-title">关于</h2>
        <dl className="facts">
          <dt>版本</dt>
          <dd>{__APP_VERSION__}</dd>
        </dl>
      </section>
    </section>
  );
}
