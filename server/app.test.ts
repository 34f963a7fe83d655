import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { openSqliteStore, type Store } from './store/sqlite';
import { SQLITE_MIGRATIONS } from './store/sqlite-migrations';

function aBuiltApp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>入户台账</title>');
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(dir, 'manifest.webmanifest'), '{"name":"入户台账"}');
  writeFileSync(join(dir, 'assets', 'index-DXaW3OU7.js'), 'console.log(1)');
  writeFileSync(join(dir, 'workbox-2fbc6a65.js'), 'console.log(2)');
  return dir;
}

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

function anApp(options: { maxBodyBytes?: number } = {}) {
  store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'fieldbook-db-')), 'fieldbook.db'));
  return createApp({ store, staticDir: aBuiltApp(), version: '9.9.9', log: () => {}, ...options });
}

describe('township receiver', () => {
  it('answers the health check with its version and store', async () => {
    const response = await anApp().request('/api/health');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({ status: 'ok', version: '9.9.9', store: { kind: 'sqlite', schemaVersion: SQLITE_MIGRATIONS.length, journalMode: 'wal' } });
  });

  it.each([
    ['/', 'no-cache', 'text/html'],
    ['/index.html', 'no-cache', 'text/html'],
    ['/sw.js', 'no-cache', 'javascript'],
    ['/manifest.webmanifest', 'no-cache', 'manifest+json'],
    ['/assets/index-DXaW3OU7.js', 'public, max-age=31536000, immutable', 'javascript'],
    ['/workbox-2fbc6a65.js', 'public, max-age=31536000, immutable', 'javascript'],
  ])('serves %s with Cache-Control %s', async (path, cacheControl, type) => {
    const response = await anApp().request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(cacheControl);
    expect(response.headers.get('content-type')).toContain(type);
  });

  it.each(['/api/nothing-here', '/no-such-page', '/assets/missing.js'])('answers JSON 404 for %s', async (path) => {
    const response = await anApp().request(path);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'route.not_found' } });
  });

  it('refuses a body over the limit with JSON 413', async () => {
    const app = anApp({ maxBodyBytes: 1024 });
    const token = await store!.createToken('测试', { level: 'all', name: '全部' });
    const response = await app.request('/api/sync', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ padding: 'x'.repeat(4096) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'body.too_large', message: '请求内容过大，请分批发送' } });
  });

  it('refuses a declared length over the limit with 413 before asking for a token', async () => {
    const response = await anApp({ maxBodyBytes: 1024 }).request('/api/sync', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '4096' },
      body: JSON.stringify({ padding: 'x'.repeat(4080) }),
    });
    expect(response.status).toBe(413);
  });

  it('does not serve files outside the built app', async () => {
    const response = await anApp().request('/../package.json');
    expect(response.status).toBe(404);
  });
});
