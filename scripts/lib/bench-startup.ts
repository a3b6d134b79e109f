// Start-up: the size of the compiled data, and the time from the compiled data as text to a
// ready matcher (JSON.parse of match-index.json, then Matcher.fromData), cold (a fresh
// Node process per run: nothing compiled yet, as in a content script just injected) and
// warm (repeated in this process). The cold runs load the core as one esbuild bundle, as
// the extension does, and also time loading that bundle and the first scanBlock.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import { Matcher } from '../../src/core/matcher';
import type { CompiledData } from '../../src/core/types';
import { median } from './bench-report';

const ROOT = resolve(import.meta.dirname, '../..');

export interface SizeRow {
  file: string;
  raw: number;
  gzip: number;
}

export interface StartupResult {
  sizes: SizeRow[];
  /** Medians over fresh processes. */
  cold: { runs: number; loadCoreMs: number; parseMs: number; fromDataMs: number; firstScanMs: number };
  /** Medians over repetitions in a warm process. */
  warm: { runs: number; parseMs: number; fromDataMs: number };
  names: number;
}

function size(file: string): SizeRow | null {
  const path = join(ROOT, file);
  if (!existsSync(path) || !statSync(path).isFile()) return null;
  const bytes = readFileSync(path);
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const CHILD = `
const text = process.argv[2];
const fs = await import('node:fs');
const json = fs.readFileSync(process.argv[3], 'utf8');
let t = performance.now();
const core = await import(process.argv[4]);
const loadCoreMs = performance.now() - t;
t = performance.now();
const data = JSON.parse(json);
const parseMs = performance.now() - t;
t = performance.now();
const matcher = core.Matcher.fromData(data);
const fromDataMs = performance.now() - t;
t = performance.now();
matcher.scanBlock({ text, field: null });
const firstScanMs = performance.now() - t;
console.log(JSON.stringify({ loadCoreMs, parseMs, fromDataMs, firstScanMs }));
`;

export function measureStartup(opts: { coldRuns: number; warmRuns: number; sampleText: string }): StartupResult {
  const sizes = [
    'src/generated/compiled-lists.json',
    'src/generated/match-index.json',
    'dist/chrome-local/src/content/main.js',
    'dist/chrome/src/content/main.js',
    'dist/chrome/src/content/boot-module.js',
    'dist/chrome/src/content/page-reader.js',
  ]
    .map(size)
    .filter((x): x is SizeRow => x !== null);

  const indexPath = join(ROOT, 'src/generated/match-index.json');
  const json = readFileSync(indexPath, 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'ss-bench-startup-'));
  const coldRuns: { loadCoreMs: number; parseMs: number; fromDataMs: number; firstScanMs: number }[] = [];
  try {
    buildSync({
      stdin: { contents: "export { Matcher } from './src/core/matcher';", resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      minify: true,
      outfile: join(dir, 'core.mjs'),
      logLevel: 'warning',
    });
    writeFileSync(join(dir, 'child.mjs'), CHILD);
    for (let i = 0; i < opts.coldRuns; i++) {
      const out = execFileSync(
        process.execPath,
        [join(dir, 'child.mjs'), opts.sampleText, indexPath, 'file://' + join(dir, 'core.mjs')],
        { encoding: 'utf8' },
      );
      coldRuns.push(JSON.parse(out));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const parse: number[] = [];
  const build: number[] = [];
  let names = 0;
  for (let i = 0; i < opts.warmRuns; i++) {
    let t = performance.now();
    const data = JSON.parse(json) as CompiledData;
    parse.push(performance.now() - t);
    t = performance.now();
    Matcher.fromData(data);
    build.push(performance.now() - t);
    names = data.names.length;
  }
  const med = (k: keyof (typeof coldRuns)[number]) => median(coldRuns.map((r) => r[k]));
  return {
    sizes,
    cold: {
      runs: coldRuns.length,
      loadCoreMs: med('loadCoreMs'),
      parseMs: med('parseMs'),
      fromDataMs: med('fromDataMs'),
      firstScanMs: med('firstScanMs'),
    },
    warm: { runs: opts.warmRuns, parseMs: median(parse), fromDataMs: median(build) },
    names,
  };
}
