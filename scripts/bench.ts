// `npm run bench`: how fast the matcher and the content script are, as tables (Markdown).
//  1. Matcher throughput on tens of MB of real-world text at the bundled list size and at
//     10x (synthetic names), against the naive one-regex-per-alias approach and a floor.
//  2. Start-up: compiled data size, JSON.parse + Matcher.fromData, cold and warm.
//  3. The built extension in real Chromium: a very large page, a notice with thousands of
//     organisations, and an infinite-scroll page (scripting time, longest task, time to
//     first flag, cost per appended batch, memory).
//  4. Page loads with and without the extension, on pages served under the real addresses
//     where the content script runs (a trivial page, five saved product pages): long tasks
//     per load, the extension's compile, evaluation and calls, memory per extra tab, the
//     service worker waking for a page, and Firefox's own figures (bench-loads.ts).
//  5. The command line as whole processes: `scan` of 4 MB against a bare Node floor, start-up,
//     and a long stream on standard input with its peak memory.
//  6. Every reader on damaged and hostile input (deep nesting, workbook bombs, huge tables).
// Every run also proves, with an equivalence check, that the fast paths change no result.
//
// Options: --quick (a short run), --no-browser, --browser-only (sections 3 and 4), --mb N (text size), --json FILE (results),
// --unminified (measure an unminified build, to see which functions the time goes to),
// --loads N (page loads per page and condition in section 4), --no-firefox, --loads-only (section 4 alone),
// --startup-only (the trivial page's loads and memory per tab alone), --sheet-only (what the marks' style sheet
// costs a page already styled, alone).
// Figures of one full run are kept in README.md ("Performance"); docs/performance.md
// explains the design choices. Progress goes to stderr, tables to stdout.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CompiledData } from '../src/core/types';
import { buildCorpus, loadSources } from './lib/bench-corpus';
import { vocabulary, withSyntheticNames } from './lib/bench-names';
import { runChecks } from './lib/bench-check';
import { measureThroughput, type ThroughputResult } from './lib/bench-throughput';
import { loadTimedCode } from './lib/bench-bundle';
import { measureStartup } from './lib/bench-startup';
import { fmt, machine, table } from './lib/bench-report';
import { runBrowserBench, printBrowserResults } from './lib/bench-browser';
import { printLoadResults, runLoadBench } from './lib/bench-loads';
import { measureCli } from './lib/bench-cli';
import { printCliResults, printReaderResults } from './lib/bench-cli-report';
import { measureReaders } from './lib/bench-readers';
import { Matcher } from '../src/core/matcher';
import { CHROMIUM_PATH } from './lib/harness/browsers';
import { printMarksSheetResults, runMarksSheetBench } from './lib/bench-marks-sheet';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const noBrowser = args.includes('--no-browser');
const unminified = args.includes('--unminified');
const argValue = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const targetMB = Number(argValue('--mb') ?? (quick ? 4 : 32));
const jsonOut = argValue('--json');
const loadsArg = argValue('--loads');
const noFirefox = args.includes('--no-firefox');
const browserOnly = args.includes('--browser-only');
const startupOnly = args.includes('--startup-only');
const loadsOnly = args.includes('--loads-only');
const sheetOnly = args.includes('--sheet-only');

const log = (s: string): void => void process.stderr.write(s + '\n');
const out = (s = ''): void => void process.stdout.write(s + '\n');

/** Sections 3 and 4: the built extension in Chromium (and Firefox), page loads with and without it. */
async function browserSections(results: Record<string, unknown>): Promise<void> {
  log('Chromium ...');
  const browser = await runBrowserBench({ quick, unminified, log });
  results.browser = browser;
  out();
  printBrowserResults(browser, out);
  await sheetSection(results);
  log('page loads with and without the extension ...');
  await loadSection(results);
}

/** Section 3's restyle, apart: what adopting the marks' style sheet costs a page already styled. */
async function sheetSection(results: Record<string, unknown>): Promise<void> {
  const rows = await runMarksSheetBench({ quick, log });
  results.marksSheet = rows;
  printMarksSheetResults(rows, out);
}

/** Section 4: page loads with and without the extension (trivial page, product pages, memory, Firefox). */
async function loadSection(results: Record<string, unknown>): Promise<void> {
  const loads = await runLoadBench({
    quick,
    log,
    loads: loadsArg ? Number(loadsArg) : undefined,
    firefox: !noFirefox,
  });
  results.loads = loads;
  printLoadResults(loads, out);
}

