// Bundles the CLI (src/cli/main.ts) with the compiled lists and linkedom into one ESM file,
// dist/cli/settlement-screen.mjs, run by bin/settlement-screen.mjs. Everything is bundled so
// the CLI does not depend on which node_modules happen to be installed next to it.
import { build } from 'esbuild';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const data = join(root, 'src/generated/compiled-lists.json');
if (!existsSync(data)) {
  console.error('build-cli: src/generated/compiled-lists.json is missing: run `npm run build:data` first');
  process.exit(1);
}
const outfile = join(root, 'dist/cli/settlement-screen.mjs');
const t0 = Date.now();
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  // linkedom's optional canvas support is a require() that fails softly: leave it out.
  external: ['canvas'],
  // CommonJS dependencies inside an ESM bundle need a real `require` for Node built-ins.
  banner: {
    js: "import { createRequire as __ssCreateRequire } from 'node:module'; const require = __ssCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const kb = Math.round(statSync(outfile).size / 1024);
console.log(`build-cli: dist/cli/settlement-screen.mjs (${kb} KB, v${pkg.version}) in ${Date.now() - t0} ms`);
