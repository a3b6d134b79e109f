#!/usr/bin/env node
// Entry of the `settlement-screen` bin (package.json). The CLI itself is the bundle that
// `npm run build` writes to dist/cli/; say so plainly when it has not been built yet.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli/settlement-screen.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write(
    'settlement-screen: the CLI is not built yet: run `npm run build` (or `npm run build:data && npm run build:cli`) first\n',
  );
  process.exit(2);
}
const { run } = await import(bundle.href);
await run(process.argv.slice(2));
