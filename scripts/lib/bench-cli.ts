// The command line as a user runs it: whole processes, start-up included. The CLI is bundled
// here as scripts/build-cli.ts bundles it (one ESM file), into a temporary folder, so the
// figures are of the current source whatever dist/ holds.
//   - `scan` of 4 MB of real-world text against a bare Node process that reads the same file
//     and only lower-cases and tokenises it (the floor of bench-references.ts), in
//     interleaved rounds; and `check NAME` alone (start-up);
//   - `scan` of a long stream on standard input (plain text is read in blocks): throughput
//     and the process's peak memory, which must not grow with the input.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import type { TextBlock } from '../../src/core/types';
import { median } from './bench-report';

const ROOT = resolve(import.meta.dirname, '../..');

export interface ProcessRun {
  wallMs: number;
  /** User and system time over all the process's threads (less sensitive to other load than wall time). */
  cpuMs: number;
  maxRssMiB: number;
}

export interface CliResult {
  textBytes: number;
  rounds: number;
  floor: ProcessRun;
  scan: ProcessRun;
  check: ProcessRun;
  node: ProcessRun;
  stream: { bytes: number; wallMs: number; maxRssMiB: number; blocks: number };
}

/** Reports the process's peak memory and CPU time on stderr as it exits (the last line). */
const RSS_PROBE = `process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\nmaxrss ' + u.maxRSS + ' cpu ' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });\n`;

const FLOOR = `${RSS_PROBE}
import { readFileSync } from 'node:fs';
const WORD = /[\\p{L}\\p{N}\\p{M}]/u;
const wordClass = new Uint8Array(65536);
for (let c = 0; c < 128; c++) wordClass[c] = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 2;
for (let c = 0xd800; c <= 0xdfff; c++) wordClass[c] = 1;
const isWord = (c) => { let k = wordClass[c]; if (k === 0) k = wordClass[c] = WORD.test(String.fromCharCode(c)) ? 1 : 2; return k === 1; };
const text = new TextDecoder().decode(readFileSync(process.argv[2]));
const tokens = [];
let total = 0;
for (const line of text.split(/\\r\\n|\\n|\\r/)) {
  const lower = line.toLowerCase();
  const n = lower.length;
  let i = 0, count = 0;
  while (i < n) {
    if (!isWord(lower.charCodeAt(i))) { i++; continue; }
    const s = i; i++;
    while (i < n && isWord(lower.charCodeAt(i))) i++;
    tokens[count++] = lower.slice(s, i);
  }
  total += count;
}
process.stdout.write(total + '\\n');
`;

function bundleCli(dir: string): string {
  const outfile = join(dir, 'cli.mjs');
  // The options of scripts/build-cli.ts.
  buildSync({
    absWorkingDir: ROOT,
    entryPoints: ['src/cli/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    legalComments: 'none',
    external: ['canvas'],
    banner: {
      js: "import { createRequire as __ssCreateRequire } from 'node:module'; const require = __ssCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  const entry = join(dir, 'run-cli.mjs');
  writeFileSync(
    entry,
    `${RSS_PROBE}const { run } = await import(${JSON.stringify(outfile)});\nawait run(process.argv.slice(2));\n`,
  );
  return entry;
}

function probe(stderr: string): { maxRssMiB: number; cpuMs: number } {
  const m = /maxrss (\d+) cpu (\d+)\s*$/.exec(stderr);
  return m ? { maxRssMiB: Number(m[1]) / 1024, cpuMs: Number(m[2]) / 1000 } : { maxRssMiB: NaN, cpuMs: NaN };
}

function runOnce(args: string[]): ProcessRun {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const wallMs = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
  return { wallMs, ...probe(r.stderr) };
}

const medianRun = (runs: ProcessRun[]): ProcessRun => ({
  wallMs: median(runs.map((r) => r.wallMs)),
  cpuMs: median(runs.map((r) => r.cpuMs)),
  maxRssMiB: median(runs.map((r) => r.maxRssMiB)),
});

/** `scan -` fed `bytes` of text in 1 MiB writes; the child's wall time and peak memory. */
async function streamScan(entry: string, text: string, bytes: number): Promise<CliResult['stream']> {
  const chunk = Buffer.from(text.repeat(Math.max(1, Math.ceil((1024 * 1024) / Math.max(1, text.length)))));
  const t = performance.now();
  const child = spawn(process.execPath, [entry, 'scan', '-', '--json'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  let written = 0;
  while (written < bytes) {
    if (!child.stdin.write(chunk)) await new Promise((r) => child.stdin.once('drain', r));
    written += chunk.length;
  }
  child.stdin.end();
  const code = await exited;
  if (code !== 0) throw new Error(`scan - exited ${code}: ${stderr.slice(-500)}`);
  const result = JSON.parse(stdout) as { blocks: number };
  return { bytes: written, wallMs: performance.now() - t, maxRssMiB: probe(stderr).maxRssMiB, blocks: result.blocks };
}

export async function measureCli(opts: {
  blocks: readonly TextBlock[];
  textBytes: number;
  rounds: number;
  streamBytes: number;
  log: (s: string) => void;
}): Promise<CliResult> {
  const dir = mkdtempSync(join(tmpdir(), 'ss-bench-cli-'));
  try {
    const entry = bundleCli(dir);
    const floor = join(dir, 'floor.mjs');
    writeFileSync(floor, FLOOR);
    const lines: string[] = [];
    let bytes = 0;
    for (const b of opts.blocks) {
      const line = b.text.replace(/[\r\n]+/g, ' ');
      bytes += Buffer.byteLength(line) + 1;
      if (bytes > opts.textBytes) break;
      lines.push(line);
    }
    const text = lines.join('\n') + '\n';
    const file = join(dir, 'text.txt');
    writeFileSync(file, text);
    const runs = {
      floor: [] as ProcessRun[],
      scan: [] as ProcessRun[],
      check: [] as ProcessRun[],
      node: [] as ProcessRun[],
    };
    // Interleaved, so a burst of load from other processes hits every kind alike.
    runOnce([entry, 'scan', file, '--json']);
    for (let i = 0; i < opts.rounds; i++) {
      runs.floor.push(runOnce([floor, file]));
      runs.scan.push(runOnce([entry, 'scan', file, '--json']));
      runs.check.push(runOnce([entry, 'check', 'Heidelberg Materials AG']));
      runs.node.push(runOnce(['-e', RSS_PROBE]));
    }
    opts.log(`  streaming ${Math.round(opts.streamBytes / 1024 / 1024)} MiB through scan - ...`);
    const stream = await streamScan(entry, text, opts.streamBytes);
    return {
      textBytes: Buffer.byteLength(text),
      rounds: opts.rounds,
      floor: medianRun(runs.floor),
      scan: medianRun(runs.scan),
      check: medianRun(runs.check),
      node: medianRun(runs.node),
      stream,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
