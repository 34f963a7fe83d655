/** What the 设置 screen tells the cadre about the phone's storage. */
export interface StorageStatus {
  persisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
}

/**
 * Asks the browser to keep our data even when the phone runs short of space. Chromium answers
 * without a prompt, so asking on every start is harmless and picks up a later grant.
 */
export async function requestPersistentStorage(storage: StorageManager | undefined = navigator.storage): Promise<boolean | null> {
  if (!storage?.persist) return null;
  if (await storage.persisted()) return true;
  return storage.persist();
}

export async function readStorageStatus(storage: StorageManager | undefined = navigator.storage): Promise<StorageStatus> {
  if (!storage) return { persisted: null, usageBytes: null, quotaBytes: null };
  const [persisted, estimate] = await Promise.all([
    storage.persisted ? storage.persisted() : Promise.resolve(null),
    storage.estimate ? storage.estimate() : Promise.resolve<StorageEstimate>({}),
  ]);
  return { persisted, usageBytes: estimate.usage ?? null, quotaBytes: estimate.quota ?? null };
}
