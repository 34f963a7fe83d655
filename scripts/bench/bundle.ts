/**
 * Gzipped JavaScript of the built app: what the first screen loads (the entry, the chunks it
 * preloads and the analysis worker it starts) and what every screen a cadre uses can load
 * (everything reachable from the entry through static imports, lazy screens and workers), less
 * the office's Excel and chart chunks and what only they reach.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Chunks of the office's tools: named after them, or carrying the workbook writer (ExcelJS's package paths). */
const OFFICE_ONLY = /excel|xlsx|chart|spreadsheet/i;
const WORKBOOK_WRITER = 'xl/workbook.xml';

function isOfficeOnly(distDir: string, chunk: string): boolean {
  return OFFICE_ONLY.test(chunk) || readFileSync(join(distDir, 'assets', chunk), 'utf8').includes(WORKBOOK_WRITER);
}
const CHUNK_REFERENCE = /(?:\.\/|\/?assets\/)([\w.-]+\.js)\b/g;

export interface ChunkSize {
  /** The chunk's name without its content hash. */
  chunk: string;
  kb: number;
}

export interface BundleSizes {
  firstScreenKb: number;
  /** The first screen's chunks, largest first. */
  firstScreen: ChunkSize[];
  cadreKb: number;
  /** The five largest chunks a cadre's screens can load. */
  largest: ChunkSize[];
  excluded: string[];
}

function gzippedKb(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length / 1024;
}

function referencedChunks(distDir: string, chunk: string): string[] {
  const source = readFileSync(join(distDir, 'assets', chunk), 'utf8');
  return [...new Set([...source.matchAll(CHUNK_REFERENCE)].map((match) => match[1]!))].filter((name) => name !== chunk && existsSync(join(distDir, 'assets', name)));
}

export function measureBundle(distDir: string): BundleSizes {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]+src="\/assets\/([^"]+\.js)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/assets\/([^"]+\.js)"/g)].map((match) => match[1]!);
  const workers = entries.flatMap((chunk) => referencedChunks(distDir, chunk).filter((name) => /worker/.test(name)));
  const firstScreen = new Set([...entries, ...workers]);

  const reachable = new Set<string>();
  const excluded = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const chunk = queue.pop()!;
    if (reachable.has(chunk) || excluded.has(chunk)) continue;
    if (isOfficeOnly(distDir, chunk)) {
      excluded.add(chunk);
      continue;
    }
    reachable.add(chunk);
    queue.push(...referencedChunks(distDir, chunk));
  }
  const sizes = (chunks: Iterable<string>) =>
    [...chunks].map((chunk) => ({ chunk: chunk.replace(/-[\w-]{8}\.js$/, ''), kb: gzippedKb(join(distDir, 'assets', chunk)) })).sort((a, b) => b.kb - a.kb);
  const sum = (list: ChunkSize[]) => list.reduce((total, { kb }) => total + kb, 0);
  const first = sizes(firstScreen);
  const cadre = sizes(reachable);
  return { firstScreenKb: sum(first), firstScreen: first, cadreKb: sum(cadre), largest: cadre.slice(0, 5), excluded: [...excluded].sort() };
}
