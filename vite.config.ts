// One source manifest (manifest.json), two targets: `vite build --mode chrome|firefox`.
// The Firefox manifest is derived here, never hand-edited: CRXJS writes
// `background.scripts` for Firefox (Firefox MV3 has no background service worker,
// mozilla/web-ext#2532) and we drop Firefox-only keys from the Chrome build.
// The content script's hosts (`content_scripts[0].matches`, empty in manifest.json) are the
// site adapters' (src/formats/page/sites/), so a supported site is read automatically exactly
// where its adapter says.
// SS_LOCAL_PAGES=1 builds a variant whose content script also runs on 127.0.0.1 and
// localhost: used only by the demo and the browser tests, which serve pages locally.
import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { noInnerHtml } from './scripts/vite-no-inner-html';
import { contentModules } from './scripts/vite-content-modules';
import { manifestMatches } from './src/formats/page/sites';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const LOCAL_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig(({ mode }) => {
  const browser = mode === 'firefox' ? 'firefox' : 'chrome';
  const localPages = process.env.SS_LOCAL_PAGES === '1';
  const manifest = JSON.parse(readFileSync(resolve(__dirname, 'manifest.json'), 'utf8'));
  const pkg = JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8'));
  manifest.version = pkg.version;
  manifest.content_scripts[0].matches = manifestMatches();
  // Chromium imports the content script as a module (compiled off the page's thread);
  // Firefox runs it bundled (src/content/boot-bundled.ts says why).
  const boot = browser === 'chrome' ? 'src/content/boot-module.ts' : 'src/content/boot-bundled.ts';
  manifest.content_scripts[0].js = [boot];
  if (browser === 'chrome') {
    delete manifest.browser_specific_settings;
  } else {
    delete manifest.minimum_chrome_version;
    // CRXJS reads background.scripts for Firefox (event page, no service worker).
    manifest.background = { scripts: [manifest.background.service_worker], type: 'module' };
  }
  if (localPages) {
    for (const cs of manifest.content_scripts) cs.matches.push(...LOCAL_MATCHES);
  }
  const outDir = `dist/${browser}${localPages ? '-local' : ''}`;
  const target = browser === 'firefox' ? 'firefox140' : 'chrome116';
  return {
    plugins: [
      // Issue 7: no innerHTML in the bundles (web-ext lint, store review).
      noInnerHtml(),
      preact(),
      crx({
        manifest,
        browser,
        contentScripts: { standaloneFiles: [boot] },
      }),
      // The modules the content script imports: the page reader, and in Chromium the
      // content script proper.
      contentModules({ browser, target, main: browser === 'chrome' }),
    ],
    define: {
      __BROWSER__: JSON.stringify(browser),
    },
    resolve: {
      // read-excel-file unzips through fflate, whose async unzip starts a Web Worker from a
      // blob: URL for entries over 512 KB, which the extension pages' CSP (script-src 'self')
      // forbids. This shim keeps every fflate export and makes unzip synchronous.
      alias: [{ find: /^fflate$/, replacement: resolve(__dirname, 'src/formats/tables/fflate-sync.ts') }],
    },
    build: {
      outDir,
      emptyOutDir: true,
      target,
      sourcemap: false,
      minify: true,
      // Extension pages that the manifest does not name (CRXJS builds the ones it names):
      // the screening page (popup, options, context menu) and the report page (popup).
      rolldownOptions: {
        input: {
          screen: resolve(__dirname, 'src/ui/screen/index.html'),
          report: resolve(__dirname, 'src/ui/record/index.html'),
        },
      },
    },
    legacy: { skipWebSocketTokenCheck: true },
  };
});
