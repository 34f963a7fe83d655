/** Stable codes for why the phone could not store something; src/ui/messages.ts words them. */
export type StorageErrorCode = 'storage.quota' | 'storage.unavailable' | 'storage.failed';

function errorName(error: unknown): string {
  if (!error || typeof error !== 'object') return '';
  const { name, inner } = error as { name?: unknown; inner?: unknown };
  if (name === 'QuotaExceededError' || name === 'InvalidStateError' || name === 'MissingAPIError' || name === 'OpenFailedError') {
    return name;
  }
  // Dexie wraps the browser's DOMException in `inner` for aborted transactions.
  return inner ? errorName(inner) : typeof name === 'string' ? name : '';
}

export function classifyStorageError(error: unknown): StorageErrorCode {
  switch (errorName(error)) {
    case 'QuotaExceededError':
      return 'storage.quota';
    case 'MissingAPIError':
    case 'OpenFailedError':
    case 'InvalidStateError':
      return 'storage.unavailable';
    default:
      return 'storage.failed';
  }
}