async function main(): Promise<number> {
  const results: Record<string, unknown> = { quick };
  const m = machine(CHROMIUM_PATH);
  results.machine = m;
  out(`# Settlement Screen benchmark${quick ? ' (--quick)' : ''}`);
  out();
  out(
    table(
      ['Machine', ''],
      [
        ['CPU', m.cpu],
        ['Cores', m.cores],
        ['Memory', `${m.memoryGiB} GiB`],
        ['OS', m.os],
        ['Node', m.node],
        ['Chromium', m.chromium],
        ['Load average at start (1, 5, 15 min)', m.loadAverage],
      ],
    ),
  );
  if (startupOnly) {
    // The trivial page's loads and memory per tab alone: a quick look while working on start-up.
    const loads = await runLoadBench({ quick, log, loads: loadsArg ? Number(loadsArg) : undefined, startupOnly });
    results.loads = loads;
    printLoadResults(loads, out);
    if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2));
    return 0;
  }
  if (sheetOnly) {
    await sheetSection(results);
    if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2));
    return 0;
  }
  if (loadsOnly) {
    // Section 4 alone: the trivial page and the product pages, with and without the extension.
    await loadSection(results);
    if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2));
    return 0;
  }
  if (browserOnly) {
    // The browser sections alone (the matcher and the CLI are measured without a browser).
    await browserSections(results);
    if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2));
    return 0;
  }

  // ---- Data ----
  log('building the benchmark text ...');
  const sources = loadSources();
  const corpus = buildCorpus(targetMB * 1e6, sources);
  const distinct = sources.flatMap((s) => s.blocks).filter((b) => b.text.length > 0);
  const bundled = JSON.parse(readFileSync(resolve('src/generated/match-index.json'), 'utf8')) as CompiledData;
  const tenfold = withSyntheticNames(bundled, bundled.names.length * 10, vocabulary(distinct));
  out();
  out('## Benchmark text');
  out();
  const kinds = new Map<string, { files: Set<string>; chars: number }>();
  for (const s of sources) {
    const k = kinds.get(s.kind) ?? { files: new Set(), chars: 0 };
    k.files.add(s.name);
    k.chars += s.blocks.reduce((n, b) => n + b.text.length, 0);
    kinds.set(s.kind, k);
  }
  const KIND_LABEL: Record<string, string> = {
    page: 'visible text of real saved pages (CLI HTML-to-blocks)',
    'notice-text': 'full text of real TED / procurement XML notices',
    'record-text': 'string values of real OCDS and product-data JSON',
    names: 'names with roles from the TED/OCDS parsers',
    corpus: 'evaluation corpus pages and snippets (nl, fr, en, de, es)',
  };
  out(
    table(
      ['Source', 'Files', 'Distinct characters'],
      [...kinds].map(([k, v]) => [KIND_LABEL[k] ?? k, v.files.size, v.chars.toLocaleString('en')]),
    ),
  );
  out();
  out(
    `Distinct text ${fmt.mb(corpus.uniqueChars)} (characters), repeated in shuffled order to ` +
      `${fmt.mb(corpus.bytes)} of UTF-8 in ${corpus.blocks.length.toLocaleString('en')} blocks; ` +
      `${(corpus.nonAsciiShare * 100).toFixed(1)}% of code units non-ASCII. Lists: bundled ` +
      `${bundled.names.length} names and aliases (${bundled.guards.length} look-alike guards); 10x: ` +
      `${tenfold.names.length} (synthetic company names that occur nowhere in the text).`,
  );

  // ---- Throughput ----
  // Timed first, before the equivalence check feeds the tokenizer and the matcher strings
  // and blocks no page produces (the type feedback V8 collects follows what ran before), and
  // on the code as it ships: one minified bundle (scripts/lib/bench-bundle.ts).
  const rounds = 7;
  const naiveSeconds = quick ? 0.7 : 4;
  const throughput: ThroughputResult[] = [];
  const code = await loadTimedCode();
  for (const [label, data] of [
    ['bundled lists', bundled],
    ['10x lists', tenfold],
  ] as const) {
    log(`throughput, ${label} ...`);
    throughput.push(measureThroughput(code, corpus.blocks, label, data, { rounds, naiveSeconds, fullScan: true, log }));
  }
  results.throughput = throughput;

  // ---- Equivalence (printed first: it says whether the timed code gives the same results) ----
  log('equivalence check ...');
  const checks = runChecks(
    {
      blocks: distinct,
      datasets: [
        ['bundled lists', bundled],
        ['10x lists', tenfold],
        ['one list enabled', bundled, { enabledLists: new Set([bundled.lists[0].id]) }],
      ],
    },
    quick,
  );
  results.checks = checks;
  out();
  out('## Equivalence check (the fast paths change no result)');
  out();
  out(
    table(
      ['Check', 'Cases', 'Differences', 'Time'],
      checks.map((c) => [c.name, c.cases.toLocaleString('en'), c.differences, fmt.ms(c.ms)]),
    ),
  );
  const failed = checks.filter((c) => c.differences > 0);
  for (const c of failed) for (const e of c.examples) out(`- ${c.name}: ${e}`);

  out();
  out(`## 1. Matcher throughput (${fmt.mb(corpus.bytes)} of text; CPU time, best of ${rounds} interleaved rounds)`);
  out();
  const rows: (string | number)[][] = [];
  for (const t of throughput) {
    const mbs = (ms: number) => fmt.mbs(t.bytes / 1e3 / ms);
    rows.push([
      `${t.label} (${t.names} names): floor (lower-case + tokenise)`,
      fmt.ms(t.floor.best),
      fmt.ms(t.floor.bestWall),
      mbs(t.floor.best),
      '1.00x',
      '',
    ]);
    rows.push([
      `${t.label}: matcher (scanBlock)`,
      fmt.ms(t.matcher.best),
      fmt.ms(t.matcher.bestWall),
      mbs(t.matcher.best),
      `${fmt.x(t.matcher.best / t.floor.best)} (median ${fmt.x(t.medianRatio)})`,
      `${t.matches.toLocaleString('en')} matches`,
    ]);
    if (t.fullScan) {
      rows.push([
        `${t.label}: matcher without pre-check`,
        fmt.ms(t.fullScan.best),
        fmt.ms(t.fullScan.bestWall),
        mbs(t.fullScan.best),
        fmt.x(t.fullScan.best / t.floor.best),
        'every block tokenised into strings and walked',
      ]);
    }
    for (const n of t.naive) {
      const label = {
        'word-boundary': "naive: new RegExp('\\\\b' + alias + '\\\\b', 'giu')",
        'unicode-lookaround': 'naive: \\p{L}\\p{N} lookarounds, giu',
        'word-boundary-no-u': "naive: '\\\\b' ... '\\\\b', 'gi' (no u flag)",
      }[n.flavour];
      rows.push([
        `${t.label}: ${label}`,
        `${fmt.ms(n.extrapolatedMs)}*`,
        '',
        fmt.mbs(n.mbs),
        fmt.x(n.extrapolatedMs / t.floor.best),
        `${fmt.x(n.extrapolatedMs / t.matcher.best)} the matcher's time; ${n.regexes} regexes run on ${fmt.mb(n.sliceBytes)}`,
      ]);
    }
  }
  out(table(['Approach', 'CPU time', 'Wall time', 'Throughput (CPU)', 'x floor', 'Notes'], rows));
  out();
  out(
    '\\* naive times are measured on the slice given in the notes (the first blocks of the same ' +
      'shuffled text) and extrapolated linearly to the whole text.',
  );
  const full = throughput[0];
  const ten = throughput[1];
  const slowestNaiveRatio = Math.min(...ten.naive.map((n) => n.extrapolatedMs / ten.matcher.best));
  out();
  out(
    table(
      ['Target', 'Measured', 'Holds'],
      [
        [
          'matcher within 1.5x of the floor (bundled lists)',
          `${fmt.x(full.matcher.best / full.floor.best)} (median of rounds ${fmt.x(full.medianRatio)})`,
          full.matcher.best / full.floor.best <= 1.5 ? 'yes' : 'NO',
        ],
        [
          'matcher at least 50x faster than naive (10x lists, fastest naive flavour)',
          fmt.x(slowestNaiveRatio),
          slowestNaiveRatio >= 50 ? 'yes' : 'NO',
        ],
      ],
    ),
  );

  // ---- Start-up ----
  log('start-up ...');
  const sample = corpus.blocks.find((b) => b.text.length > 200)?.text ?? 'Heidelberg Materials AG';
  const startup = measureStartup({ coldRuns: quick ? 5 : 15, warmRuns: quick ? 10 : 30, sampleText: sample });
  results.startup = startup;
  out();
  out('## 2. Start-up and data size');
  out();
  out(
    table(
      ['File', 'Raw', 'gzip -9'],
      startup.sizes.map((s) => [s.file, fmt.kb(s.raw), fmt.kb(s.gzip)]),
    ),
  );
  out();
  out(
    table(
      [
        'Step (match-index.json, ' + startup.names + ' names)',
        `Cold (median of ${startup.cold.runs} fresh processes)`,
        `Warm (median of ${startup.warm.runs})`,
      ],
      [
        ['load the core (bundled, minified)', fmt.ms(startup.cold.loadCoreMs), ''],
        ['JSON.parse', fmt.ms(startup.cold.parseMs), fmt.ms(startup.warm.parseMs)],
        ['Matcher.fromData', fmt.ms(startup.cold.fromDataMs), fmt.ms(startup.warm.fromDataMs)],
        [
          'ready matcher (JSON.parse + fromData)',
          fmt.ms(startup.cold.parseMs + startup.cold.fromDataMs),
          fmt.ms(startup.warm.parseMs + startup.warm.fromDataMs),
        ],
        ['first scanBlock (cold code)', fmt.ms(startup.cold.firstScanMs), ''],
      ],
    ),
  );

  if (!noBrowser) await browserSections(results);

  // ---- The command line and its readers ----
  log('command line ...');
  const cli = await measureCli({
    blocks: corpus.blocks,
    textBytes: 4e6,
    rounds: quick ? 3 : 7,
    streamBytes: (quick ? 256 : 2048) * 1024 * 1024,
    log,
  });
  results.cli = cli;
  printCliResults(cli, out);
  log('readers on damaged input ...');
  const compiledLists = JSON.parse(readFileSync(resolve('src/generated/compiled-lists.json'), 'utf8')) as CompiledData;
  const readers = await measureReaders({ quick, matcher: Matcher.fromData(compiledLists), log });
  results.readers = readers;
  printReaderResults(readers, out);

  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2));
  if (failed.length > 0) {
    out();
    out(`EQUIVALENCE CHECK FAILED: ${failed.map((c) => c.name).join('; ')}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
