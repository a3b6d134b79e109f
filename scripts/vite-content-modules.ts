// Vite plugin: builds the modules the content script imports, the page reader
// (src/content/page-reader.ts) and, in Chromium, the content script proper
// (src/content/main.ts), each as an ES module of its own, and lists them in the built
// manifest's web_accessible_resources, the only way a content script can import its own
// code. In Chromium the script the manifest names is boot-module.ts, which CRXJS builds as
// an IIFE and which imports main.js; main.js imports the reader where a page calls for it. They are written after the bundle because CRXJS inlines
// a content script's dynamic imports, so neither can be a chunk of it. Chrome serves them
// only under the session's dynamic URL (use_dynamic_url), so a page cannot probe for the
// extension by a fixed address; Firefox's addresses carry a random id per install already.
import { build, transform, type Plugin as EsbuildPlugin } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { CONTENT_MAIN_FILE, PAGE_READER_FILE } from '../src/content/module-files';

interface WebAccessibleResource {
  resources: string[];
  matches: string[];
  use_dynamic_url?: boolean;
}

/**
 * V8's compile hint (Chrome 136): compile every function of the file with the file, not
 * each on its first call. The content script proper runs most of its functions on every
 * page it starts on, and compiled one by one they were compiled on the page's main thread.
 * The bytecode of the few it does not run costs each tab a little memory (docs/performance.md).
 */
export const COMPILE_ALL_ON_LOAD = '//# allFunctionsCalledOnLoad';

interface ContentModule {
  source: string;
  file: string;
  /** The file's first line. */
  banner?: string;
}

const MAIN: ContentModule = { source: '../src/content/main.ts', file: CONTENT_MAIN_FILE, banner: COMPILE_ALL_ON_LOAD };
const READER: ContentModule = { source: '../src/content/page-reader.ts', file: PAGE_READER_FILE };

/** Vite's `import css from './x.css?inline'` (the style sheet as a string), for esbuild. */
function inlineCss(minify: boolean): EsbuildPlugin {
  return {
    name: 'inline-css',
    setup(b) {
      b.onResolve({ filter: /\.css\?inline$/ }, (args) => ({
        path: resolve(args.resolveDir, args.path.replace(/\?inline$/, '')),
        namespace: 'inline-css',
      }));
      b.onLoad({ filter: /.*/, namespace: 'inline-css' }, async (args) => {
        const css = await transform(readFileSync(args.path, 'utf8'), { loader: 'css', minify });
        return { contents: css.code, loader: 'text' };
      });
    },
  };
}

export function contentModules(opts: { browser: 'chrome' | 'firefox'; target: string; main: boolean }): Plugin {
  const modules = opts.main ? [MAIN, READER] : [READER];
  // As the rest of the build (`vite build --minify false` for a profile that names functions).
  let minify = true;
  return {
    name: 'settlement-screen:content-modules',
    apply: 'build',
    configResolved(config) {
      minify = config.build.minify !== false;
    },
    async writeBundle(output) {
      const dir = output.dir;
      if (!dir) this.error('the content modules need an output directory');
      for (const m of modules) {
        await build({
          entryPoints: [resolve(__dirname, m.source)],
          bundle: true,
          format: 'esm',
          minify,
          target: opts.target,
          legalComments: 'none',
          ...(m.banner ? { banner: { js: m.banner } } : {}),
          outfile: join(dir, m.file),
          define: { __BROWSER__: JSON.stringify(opts.browser) },
          plugins: [inlineCss(minify)],
          logLevel: 'warning',
        });
      }
      const manifestPath = join(dir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
        web_accessible_resources?: WebAccessibleResource[];
      };
      // Every page the content script may run on: the listed sites, the sites the user
      // allows, and any page checked on request.
      const entry: WebAccessibleResource = { resources: modules.map((m) => m.file), matches: ['<all_urls>'] };
      if (opts.browser === 'chrome') entry.use_dynamic_url = true;
      manifest.web_accessible_resources = [...(manifest.web_accessible_resources ?? []), entry];
      writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
    },
  };
}
