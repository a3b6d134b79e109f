// `settlement-screen screen FILE [--column NAME] [--sheet NAME] [--json | --format csv]`:
// bulk screening of a CSV, XLSX, OCDS JSON or TED XML file with the same reader, matcher
// and CSV export as the extension's screening page. The JSON shape is a contract:
//   {"lists": [{"id", "version", "sha256", ...the list record}...],
//    "rows": [{"input", "field", "result", "matches": [...match records], "source", "lookalikes"}...],
//    "file", "sha256", "format", "sheet", "column", "header", "counts", "warnings"}
// (fields are only ever added at the end of an object).
import pkg from '../../package.json';
import type { Matcher } from '../core/matcher';
import type { FieldRole } from '../core/types';
import { listRecord, matchRecord, recordWith, type ListRecord, type MatchRecord } from '../core/match-record';
import { lookupFromCompiled } from '../ui/presentation/lookup';
import { buildBulkRecord, bulkCsv, sha256Hex } from '../ui/presentation/audit';
import {
  ScreeningInputError,
  chooseColumn,
  columnLabel,
  columnOptions,
  countResults,
  formatSource,
  inputsFromSheet,
  loadScreeningFile,
  screenAll,
  type ScreenCounts,
  type ScreenInput,
  type ScreenResult,
  type ScreenRow,
  type ScreeningWarning,
} from '../formats/tables';
import { decodeWarningText } from '../formats/decode-warnings';
import { decodeBytes } from '../formats/text-decode';
import { SCREEN_MAX_FILE_BYTES } from '../formats/limits';
import { LIMITS } from './args';
import { defaultMatcher } from './data';
import { InputError, type CliIo } from './io';
import { recordLookup } from './json-output';

const PROG = 'settlement-screen';

export const SCREEN_USAGE = `Usage:
  settlement-screen screen FILE [--column NAME] [--sheet NAME] [--json | --format csv]

Screens every name in FILE against the bundled lists, one name at a time:
  CSV / TSV / text   one name per row; with several columns, --column NAME chooses the column
                     by its header, its letter (B) or its number (2)
  XLSX               as CSV; --sheet NAME (or number) chooses the sheet, else the first with data
  OCDS JSON, TED XML every party the file names, with its role (tenderer, winner, ...)
"-" reads standard input.
--json         {"lists": [...], "rows": [{"input", "field", "result", "matches": [...]}...]}
--format csv   the same CSV as the screening page's export (one line per list entry matched)

${LIMITS}

Exit codes: 0 the screening ran (whatever it found), 2 bad input or usage, 1 internal error.`;

export type ScreenOutput = 'text' | 'json' | 'csv';

export interface ScreenArgs {
  file: string;
  column: string | null;
  sheet: string | null;
  output: ScreenOutput;
}

/** Bad command line for `screen` (exit code 2). */
export class ScreenUsageError extends Error {}

export function parseScreenArgs(args: readonly string[]): ScreenArgs | 'help' {
  const files: string[] = [];
  let column: string | null = null;
  let sheet: string | null = null;
  let output: ScreenOutput | null = null;
  const setOutput = (o: ScreenOutput) => {
    if (output !== null && output !== o) throw new ScreenUsageError('choose one output: --json or --format csv');
    output = o;
  };
  const value = (name: string, a: string, i: number): [string, number] => {
    const eq = `${name}=`;
    const v = a.startsWith(eq) ? a.slice(eq.length) : args[i + 1];
    if (v === undefined || v === '') throw new ScreenUsageError(`${name} needs a value`);
    return [v, a.startsWith(eq) ? i : i + 1];
  };
  let onlyFiles = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (onlyFiles || a === '-' || !a.startsWith('-')) files.push(a);
    else if (a === '--') onlyFiles = true;
    else if (a === '--help' || a === '-h') return 'help';
    else if (a === '--json') setOutput('json');
    else if (a === '--format' || a.startsWith('--format=')) {
      const [v, next] = value('--format', a, i);
      i = next;
      if (v !== 'csv' && v !== 'json' && v !== 'text')
        throw new ScreenUsageError(`--format must be csv, json or text (got "${v}")`);
      setOutput(v);
    } else if (a === '--column' || a.startsWith('--column=')) {
      [column, i] = value('--column', a, i);
    } else if (a === '--sheet' || a.startsWith('--sheet=')) {
      [sheet, i] = value('--sheet', a, i);
    } else throw new ScreenUsageError(`unknown option ${a} for screen (see screen --help)`);
  }
  if (files.length !== 1) throw new ScreenUsageError(`screen takes exactly one FILE (got ${files.length})`);
  return { file: files[0], column, sheet, output: output ?? 'text' };
}

