import { createApp, type AppOptions } from '../../server/app';
import type { Scope } from '../../server/scope';
import type { Store } from '../../server/store/store';
import type { ChangesResponse, SyncBatch, SyncResponse } from '../../src/domain/sync-protocol';
import { closeTestStores, SQLITE, type StoreAdapter } from './stores';

export { aDataFile } from './stores';

/** A receiver on a fresh store (SQLite unless told), driven through `app.request()`. */
export interface TestReceiver {
  app: ReturnType<typeof createApp>;
  store: Store;
  /** Every log line the app wrote. */
  logs: string[];
  tokenFor(scope: Scope, name?: string): Promise<string>;
  sync(token: string | undefined, body: SyncBatch | string, headers?: Record<string, string>): Promise<Response>;
  syncResults(token: string, body: SyncBatch): Promise<SyncResponse['results']>;
  changes(token: string | undefined, query?: string): Promise<Response>;
  changesPage(token: string, query?: string): Promise<ChangesResponse>;
  /** How many revisions the receiver holds, all scopes. */
  countRevisions(): Promise<number>;
}

export const ALL: Scope = { level: 'all', name: '全部' };
export const XINGUO: Scope = { level: 'village', name: '新国村' };

/** For `afterEach`: closes every receiver (and store) opened since the last call. */
export const closeReceivers = closeTestStores;

export async function aReceiver(options: Partial<Omit<AppOptions, 'store'>> = {}, adapter: StoreAdapter = SQLITE): Promise<TestReceiver> {
  const { store } = await adapter.open();
  const logs: string[] = [];
  const app = createApp({ store, version: 'test', log: (line) => logs.push(line), ...options });
  const auth = (token: string | undefined): Record<string, string> => (token === undefined ? {} : { authorization: `Bearer ${token}` });
  const receiver: TestReceiver = {
    app,
    store,
    logs,
    tokenFor: (scope, name = `${scope.name} 的手机`) => store.createToken(name, scope),
    sync: async (token, body, headers = {}) =>
      app.request('/api/sync', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth(token), ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    async syncResults(token, body) {
      const response = await receiver.sync(token, body);
      if (response.status !== 200) throw new Error(`sync answered ${response.status}: ${await response.text()}`);
      return ((await response.json()) as SyncResponse).results;
    },
    changes: async (token, query = '') => app.request(`/api/changes${query}`, { headers: auth(token) }),
    async changesPage(token, query) {
      const response = await receiver.changes(token, query);
      if (response.status !== 200) throw new Error(`changes answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as ChangesResponse;
    },
    async countRevisions() {
      let total = 0;
      let cursor: string | null = null;
      for (;;) {
        const page = await store.changesSince(cursor, ALL, 2000);
        total += page.revisions.length;
        cursor = page.cursor;
        if (!page.more) return total;
      }
    },
  };
  return receiver;
}
