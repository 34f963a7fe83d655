import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { problemBody } from './problems';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitOptions } from './rate-limit';
import { serveBuiltApp } from './static-files';
import type { Store } from './store/store';
import { createSyncRoutes } from './sync-routes';

export interface AppOptions {
  store: Store;
  /** The built PWA (`dist/`); omitted, the receiver serves the API only. */
  staticDir?: string;
  version: string;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Origins allowed to call /api from a browser; the app the receiver serves itself needs none. */
  corsOrigins?: readonly string[];
  rateLimit?: RateLimitOptions;
  /** Where request lines go (stdout by default); they hold counts, codes and token names only. */
  log?: (line: string) => void;
  /** The clock of the rate limiter, for tests. */
  now?: () => number;
}

export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;

/** The township receiver: `/api/*` and the built app, as one Hono application. */
export function createApp({
  store,
  staticDir,
  version,
  maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
  corsOrigins = [],
  rateLimit = DEFAULT_RATE_LIMIT,
  log = (line) => console.log(`${new Date().toISOString()} ${line}`),
  now = Date.now,
}: AppOptions): Hono {
  const app = new Hono();

  // First, so that refusals (401, 413, 429) also reach a browser on an allowed origin.
  app.use(
    '/api/*',
    cors({
      origin: (origin) => (corsOrigins.includes(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
      exposeHeaders: ['Retry-After'],
      maxAge: 600,
    }),
  );
  app.use(
    '/api/*',
    bodyLimit({ maxSize: maxBodyBytes, onError: (c) => c.json(problemBody('body.too_large'), 413) }),
  );
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  app.get('/api/health', async (c) => {
    const storeHealth = await store.health();
    return c.json({ status: 'ok', version, store: storeHealth, time: new Date().toISOString() });
  });
  app.route('/api', createSyncRoutes({ store, rateLimiter: new RateLimiter(rateLimit, now), log }));

  app.all('/api/*', (c) => c.json(problemBody('route.not_found', `${c.req.method} ${c.req.path}`), 404));
  if (staticDir) app.use('/*', ...serveBuiltApp(staticDir));

  app.notFound((c) => c.json(problemBody('route.not_found', `${c.req.method} ${c.req.path}`), 404));
  app.onError((error, c) => {
    console.error(error);
    return c.json(problemBody('server.internal'), 500);
  });
  return app;
}
