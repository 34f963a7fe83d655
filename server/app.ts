import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { problemBody } from './problems';
import { serveBuiltApp } from './static-files';
import type { Store } from './store/sqlite';

export interface AppOptions {
  store: Store;
  /** The built PWA (`dist/`); omitted, the receiver serves the API only. */
  staticDir?: string;
  version: string;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
}

export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;

/** The township receiver: `/api/*` and the built app, as one Hono application. */
export function createApp({ store, staticDir, version, maxBodyBytes = DEFAULT_MAX_BODY_BYTES }: AppOptions): Hono {
  const app = new Hono();

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

  app.all('/api/*', (c) => c.json(problemBody('route.not_found', `${c.req.method} ${c.req.path}`), 404));
  if (staticDir) app.use('/*', ...serveBuiltApp(staticDir));

  app.notFound((c) => c.json(problemBody('route.not_found', `${c.req.method} ${c.req.path}`), 404));
  app.onError((error, c) => {
    console.error(error);
    return c.json(problemBody('server.internal'), 500);
  });
  return app;
}
