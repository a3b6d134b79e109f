// `settlement-screen`: the extension's matching pipeline on files and names, for tests,
// screening and scripting. Same core, same page-to-blocks code as the content script.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pkg from '../../package.json';
import type { Matcher } from '../core/matcher';
import { scanPage } from '../core/page';
import type { TextBlock } from '../core/types';
import { parseArgs, USAGE, UsageError, type Command } from './args';
import { defaultMatcher } from './data';
import { InputError, inputLabel, nodeIo, type CliIo } from './io';
import { scanInput } from './scan-input';
import { buildResult, formatSummary, type JsonResult, type ResultHead } from './json-output';

const PROG = 'settlement-screen';

export interface MainOptions {
  io?: CliIo;
  /** Defaults to the bundled compiled lists. */
  matcher?: () => Matcher | Promise<Matcher>;
}

/** Runs one command line; returns the exit code (0 ran, 2 bad input, 1 internal error). */
export async function main(argv: readonly string[], opts: MainOptions = {}): Promise<number> {
  const io = opts.io ?? nodeIo;
  const getMatcher = opts.matcher ?? defaultMatcher;
  // `screen` (bulk screening, src/cli/screen.ts) has its own options and output contract.
  // Loaded only for `screen`: its readers (spreadsheets, CSV, the audit record) are not
  // needed to scan a file or check a name, and loading them costs start-up time.
  if (argv[0] === 'screen') {
    const { runScreen } = await import('./screen');
    return runScreen(argv.slice(1), io, { matcher: getMatcher });
  }
  let cmd: Command;
  try {
    cmd = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${PROG}: ${e.message}`);
      return 2;
    }
    throw e;
  }
  try {
    switch (cmd.kind) {
      case 'help':
        io.out(USAGE);
        return 0;
      case 'version':
        io.out(pkg.version);
        return 0;
      case 'check': {
        const blocks: TextBlock[] = [{ text: cmd.name, field: null }];
        const head = { file: null, input: cmd.name, url: null, format: 'text', warnings: [] };
        const r = scanBlocks(await getMatcher(), head, blocks);
        io.out(cmd.json ? JSON.stringify(r) : formatSummary(r));
        return 0;
      }
      case 'scan':
        return await scanFiles(cmd, io, getMatcher);
    }
  } catch (e) {
    if (e instanceof InputError || e instanceof UsageError) {
      io.err(`${PROG}: ${e.message}`);
      return 2;
    }
    io.err(`${PROG}: internal error: ${(e as Error)?.stack ?? String(e)}`);
    return 1;
  }
}

async function scanFiles(
  cmd: Extract<Command, { kind: 'scan' }>,
  io: CliIo,
  getMatcher: () => Matcher | Promise<Matcher>,
): Promise<number> {
  if (cmd.files.filter((f) => f === '-').length > 1) {
    throw new UsageError('"-" (standard input) can be given only once');
  }
  // Read and scan every input before printing anything: a bad path or a malformed data
  // file fails the whole run with no partial output, so scripts never mistake a half run
  // for a clean one.
  const matcher = await getMatcher();
  const results: JsonResult[] = [];
  for (const file of cmd.files) {
    const scanned = await scanInput(io, file, cmd.url, matcher);
    for (const w of scanned.decodeWarnings) io.err(`${PROG}: ${inputLabel(file)}: ${w}`);
    results.push(scanned.result);
  }
  for (const r of results) io.out(cmd.json ? JSON.stringify(r) : formatSummary(r));
  return 0;
}

function scanBlocks(matcher: Matcher, head: ResultHead, blocks: TextBlock[]): JsonResult {
  return buildResult(matcher, head, blocks, scanPage(matcher, blocks));
}

/** Process entry: used by bin/settlement-screen.mjs and when the bundle is run directly. */
export async function run(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  // `settlement-screen scan ... | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  process.exitCode = await main(argv);
}

function isEntryPoint(): boolean {
  const argv1 = process.argv[1];
  if (!argv1) return false;
  try {
    return realpathSync(argv1) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) void run();
