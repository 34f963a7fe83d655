import { useId, useState } from 'react';
import { formatLocalDate } from '../domain/dates';
import { BackupFileError, exportBackup, importBackup } from '../sync/backup';
import { useServices } from './services';

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 导出备份 / 导入备份: moving records between phones when no sync is possible. */
export function BackupCard() {
  const { db } = useServices();
  const fileId = useId();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function exportFile(scope: 'unsynced' | 'all') {
    const backup = await exportBackup(db, scope);
    download(`入户台账备份-${scope === 'all' ? '全部' : '未同步'}-${formatLocalDate(new Date())}.json`, JSON.stringify(backup));
    setMessage({ text: `已导出 ${backup.revisions.length} 条记录`, error: false });
  }

  async function importFile(file: File) {
    try {
      const report = await importBackup(db, await file.text());
      const invalid = report.invalid.length ? `，${report.invalid.length} 条无效未导入` : '';
      setMessage({ text: `已导入 ${report.applied} 条，跳过已有的 ${report.skipped} 条${invalid}`, error: report.invalid.length > 0 });
    } catch (error) {
      setMessage({ text: error instanceof BackupFileError ? error.message : '导入失败，本机数据未改动', error: true });
    }
  }

  return (
    <section className="card" aria-labelledby={`${fileId}-title`}>
      <h2 id={`${fileId}-title`}>备份</h2>
      <p className="muted">长时间无法同步时，可把记录导出成文件，通过数据线或微信交给另一部手机或乡镇办公室导入。</p>
      <div className="actions">
        <button type="button" className="button" onClick={() => void exportFile('unsynced')}>
          导出备份（未同步）
        </button>
        <button type="button" className="button" onClick={() => void exportFile('all')}>
          导出备份（全部）
        </button>
      </div>
      <div className="field">
        <label htmlFor={fileId}>导入备份</label>
        <input
          id={fileId}
          type="file"
          accept="application/json,.json"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void importFile(file);
            event.target.value = '';
          }}
        />
      </div>
      {message ? (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'field-error' : 'muted'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