/** A match in `screen` output: the match record every output shares, with its offsets in the name. */
export interface JsonScreenMatch extends MatchRecord {
  /** UTF-16 offsets into the row's input. */
  start: number;
  end: number;
}

export interface JsonScreenRow {
  input: string;
  field: FieldRole | null;
  result: ScreenResult;
  matches: JsonScreenMatch[];
  /** Where the name is in the file: "row 5, column B (Name)", "line 3", a JSON path or XPath. */
  source: string;
  /** Look-alikes in the name left clear, and why. */
  lookalikes: { text: string; notEntityName: string; reason: string; sourceUrl: string }[];
}

export interface JsonScreenResult {
  /** The list record every output shares, with id, version and sha256 first. */
  lists: ListRecord[];
  rows: JsonScreenRow[];
  file: string;
  sha256: string;
  format: string;
  sheet: string | null;
  column: string | null;
  header: boolean | null;
  counts: ScreenCounts;
  warnings: string[];
}

export function jsonRows(matcher: Matcher, rows: readonly ScreenRow[]): JsonScreenRow[] {
  const lookup = recordLookup(matcher);
  return rows.map((r) => ({
    input: r.input,
    field: r.field,
    result: r.result,
    matches: r.matches.map((m) => recordWith(matchRecord(m, lookup), { start: m.start, end: m.end })),
    source: formatSource(r.source),
    lookalikes: r.guards.map((g) => {
      const guard = matcher.guard(g.guard);
      return {
        text: g.text,
        notEntityName: guard?.notEntityName ?? '',
        reason: guard?.reason ?? '',
        sourceUrl: guard?.sourceUrl ?? '',
      };
    }),
  }));
}

function warningText(w: ScreeningWarning): string {
  return w.code === 'data-file' ? w.detail : decodeWarningText(w);
}

/**
 * An XML parser for files that are markup; anything else never needs one, and does not pay
 * the time it takes to load linkedom.
 */
async function xmlParserFor(bytes: Uint8Array): Promise<(text: string) => Document> {
  const head = decodeBytes(bytes.subarray(0, 4096))
    .text.replace(/^\uFEFF/, '')
    .trimStart();
  if (!head.startsWith('<')) {
    return () => {
      throw new Error('not XML');
    };
  }
  const { DOMParser } = await import('linkedom');
  return (text) => new DOMParser().parseFromString(text, 'text/xml') as unknown as Document;
}

function summary(file: string, counts: ScreenCounts, rows: readonly ScreenRow[]): string {
  const lines = [
    `${file}: ${counts.checked} name${counts.checked === 1 ? '' : 's'} checked: ${counts.flag} listed, ` +
      `${counts.possible} for review, ${counts.removed} removed from a list, ${counts.clear} not found`,
  ];
  const label: Record<ScreenResult, string> = {
    flag: 'FLAG    ',
    possible: 'possible',
    removed: 'removed ',
    clear: 'clear   ',
  };
  for (const r of rows) {
    if (r.result === 'clear') continue;
    const found = r.matches
      .map(
        (m) =>
          `${m.entityName} [${m.matchType}] ${m.lists.map((l) => `${l.list}: ${l.entry}${l.status === 'listed' ? '' : ` (${l.status})`}`).join('; ')}`,
      )
      .join(' | ');
    lines.push(`  ${label[r.result]} ${JSON.stringify(r.input)} (${formatSource(r.source)}) -> ${found}`);
  }
  return lines.join('\n');
}

