// `settlement-screen screen FILE`: the JSON contract ({lists, rows}), CSV output identical in
// columns to the screening page's export, --column/--sheet, and exit codes with one-line
// messages for bad input.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/universal';
import { buildCompiledData } from '../../scripts/build-data';
import { Matcher } from '../../src/core/matcher';
import { InputError, type CliIo } from '../../src/cli/io';
import { parseScreenArgs, runScreen, ScreenUsageError, type JsonScreenResult } from '../../src/cli/screen';
import { BULK_CSV_COLUMNS } from '../../src/ui/presentation/audit';

let matcher: Matcher;
beforeAll(() => {
  matcher = Matcher.fromData(buildCompiledData());
});

async function run(args: string[], files: Record<string, string | Uint8Array> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    read: async (f) => {
      const v = files[f];
      if (v === undefined) throw new InputError(`cannot read ${f}: no such file`);
      return typeof v === 'string' ? new TextEncoder().encode(v) : v;
    },
  };
  const code = await runScreen(args, io, { matcher: () => matcher, now: () => new Date('2026-11-23T10:00:00Z') });
  return { code, out, err, json: () => JSON.parse(out.join('\n')) as JsonScreenResult };
}

const BIDDERS = 'Lot;Inschrijver;Land\n1;Elbit Systems Ltd;IL\n2;Acme Bakery BV;NL\n3;Volvo Cars;SE\n4;CAT;US\n';

describe('screen --json', () => {
  it('prints {lists, rows} with every list version and hash and every row in order', async () => {
    const r = await run(['bidders.csv', '--json'], { 'bidders.csv': BIDDERS });
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    const j = r.json();
    expect(Object.keys(j).slice(0, 2)).toEqual(['lists', 'rows']);
    // Every list with its version and hash first; the whole list record follows.
    expect(j.lists).toEqual(
      matcher.data.lists.map((l) => expect.objectContaining({ id: l.id, version: l.version, sha256: l.sha256 })),
    );
    expect(j.lists.map((l) => Object.keys(l).slice(0, 3))).toEqual(j.lists.map(() => ['id', 'version', 'sha256']));
    expect(j.rows.map((x) => [x.input, x.field, x.result])).toEqual([
      ['Elbit Systems Ltd', null, 'flag'],
      ['Acme Bakery BV', null, 'clear'],
      ['Volvo Cars', null, 'clear'],
      ['CAT', null, 'possible'],
    ]);
    expect(Object.keys(j.rows[0]).slice(0, 4)).toEqual(['input', 'field', 'result', 'matches']);
    const m = j.rows[0].matches[0];
    expect(Object.keys(m)).toEqual([
      'text',
      'level',
      'matchType',
      'entity',
      'entityName',
      'name',
      'lists',
      'field',
      'evidence',
      'start',
      'end',
      'rule',
    ]);
    expect(m.lists.length).toBeGreaterThan(0);
    expect(j.rows[2].lookalikes[0].notEntityName).toBe('Volvo Group');
    expect(j.rows[1].source).toBe('row 3, column B (Inschrijver)');
    expect(j).toMatchObject({ file: 'bidders.csv', format: 'csv', column: 'B (Inschrijver)', header: true });
    expect(j.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(j.counts).toEqual({ checked: 4, flag: 1, possible: 1, removed: 0, clear: 2 });
  });

  it('screens a TED notice with the roles the file states', async () => {
    const xml = readFileSync(new URL('../fixtures/data-files/ted-xml-r209-20-157543.xml', import.meta.url));
    const r = await run(['notice.xml', '--json'], { 'notice.xml': new Uint8Array(xml) });
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.format).toBe('ted-xml-r209');
    expect(j.rows.length).toBeGreaterThan(0);
    expect(j.rows.some((x) => x.field !== null)).toBe(true);
    expect(j.rows.every((x) => x.source.startsWith('/'))).toBe(true);
  });

  it('reads an XLSX sheet and column chosen by name', async () => {
    const blob = await (writeXlsxFile as unknown as (s: unknown) => { toBlob(): Promise<Blob> })([
      { sheet: 'Info', data: [[{ value: 'x' }]] },
      {
        sheet: 'Bidders',
        data: [
          [{ value: 'Ref' }, { value: 'Firm' }],
          [{ value: 1 }, { value: 'Heidelberg Materials AG' }],
        ],
      },
    ]).toBlob();
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const r = await run(['b.xlsx', '--sheet', 'Bidders', '--column', 'firm', '--json'], { 'b.xlsx': bytes });
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.rows.map((x) => [x.input, x.result])).toEqual([['Heidelberg Materials AG', 'flag']]);
    expect(j).toMatchObject({ format: 'xlsx', sheet: 'Bidders', column: 'B (Firm)' });
  });
});

