/**
 * Web app build. `npx vite build` writes dist/web (index.html + assets), which the server serves.
 * No inline scripts (the CSP is `script-src 'self'`); antd, React and ECharts are split into their own chunks.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
// echarts-for-react's ESM build imports tslib without declaring it (hustcc/echarts-for-react#512) and npm nests
// tslib under echarts, so the import does not resolve: point it at the ES module of the tslib echarts uses.
const fromEcharts = createRequire(createRequire(import.meta.url).resolve('echarts'));
const tslib = path.join(path.dirname(fromEcharts.resolve('tslib')), 'tslib.es6.js');
const outDir = process.env.GANCAI_WEB_DIST ? path.resolve(process.env.GANCAI_WEB_DIST) : fileURLToPath(new URL('./dist/web', import.meta.url));

/**
 * Writes a brotli and a gzip copy beside every built script, style sheet and SVG over 1 KiB; the server sends
 * them to browsers that accept them (@fastify/static `preCompressed`). The antd chunk drops from 1.1 MB to
 * about 300 KB on the wire, which is what a phone on a county network notices.
 */
function precompress(): Plugin {
  return {
    name: 'gancai-precompress',
    apply: 'build',
    closeBundle() {
      const assets = path.join(outDir, 'assets');
      for (const name of readdirSync(assets)) {
        if (!/\.(js|css|svg)$/.test(name)) continue;
        const file = path.join(assets, name);
        const body = readFileSync(file);
        if (body.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 10 } }));
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), precompress()],
  resolve: { alias: [{ find: /^tslib$/, replacement: tslib }] },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/, priority: 20 },
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs|@babel[\\/]runtime|classnames|clsx|stylis|@emotion|throttle-debounce|scroll-into-view-if-needed|compute-scroll-into-view|json2mq|string-convert|toggle-selection|copy-to-clipboard)[\\/]/,
              priority: 10,
            },
            // ECharts (ADR 0016): only the lazily loaded chart pages pull it in
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor)[\\/]/, priority: 15 },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  preview: { host: '127.0.0.1' },
});