export interface RunScreenOptions {
  matcher?: () => Matcher | Promise<Matcher>;
  now?: () => Date;
}

/** Runs `screen` with its arguments (after the word "screen"); returns the exit code. */
export async function runScreen(args: readonly string[], io: CliIo, opts: RunScreenOptions = {}): Promise<number> {
  let parsed: ScreenArgs | 'help';
  try {
    parsed = parseScreenArgs(args);
  } catch (e) {
    if (e instanceof ScreenUsageError) {
      io.err(`${PROG}: ${e.message}`);
      return 2;
    }
    throw e;
  }
  if (parsed === 'help') {
    io.out(SCREEN_USAGE);
    return 0;
  }
  const { file, output } = parsed;
  try {
    // Stops reading (standard input too) as soon as the input is over the cap.
    const bytes = await io.read(file, { bytes: SCREEN_MAX_FILE_BYTES, what: 'screen reads files of' });
    const loaded = await loadScreeningFile(file === '-' ? '' : file, bytes, await xmlParserFor(bytes));
    const warnings = loaded.warnings.map(warningText);
    let inputs: ScreenInput[];
    let table: { sheet: string | null; column: string; header: boolean } | null = null;
    if (loaded.kind === 'names') {
      if (parsed.column || parsed.sheet)
        warnings.push(`--column and --sheet apply to CSV and XLSX files only; ${loaded.format} names every party`);
      inputs = loaded.inputs;
    } else {
      const choice = chooseColumn(loaded.sheets, { sheet: parsed.sheet, column: parsed.column });
      const sheet = loaded.sheets[choice.sheet];
      const { inputs: fromSheet, emptyRows } = inputsFromSheet(sheet, choice);
      inputs = fromSheet;
      if (emptyRows.length > 0) {
        const shown = emptyRows.slice(0, 10).join(', ');
        warnings.push(
          `${emptyRows.length} row(s) with an empty name cell were skipped (rows ${shown}${emptyRows.length > 10 ? ', ...' : ''})`,
        );
      }
      const option = columnOptions(sheet, choice.header)[choice.column];
      table = {
        sheet: sheet.name,
        column: option ? columnLabel(option) : String(choice.column + 1),
        header: choice.header,
      };
    }
    for (const w of warnings) io.err(`${PROG}: ${file}: ${w}`);
    const matcher = await (opts.matcher ?? defaultMatcher)();
    const rows = screenAll(matcher, inputs);
    const sha256 = await sha256Hex(bytes);
    const lists = matcher.data.lists;
    if (output === 'json') {
      const result: JsonScreenResult = {
        lists: lists.map(listRecord),
        rows: jsonRows(matcher, rows),
        file,
        sha256,
        format: loaded.format,
        sheet: table?.sheet ?? null,
        column: table?.column ?? null,
        header: table?.header ?? null,
        counts: countResults(rows),
        warnings,
      };
      io.out(JSON.stringify(result));
    } else if (output === 'csv') {
      const record = buildBulkRecord(
        {
          lists,
          enabledLists: {},
          dismissals: [],
          lookup: lookupFromCompiled(matcher.data),
          generator: { name: 'settlement-screen', version: pkg.version },
          now: opts.now,
        },
        rows,
        {
          fileName: file,
          sha256,
          bytes: bytes.length,
          format: loaded.format,
          sheet: table?.sheet ?? null,
          column: table?.column ?? null,
          header: table?.header ?? null,
        },
        warnings,
      );
      // io.out adds the final newline; the CSV already ends with CRLF.
      io.out(bulkCsv(record).replace(/\r\n$/, ''));
    } else {
      io.out(summary(file, countResults(rows), rows));
    }
    return 0;
  } catch (e) {
    if (e instanceof ScreeningInputError) {
      io.err(`${PROG}: ${file}: ${e.message}`);
      return 2;
    }
    if (e instanceof InputError) {
      io.err(`${PROG}: ${e.message}`);
      return 2;
    }
    io.err(`${PROG}: internal error: ${(e as Error)?.stack ?? String(e)}`);
    return 1;
  }
}