describe('screen --format csv', () => {
  it('writes the same columns as the page export, one line per list entry', async () => {
    const r = await run(['bidders.csv', '--format', 'csv'], { 'bidders.csv': BIDDERS });
    expect(r.code).toBe(0);
    const parsed = Papa.parse<string[]>(r.out.join('\n'), { delimiter: ',' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual([...BULK_CSV_COLUMNS]);
    const rowCol = BULK_CSV_COLUMNS.indexOf('row');
    expect([...new Set(parsed.data.slice(1).map((l) => l[rowCol]))]).toEqual(['1', '2', '3', '4']);
    expect(parsed.data[1][BULK_CSV_COLUMNS.indexOf('checked_at')]).toBe('2026-11-23T10:00:00.000Z');
    expect(parsed.data[1][BULK_CSV_COLUMNS.indexOf('input_file')]).toBe('bidders.csv');
  });
});

describe('screen: readable summary, usage and bad input', () => {
  it('prints a summary line and one line per finding by default', async () => {
    const r = await run(['bidders.csv'], { 'bidders.csv': BIDDERS });
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(
      /^bidders\.csv: 4 names checked: 1 listed, 1 for review, 0 removed from a list, 2 not found\n {2}FLAG {5}"Elbit Systems Ltd" \(row 2, column B \(Inschrijver\)\) -> /,
    );
  });

  it('parses its arguments', () => {
    expect(parseScreenArgs(['f.csv'])).toEqual({ file: 'f.csv', column: null, sheet: null, output: 'text' });
    expect(parseScreenArgs(['--column=Naam', 'f.csv', '--json'])).toEqual({
      file: 'f.csv',
      column: 'Naam',
      sheet: null,
      output: 'json',
    });
    expect(parseScreenArgs(['f.csv', '--format', 'csv', '--sheet', '2'])).toMatchObject({ output: 'csv', sheet: '2' });
    expect(parseScreenArgs(['--help'])).toBe('help');
    expect(() => parseScreenArgs([])).toThrow(ScreenUsageError);
    expect(() => parseScreenArgs(['a.csv', 'b.csv'])).toThrow(/exactly one FILE/);
    expect(() => parseScreenArgs(['a.csv', '--json', '--format', 'csv'])).toThrow(/choose one output/);
    expect(() => parseScreenArgs(['a.csv', '--format', 'xml'])).toThrow(/--format/);
    expect(() => parseScreenArgs(['a.csv', '--column'])).toThrow(/--column needs a value/);
  });

  it('exits 2 with what and where for bad files, and prints nothing on stdout', async () => {
    const cases: [string, string, RegExp][] = [
      [
        'cut.csv',
        'Name,Country\nAcme,NL\n"Motorola Solutions, Inc.,US\n',
        /cut\.csv: row 3, column A: a quoted cell is never closed/,
      ],
      [
        'comma.csv',
        'Name,Country\nMotorola Solutions, Inc.,US\n',
        /comma\.csv: row 2, column C: this row has 3 cells but the first row has 2/,
      ],
      [
        'two.csv',
        'Supplier,Bidder\nA,B\n',
        /two\.csv: the file has several columns \(A \(Supplier\), B \(Bidder\)\): choose the one with the names/,
      ],
      ['x.csv', 'Name\nAcme\n', /x\.csv: no column "Firm"; the columns are: A \(Name\)/],
      ['cut.json', '{"ocid": "ocds-1", "parties": [', /^settlement-screen: cut\.json: invalid JSON/],
    ];
    for (const [file, content, message] of cases) {
      const args = file === 'x.csv' ? [file, '--column', 'Firm', '--json'] : [file, '--json'];
      const r = await run(args, { [file]: content });
      expect(r.code, file).toBe(2);
      expect(r.out, file).toEqual([]);
      expect(r.err.join('\n'), file).toMatch(message);
    }
    const missing = await run(['nope.csv']);
    expect(missing.code).toBe(2);
    expect(missing.err).toEqual(['settlement-screen: cannot read nope.csv: no such file']);
    const usage = await run(['a.csv', '--bogus']);
    expect(usage.code).toBe(2);
    expect(usage.err[0]).toMatch(/unknown option --bogus/);
  });
});
