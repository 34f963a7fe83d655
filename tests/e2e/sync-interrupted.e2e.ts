import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium';
import { HouseholdSchema } from '../../src/domain/household';
import { formatHlc } from '../../src/domain/hlc';
import { createToken, PHONE_VIEWPORT, startSlowSyncProxy, startTestServer, waitForOfflineReady, type TestServer } from './harness';
import { homeFigure } from './pages';

const COUNT = 4000;
let server: TestServer;
let proxy: Awaited<ReturnType<typeof startSlowSyncProxy>>;
const profileDir = mkdtempSync(join(tmpdir(), 'fieldbook-e2e-interrupted-'));

async function openPhone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, viewport: PHONE_VIEWPORT });
  return { context, page: context.pages()[0] ?? (await context.newPage()) };
}

async function countOnServer(token: string): Promise<number> {
  let total = 0;
  let cursor = '';
  for (;;) {
    const response = await fetch(`${server.url}/api/changes?since=${cursor}&limit=2000`, { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`changes answered ${response.status}`);
    const page = (await response.json()) as { revisions: unknown[]; cursor: string; more: boolean };
    total += page.revisions.length;
    cursor = page.cursor;
    if (!page.more) return total;
  }
}

/** A backup file holding `COUNT` households from another phone, as 导出备份 writes it. */
function aBigBackup(): string {
  const stamp = '2026-05-01T08:00:00.000Z';
  const revisions = Array.from({ length: COUNT }, (_, index) => {
    const household = HouseholdSchema.parse({ id: `h${index}`, village: '新国村', head: `户主${index}`, createdAt: stamp, updatedAt: stamp });
    return { rev: `r${index}`, parent: null, kind: 'household', id: household.id, hlc: formatHlc({ wallMs: 1_777_000_000_000 + index, counter: 0 }, 'other-phone'), device: 'other-phone', deleted: false, data: household };
  });
  return JSON.stringify({ format: 'fieldbook-backup', version: 1, exportedAt: stamp, revisions });
}

beforeAll(async () => {
  server = await startTestServer();
  proxy = await startSlowSyncProxy(server.url, 300);
});

afterAll(async () => {
  await proxy?.close();
  await server?.close();
});

describe('a sync interrupted by closing the app', () => {
  it('loses nothing and stores nothing twice when the app is reopened', async () => {
    const token = createToken(server, '新国村');
    // The office's own token for counting, so the checks do not eat into the phone's rate limit.
    const office = createToken(server, '新国村');
    let { context, page } = await openPhone();
    await page.goto(proxy.url);
    await waitForOfflineReady(page);
    await context.setOffline(true);
    await page.goto(`${proxy.url}/#/sync`);
    await page.getByLabel('导入备份').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(aBigBackup()) });
    await page.getByText(`已导入 ${COUNT} 条，跳过已有的 0 条`).waitFor({ timeout: 30_000 });
    await page.getByLabel('令牌').fill(token);
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').waitFor();

    // Back online, the sync starts by itself; close the app as soon as the receiver has some.
    await context.setOffline(false);
    await expect.poll(() => countOnServer(office), { interval: 100, timeout: 20_000 }).toBeGreaterThan(0);
    const started = Date.now();
    await context.close();
    const partial = await countOnServer(office);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(partial).toBeLessThan(COUNT);

    ({ context, page } = await openPhone());
    await page.goto(proxy.url);
    await expect.poll(() => homeFigure(page, '未同步'), { timeout: 60_000 }).toBe('0');
    expect(await countOnServer(office)).toBe(COUNT);
    await context.close();
  });
});
