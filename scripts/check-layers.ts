// The import rules of the code base, checked: every source file belongs to a layer, and a layer
// imports only from itself and the layers below it (docs/architecture.md). Type-only imports
// count too: a type is as much a dependency as a value. Then the rules that must hold for a
// shipped bundle as a whole, through any chain of imports (esbuild follows the build's value
// imports, `?raw` included): the content script never carries the match index or the matcher.
//
//   npm run check:layers        exit status 1 and one line per broken rule
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { BUNDLE_RULES, LAYERS, type Layer } from './lib/layers';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE = /\.(ts|tsx|mts)$/;
const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s(?:type\s)?[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (SOURCE.test(name)) out.push(relative(ROOT, path));
  }
  return out;
}

function layerOf(path: string): Layer | undefined {
  let best: Layer | undefined;
  let bestLen = -1;
  for (const layer of LAYERS) {
    for (const p of layer.paths) {
      const hit = p.endsWith('/') ? path.startsWith(p) : path === p;
      if (hit && p.length > bestLen) {
        best = layer;
        bestLen = p.length;
      }
    }
  }
  return best;
}

const CANDIDATES = ['', '.ts', '.tsx', '.mts', '.json', '/index.ts', '/index.tsx'];

/** The repository path a relative specifier names, or null for packages and node built-ins. */
function target(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = join(dirname(from), spec.replace(/\?.*$/, ''));
  for (const ext of CANDIDATES) {
    const p = base + ext;
    if (existsSync(join(ROOT, p)) && statSync(join(ROOT, p)).isFile()) return p;
  }
  // Generated files (src/generated) are absent before the first build: named as written.
  return base;
}

function checkImports(): string[] {
  const problems: string[] = [];
  const files = LAYERS.flatMap((l) => l.paths)
    .filter((p) => p.endsWith('/'))
    .flatMap((p) => walk(join(ROOT, p)));
  for (const file of new Set(files)) {
    const from = layerOf(file);
    if (!from) {
      problems.push(`${file}: in no layer (scripts/lib/layers.ts)`);
      continue;
    }
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const m of text.matchAll(SPECIFIER)) {
      const spec = m[1] ?? m[2] ?? m[3];
      const to = target(file, spec);
      if (to === null) continue;
      const into = layerOf(to);
      if (!into) {
        problems.push(`${file}: imports ${to}, which is in no layer`);
        continue;
      }
      if (into !== from && !from.may.includes(into.name)) {
        problems.push(
          `${file} (${from.name}) imports ${to} (${into.name}): ${from.name} may import ${from.may.join(', ') || 'nothing'}`,
        );
      }
    }
  }
  return problems;
}

/** `?raw` imports as vite has them: the file's text. */
const rawImports: Plugin = {
  name: 'raw-imports',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (a) => ({ path: resolve(a.resolveDir, a.path.replace(/\?.*$/, '')) }));
    b.onLoad({ filter: /.*/ }, () => undefined);
  },
};

async function checkBundles(): Promise<string[]> {
  const problems: string[] = [];
  for (const rule of BUNDLE_RULES) {
    const r = await build({
      absWorkingDir: ROOT,
      entryPoints: [rule.entry],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'browser',
      format: 'esm',
      logLevel: 'silent',
      loader: { '.css': 'text', '.json': 'json' },
      external: ['*.css?inline'],
      plugins: [rawImports],
    });
    const inputs = r.metafile.inputs;
    for (const path of Object.keys(inputs)) {
      const bad = rule.never.find((n) => (n.endsWith('/') ? path.startsWith(n) : path === n));
      if (!bad) continue;
      const chain = [path];
      while (chain[0] !== rule.entry) {
        const importer = Object.keys(inputs).find(
          (i) => !chain.includes(i) && inputs[i].imports.some((x) => x.path === chain[0]),
        );
        if (!importer) break;
        chain.unshift(importer);
      }
      problems.push(`${rule.entry} bundles ${path} (${rule.why}), via ${chain.join(' -> ')}`);
    }
  }
  return problems;
}

const problems = [...checkImports(), ...(await checkBundles())];
for (const p of problems) console.error(`layers: ${p}`);
if (problems.length > 0) {
  console.error(`layers: ${problems.length} broken import rule(s)`);
  process.exit(1);
}
console.log(`layers: every import follows the layers (${LAYERS.length} layers, ${BUNDLE_RULES.length} bundle rules)`);
