import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';

/**
 * Hashed build output never changes under its name, so browsers may keep it for a year.
 * Everything else (index.html, the service worker, the manifest, icons) must be revalidated,
 * or phones would keep running an old deployment.
 */
export function cacheControlFor(path: string): string {
  const isHashedAsset = /^\/assets\//.test(path) || /^\/workbox-[0-9a-f]{8,}\.js$/.test(path);
  return isHashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export function serveBuiltApp(staticDir: string): MiddlewareHandler[] {
  return [
    async (c, next) => {
      await next();
      if (c.res.ok) c.res.headers.set('Cache-Control', cacheControlFor(c.req.path));
    },
    serveStatic({ root: staticDir, index: 'index.html', precompressed: true }),
  ];
}
