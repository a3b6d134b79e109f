// Vite plugin: builds the page reader (src/content/page-reader.ts) as an ES module of its
// own, beside the content script, and lists it in the built manifest's
// web_accessible_resources, the only way a content script can import more of its own code.
// It is written after the bundle (the content script itself is an IIFE that CRXJS builds
// with dynamic imports inlined, so the reader cannot be a chunk of it). Chrome serves it
// only under the session's dynamic URL (use_dynamic_url), so a page cannot probe for the
// extension by a fixed address; Firefox's addresses carry a random id per install already.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { PAGE_READER_FILE } from '../src/content/reader-loader';

interface WebAccessibleResource {
  resources: string[];
  matches: string[];
  use_dynamic_url?: boolean;
}

export function pageReader(opts: { browser: 'chrome' | 'firefox'; target: string }): Plugin {
  return {
    name: 'settlement-screen:page-reader',
    apply: 'build',
    async writeBundle(output) {
      const dir = output.dir;
      if (!dir) this.error('the page reader needs an output directory');
      await build({
        entryPoints: [resolve(__dirname, '../src/content/page-reader.ts')],
        bundle: true,
        format: 'esm',
        minify: true,
        target: opts.target,
        legalComments: 'none',
        outfile: join(dir, PAGE_READER_FILE),
        define: { __BROWSER__: JSON.stringify(opts.browser) },
        logLevel: 'warning',
      });
      const manifestPath = join(dir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
        web_accessible_resources?: WebAccessibleResource[];
      };
      // Every page the content script may run on: the listed sites, the sites the user
      // allows, and any page checked on request.
      const entry: WebAccessibleResource = { resources: [PAGE_READER_FILE], matches: ['<all_urls>'] };
      if (opts.browser === 'chrome') entry.use_dynamic_url = true;
      manifest.web_accessible_resources = [...(manifest.web_accessible_resources ?? []), entry];
      writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
    },
  };
}
