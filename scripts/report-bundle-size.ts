/**
 * Prints the gzipped JavaScript the first screen needs: the entry script of dist/index.html,
 * every chunk it preloads, and the analysis worker the home screen starts. Budget: 150 KB.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const FIRST_SCREEN_BUDGET_KB = 150;

export function firstScreenScripts(indexHtml: string): string[] {
  const sources = [...indexHtml.matchAll(/<script[^>]+src="([^"]+\.js)"/g), ...indexHtml.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)];
  return [...new Set(sources.map((match) => match[1] ?? ''))];
}

export function gzippedKb(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length / 1024;
}

const distDir = resolve(process.argv[2] ?? 'dist');
const entryScripts = firstScreenScripts(readFileSync(resolve(distDir, 'index.html'), 'utf8'));
const workerScripts = entryScripts.flatMap((src) =>
  [...readFileSync(resolve(distDir, `.${src}`), 'utf8').matchAll(/assets\/[\w.-]*worker[\w.-]*\.js/g)].map((match) => `/${match[0]}`),
);
const scripts = [...new Set([...entryScripts, ...workerScripts])];
let totalKb = 0;
for (const src of scripts) {
  const kb = gzippedKb(resolve(distDir, `.${src}`));
  totalKb += kb;
  console.log(`  ${src.padEnd(48)} ${kb.toFixed(1).padStart(7)} KB gzip`);
}
const verdict = totalKb <= FIRST_SCREEN_BUDGET_KB ? 'within budget' : 'OVER BUDGET';
console.log(`First screen JS: ${totalKb.toFixed(1)} KB gzip (budget ${FIRST_SCREEN_BUDGET_KB} KB, ${verdict})`);
