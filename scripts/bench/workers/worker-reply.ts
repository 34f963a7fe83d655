import type { WorkerReply } from './protocol';

/** Runs `work` for every message and answers with its result or its error. */
export function answerMessages<Request, Result>(work: (request: Request) => Promise<Result>): void {
  self.onmessage = (event: MessageEvent<Request>) => {
    work(event.data).then(
      (result) => self.postMessage({ type: 'done', result } satisfies WorkerReply<Result>),
      (error: unknown) => self.postMessage({ type: 'error', message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) } satisfies WorkerReply<Result>),
    );
  };
}

/** The end of a raw IndexedDB transaction. */
export function transactionDone(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('transaction aborted'));
  });
}

export function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('request failed'));
  });
}

/** Opens an existing database at its current version, as another tab of the app would. */
export function openRawDatabase(name: string): Promise<IDBDatabase> {
  return requestResult(indexedDB.open(name));
}

export function deleteRawDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('delete failed'));
    request.onblocked = () => reject(new Error(`deleting ${name} is blocked by an open connection`));
  });
}
