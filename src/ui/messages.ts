import type { StorageErrorCode } from '../db/storage-errors';

/** Chinese wording for every error code the UI can show, in one place. */
const STORAGE_MESSAGES: Record<StorageErrorCode, string> = {
  'storage.quota': '手机存储空间已满，本次填写未保存。请清理手机空间后再保存，已保存的记录不受影响。',
  'storage.unavailable': '无法打开本机数据库（可能处于无痕模式或浏览器禁用了存储），本次填写未保存。',
  'storage.failed': '保存失败，本次填写未保存，已保存的记录不受影响。请重试。',
};

export function describeStorageError(code: StorageErrorCode): string {
  return STORAGE_MESSAGES[code];
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
}

/** 导入完成 line after an import: what was written. */
export function describeImportResult(result: { added: number; updated: number; householdsWritten: number }): string {
  const households = result.householdsWritten > 0 ? `，写入 ${result.householdsWritten} 户` : '';
  return `已导入：新增 ${result.added} 人，更新 ${result.updated} 人${households}。记录将随下次同步发送到乡镇。`;
}
