import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Writes `.br` and `.gz` beside every compressible file whose name carries its content hash, for
 * the receiver to send as they are (a first visit over slow 4G downloads a third of the bytes).
 * Files that keep their name across deployments (index.html, sw.js) are left alone: a stale
 * compressed copy of them would hide a new deployment.
 */
function precompressHashedAssets(): Plugin {
  let outDir = 'dist';
  const isHashedText = (path: string) => /^(assets\/.+|workbox-[0-9a-f]{8,})\.(js|css|svg|json)$/.test(path);
  return {
    name: 'fieldbook:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).map((path) => path.split('\\').join('/'));
        for (const path of files.filter(isHashedText)) {
          const source = readFileSync(join(outDir, path));
          const brotli = brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length } });
          const gzip = gzipSync(source, { level: 9 });
          if (brotli.length < source.length) writeFileSync(join(outDir, `${path}.br`), brotli);
          if (gzip.length < source.length) writeFileSync(join(outDir, `${path}.gz`), gzip);
        }
      },
    },
  };
}

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(version) },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
  plugins: [
    react(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/*.png'],
      manifest: {
        name: '入户台账',
        short_name: '入户台账',
        description: '脱贫劳动力入户调查与就业帮扶台账，离线可用',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#1f6f50',
        background_color: '#f4f6f5',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
      },
    }),
    precompressHashedAssets(),
  ],
});
