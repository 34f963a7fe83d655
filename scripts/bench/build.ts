/**
 * Builds what the browser figures run against: the app exactly as `npm run build` makes it (its
 * own vite.config.ts, into a private folder so other work on dist/ is left alone) and the bench's
 * workers beside it under /bench/, with fixed names so a page of the app's origin can start them.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { build, type Alias } from 'vite';

const WORKERS_DIR = resolve(import.meta.dirname, 'workers');
const MISSING_MODULE = join(WORKERS_DIR, 'missing-module.ts');
export const BENCH_WORKERS = ['seed-worker', 'import-worker', 'read-worker'] as const;

/** The app, built by its own config into `outDir`; `readable` leaves names unminified, for profiles. */
export async function buildApp(outDir: string, options: { readable?: boolean } = {}): Promise<void> {
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true, ...(options.readable ? { minify: false } : {}) } });
}

/**
 * A package's folder, from this project's node_modules or else from FIELDBOOK_BENCH_MODULES (a
 * node_modules folder installed aside, for packages the project does not list yet).
 */
function findPackage(name: string): { dir: string; fromProject: boolean } | null {
  const require = createRequire(import.meta.url);
  const bases = [process.cwd(), process.env.FIELDBOOK_BENCH_MODULES].filter((base): base is string => Boolean(base));
  for (const [index, base] of bases.entries()) {
    try {
      return { dir: dirname(require.resolve(`${name}/package.json`, { paths: [base] })), fromProject: index === 0 };
    } catch {
      // not in this one
    }
  }
  return null;
}

/** PouchDB needs Node's `events` in the browser; its `indexeddb` adapter is a package of its own. */
function pouchAliases(): Alias[] {
  const aliases: Alias[] = [];
  const events = findPackage('events');
  const pouch = findPackage('pouchdb-browser');
  const adapter = findPackage('pouchdb-adapter-indexeddb');
  if (!pouch || !events) aliases.push({ find: /^pouchdb-browser$/, replacement: MISSING_MODULE });
  else if (!events.fromProject) aliases.push({ find: /^events$/, replacement: join(events.dir, 'events.js') });
  if (!adapter || !pouch || !events) aliases.push({ find: /^pouchdb-adapter-indexeddb$/, replacement: MISSING_MODULE });
  else if (!adapter.fromProject) aliases.push({ find: /^pouchdb-adapter-indexeddb$/, replacement: join(adapter.dir, 'lib/index.es.js') });
  return aliases;
}

/** The bench workers as /bench/<name>.js, and a blank page to start them from; `readable` for profiles. */
export async function buildBenchWorkers(outDir: string, options: { readable?: boolean } = {}): Promise<void> {
  await build({
    configFile: false,
    root: WORKERS_DIR,
    logLevel: 'warn',
    resolve: { alias: pouchAliases() },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: !options.readable,
      rolldownOptions: {
        input: Object.fromEntries(BENCH_WORKERS.map((name) => [name, join(WORKERS_DIR, `${name}.ts`)])),
        output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', format: 'es' },
      },
    },
  });
  if (!existsSync(outDir)) mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'index.html'), '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>bench</title></html>\n');
}
