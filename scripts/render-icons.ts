/**
 * Renders public/favicon.svg to the PNG icons the manifest lists, in Debian's Chromium.
 * Run after changing the SVG: `npx tsx scripts/render-icons.ts`.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

const svg = readFileSync(new URL('../public/favicon.svg', import.meta.url), 'utf8');
const icons = [
  { file: 'public/icons/icon-192.png', size: 192, padding: 0, background: 'transparent' },
  { file: 'public/icons/icon-512.png', size: 512, padding: 0, background: 'transparent' },
  // Maskable: the safe zone is the inner 80 %, so the picture shrinks onto a full-bleed background.
  { file: 'public/icons/icon-maskable-512.png', size: 512, padding: 0.12, background: '#1f6f50' },
];

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage();
for (const icon of icons) {
  const inner = icon.size * (1 - 2 * icon.padding);
  await page.setViewportSize({ width: icon.size, height: icon.size });
  await page.setContent(
    `<body style="margin:0;background:${icon.background};display:grid;place-items:center;height:${icon.size}px">` +
      `<div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', '<svg width="100%" height="100%" ')}</div></body>`,
  );
  await page.screenshot({ path: icon.file, omitBackground: icon.background === 'transparent' });
  console.log(`wrote ${icon.file}`);
}
await browser.close();
