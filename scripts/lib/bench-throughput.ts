// Matcher throughput on the benchmark text against the two references, in one process and
// in interleaved rounds (floor, matcher, matcher without pre-check, floor, ...), so that
// load from other processes hits all of them alike. Each run is timed as process CPU time
// (process.cpuUsage: this process's threads only, so time spent waiting for a core another
// process holds does not count; garbage collection on helper threads does) and as wall
// time. Figures are the best of the rounds (the least disturbed); ratios are taken between
// best CPU times, and the median ratio over rounds is reported too.
import type { Matcher } from '../../src/core/matcher';
import type { CompiledData, TextBlock } from '../../src/core/types';
import type { NaiveFlavour } from './bench-references';
import type { TimedCode } from './bench-bundle';
import { aliasTexts } from './bench-names';
import { median } from './bench-report';

export interface Timing {
  /** Best and median CPU time (ms). */
  best: number;
  median: number;
  runs: number[];
  /** Best wall-clock time (ms). */
  bestWall: number;
}

export interface NaiveResult {
  flavour: NaiveFlavour | 'word-boundary-no-u';
  regexes: number;
  /** UTF-8 bytes of the slice actually run. */
  sliceBytes: number;
  ms: number;
  mbs: number;
  /** Time the naive approach would take on the whole text (linear extrapolation). */
  extrapolatedMs: number;
  found: number;
}

export interface ThroughputResult {
  label: string;
  names: number;
  bytes: number;
  floor: Timing;
  matcher: Timing;
  /** Same matcher with the hash-trie pre-check off (every block tokenised in full). */
  fullScan: Timing | null;
  /** Median over rounds of matcher time / floor time in the same round. */
  medianRatio: number;
  matches: number;
  naive: NaiveResult[];
}

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

function timing(runs: number[], wall: number[]): Timing {
  return { best: Math.min(...runs), median: median(runs), runs, bestWall: Math.min(...wall) };
}

/** CPU time of this process in ms. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Blocks from the start of the (shuffled) text, up to about `bytes`. */
function slice(blocks: readonly TextBlock[], bytes: number): { blocks: TextBlock[]; bytes: number } {
  const out: TextBlock[] = [];
  let n = 0;
  for (const b of blocks) {
    if (n >= bytes) break;
    out.push(b);
    n += utf8(b.text);
  }
  return { blocks: out, bytes: n };
}

function runNaive(
  code: TimedCode,
  blocks: readonly TextBlock[],
  aliases: string[],
  flavour: NaiveResult['flavour'],
  totalBytes: number,
  seconds: number,
): NaiveResult {
  const { chunkText, naivePass, naiveRegexes } = code;
  const regexes =
    flavour === 'word-boundary-no-u'
      ? naiveRegexes(aliases, 'word-boundary').map((r) => new RegExp(r.source, 'gi'))
      : naiveRegexes(aliases, flavour);
  // Calibrate on a small slice, then run a slice sized to take about `seconds`.
  const probe = slice(blocks, 16 * 1024);
  const chunksProbe = chunkText(probe.blocks);
  naivePass(chunksProbe, regexes); // compile and warm the regexes
  let t0 = performance.now();
  naivePass(chunksProbe, regexes);
  const perByte = (performance.now() - t0) / probe.bytes;
  const want = Math.min(totalBytes, Math.max(probe.bytes, (seconds * 1000) / Math.max(perByte, 1e-9)));
  const s = slice(blocks, want);
  const chunks = chunkText(s.blocks);
  const c0 = cpuMs();
  const found = naivePass(chunks, regexes);
  const ms = cpuMs() - c0;
  const mbs = s.bytes / 1e3 / ms;
  return {
    flavour,
    regexes: regexes.length,
    sliceBytes: s.bytes,
    ms,
    mbs,
    extrapolatedMs: totalBytes / 1e3 / mbs,
    found,
  };
}

export function measureThroughput(
  code: TimedCode,
  blocks: readonly TextBlock[],
  label: string,
  data: CompiledData,
  opts: { rounds: number; naiveSeconds: number; fullScan: boolean; log: (s: string) => void },
): ThroughputResult {
  const { Matcher, floorPass } = code;
  const bytes = blocks.reduce((n, b) => n + utf8(b.text), 0);
  const matcher = Matcher.fromData(data);
  const full = opts.fullScan ? Matcher.fromData(data, { prefilter: false }) : null;
  let matches = 0;
  const scan = (m: Matcher) => (): number => {
    let found = 0;
    for (const b of blocks) found += m.scanBlock(b).matches.length;
    matches = found;
    return found;
  };
  const fns: [string, () => number][] = [
    ['floor', () => floorPass(blocks)],
    ['matcher', scan(matcher)],
    ...(full ? ([['full', scan(full)]] as [string, () => number][]) : []),
  ];
  // Warm-up: let the JIT settle on every path before timing.
  const warm = slice(blocks, 2e6).blocks;
  for (let r = 0; r < 3; r++) {
    floorPass(warm);
    for (const b of warm) matcher.scanBlock(b);
    if (full) for (const b of warm) full.scanBlock(b);
  }
  const runs = new Map<string, number[]>(fns.map(([k]) => [k, []]));
  const walls = new Map<string, number[]>(fns.map(([k]) => [k, []]));
  for (let r = 0; r < opts.rounds; r++) {
    for (const [k, fn] of fns) {
      const w0 = performance.now();
      const c0 = cpuMs();
      fn();
      runs.get(k)!.push(cpuMs() - c0);
      walls.get(k)!.push(performance.now() - w0);
    }
    opts.log(`  ${label}: round ${r + 1}/${opts.rounds}`);
  }
  const floor = timing(runs.get('floor')!, walls.get('floor')!);
  const m = timing(runs.get('matcher')!, walls.get('matcher')!);
  const ratios = m.runs.map((t, i) => t / floor.runs[i]);
  const aliases = aliasTexts(data);
  const naive: NaiveResult[] = [];
  for (const flavour of ['word-boundary', 'unicode-lookaround', 'word-boundary-no-u'] as const) {
    opts.log(`  ${label}: naive (${flavour}), ${aliases.length} regexes`);
    naive.push(runNaive(code, blocks, aliases, flavour, bytes, opts.naiveSeconds));
  }
  return {
    label,
    names: data.names.length,
    bytes,
    floor,
    matcher: m,
    fullScan: full ? timing(runs.get('full')!, walls.get('full')!) : null,
    medianRatio: median(ratios),
    matches,
    naive,
  };
}
