// The CLI in-process: argument parsing, input decoding, HTML and text scanning, the JSON
// contract and exit codes. Data: compiled from data/ by the build's own compiler.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCompiledData } from '../../scripts/build-data';
import { Matcher } from '../../src/core/matcher';
import { parseArgs, UsageError } from '../../src/cli/args';
import { decodeInput, looksLikeHtml } from '../../src/cli/decode';
import { blocksFromText } from '../../src/cli/text-blocks';
import { blocksFromHtml } from '../../src/cli/html-blocks';
import { InputError, readInputFile, type CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import type { JsonResult } from '../../src/cli/json-output';
import pkg from '../../package.json';

const OHCHR = 'ohchr-bhr-database-hrc-31-36';
/** An entry of the UN database as a match record names it (tests/unit/match-record-contract.test.ts pins the rest). */
const ohchrEntry = (entry: string) =>
  expect.objectContaining({ list: OHCHR, entry, status: 'listed', kind: 'un-database', standing: 'listed' });
let matcher: Matcher;
beforeAll(() => {
  matcher = Matcher.fromData(buildCompiledData());
});

/** Runs the CLI with in-memory files; returns exit code and what it printed. */
async function run(argv: string[], files: Record<string, string | Uint8Array> = {}) {
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
  const code = await main(argv, { io, matcher: () => matcher });
  return { code, out, err, json: () => out.map((l) => JSON.parse(l) as JsonResult) };
}

const TENDER = `<!doctype html><html><head><title>Heidelberg Materials AG</title>
<script>var s = "Motorola Solutions, Inc.";</script><style>.x{}</style></head><body>
<h1>Award notice</h1>
<table><tr><th>Contractor</th><td>Heidelberg Materials AG</td></tr></table>
<p>The site lies in the Delta. We work in partnership with Delta partners.</p>
<p hidden>Booking.com B.V.</p>
<div style="display:none">Airbnb Inc.</div>
<p>Sold by <b>AHAVA</b> – Dead Sea <i>Laboratories</i> Ltd.</p>
<textarea>Expedia Group Inc.</textarea>
</body></html>`;

describe('parseArgs', () => {
  it('parses scan with files, --url and --json in any order', () => {
    expect(parseArgs(['scan', 'a.html', '--json', 'b.txt', '--url', 'https://www.tenderned.nl/x'])).toEqual({
      kind: 'scan',
      files: ['a.html', 'b.txt'],
      url: 'https://www.tenderned.nl/x',
      json: true,
    });
    expect(parseArgs(['--url=https://ted.europa.eu/', 'scan', '-'])).toMatchObject({
      files: ['-'],
      url: 'https://ted.europa.eu/',
    });
    expect(parseArgs(['scan', '--', '--odd-name.txt'])).toMatchObject({ files: ['--odd-name.txt'] });
  });
  it('parses check, help and version', () => {
    expect(parseArgs(['check', 'Booking.com B.V.', '--json'])).toEqual({
      kind: 'check',
      name: 'Booking.com B.V.',
      json: true,
    });
    expect(parseArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['scan', 'x', '-h'])).toEqual({ kind: 'help' });
    expect(parseArgs(['--version'])).toEqual({ kind: 'version' });
  });
  it.each([
    [[], /no command/],
    [['scan'], /at least one FILE/],
    [['check'], /exactly one NAME/],
    [['check', 'a', 'b'], /exactly one NAME/],
    [['check', ' '], /non-empty/],
    [['scan', 'a', '--url'], /needs a value/],
    [['scan', 'a', '--url', 'javascript:alert(1)'], /not an http/],
    [['scan', 'a', '--frob'], /unknown option --frob/],
    [['grep', 'a'], /unknown command "grep"/],
    [['check', 'x', '--url', 'https://a.b/'], /scan only/],
  ])('rejects %j', (argv, msg) => {
    expect(() => parseArgs(argv as string[])).toThrow(UsageError);
    expect(() => parseArgs(argv as string[])).toThrow(msg);
  });
});

describe('input decoding', () => {
  it('decodes UTF-8 and drops a byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Ahava – Dead Sea')]);
    expect(decodeInput(bytes)).toEqual({ text: 'Ahava – Dead Sea', encoding: 'utf-8', warnings: [] });
  });
  it('falls back to windows-1252 when the bytes are not UTF-8', () => {
    // 0x96 is the en dash in windows-1252 and invalid on its own in UTF-8.
    const bytes = new Uint8Array([
      0x41, 0x68, 0x61, 0x76, 0x61, 0x20, 0x96, 0x20, 0x53, 0x6f, 0x63, 0x69, 0xe9, 0x74, 0xe9,
    ]);
    expect(decodeInput(bytes)).toEqual({
      text: 'Ahava – Société',
      encoding: 'windows-1252',
      warnings: ['not valid UTF-8; read as windows-1252: check that accented names look right'],
    });
  });
  it('tells HTML from text by content, then by extension', () => {
    expect(looksLikeHtml('page.HTM', 'plain')).toBe(true);
    expect(looksLikeHtml('saved.txt', '<html lang="en"><p>x')).toBe(true);
    expect(looksLikeHtml('names.txt', 'Booking.com <b>B.V.</b>')).toBe(false);
    expect(looksLikeHtml('saved', '\n  <!DOCTYPE html><p>x')).toBe(true);
    expect(looksLikeHtml(null, '<HTML lang="nl">')).toBe(true);
    expect(looksLikeHtml('list', 'Booking.com B.V.\n<b>not html</b>')).toBe(false);
  });
});

describe('blocks', () => {
  it('text: each non-empty line is a block, CRLF or LF', () => {
    expect(blocksFromText('Heidelberg Materials AG\r\n\r\n  \nBooking.com\rlast')).toEqual([
      { text: 'Heidelberg Materials AG', field: null },
      { text: 'Booking.com', field: null },
      { text: 'last', field: null },
    ]);
  });
  it('HTML: visible text only, inline markup joined, hidden/script/form text skipped', () => {
    const texts = blocksFromHtml(TENDER, null).map((b) => b.text);
    expect(texts).toContain('Heidelberg Materials AG');
    expect(texts).toContain('Sold by AHAVA – Dead Sea Laboratories Ltd.');
    const all = texts.join('\n');
    for (const hidden of ['Motorola', 'Booking.com', 'Airbnb', 'Expedia', '.x{}']) expect(all).not.toContain(hidden);
    // The <title> is not page text either.
    expect(texts.filter((t) => t.includes('Heidelberg'))).toEqual(['Heidelberg Materials AG']);
  });
  it('HTML: a fragment without <html>/<body> is scanned too', () => {
    const blocks = blocksFromHtml('<!doctype html><p>Contractor: <b>Heidelberg</b> Materials AG</p><p>Next</p>', null);
    expect(blocks.map((b) => b.text)).toEqual(['Contractor: Heidelberg Materials AG', 'Next']);
  });
  it('HTML: fields as the content script detects them, and names from the page data', async () => {
    const page = `<!doctype html><html><head><script type="application/ld+json">
      {"@context":"https://schema.org","@type":"Product","name":"Hand cream","brand":{"@type":"Brand","name":"AHAVA"}}
      </script></head><body><h1>Hand cream</h1>
      <table><tr><th>Leverancier</th></tr><tr><td>Motorola Solutions, Inc.</td></tr></table></body></html>`;
    const r = await run(['scan', 'p.html', '--json', '--url', 'https://www.bol.com/nl/p/x'], { 'p.html': page });
    const [res] = r.json();
    const motorola = res.matches.find((m) => m.text === 'Motorola Solutions, Inc.');
    expect(motorola?.field).toBe('supplier');
    expect(motorola?.source).toBeNull(); // visible text
    // The brand is only in the JSON-LD: scanned, with where it came from.
    const ahava = res.matches.find((m) => m.text === 'AHAVA');
    expect(ahava).toMatchObject({ field: 'brand', source: 'json-ld Product.brand' });
    expect(ahava?.lists[0]).toEqual(ohchrEntry('Ahava – Dead Sea Laboratories Ltd.'));
  });
});

describe('scan', () => {
  it('prints one JSON object per file with the contract fields', async () => {
    const r = await run(['scan', 'notice.html', 'names.txt', '--json', '--url', 'https://example.org/n'], {
      'notice.html': TENDER,
      'names.txt': 'Delta\nBooking.com B.V.\n\npartnership\n',
    });
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out).toHaveLength(2);
    const [html, text] = r.json();
    // The contract's fields first, in this order; additions only at the end.
    expect(Object.keys(html)).toEqual([
      'file',
      'url',
      'matches',
      'guards',
      'blocks',
      'chars',
      'format',
      'warnings',
      'origins',
    ]);
    expect(html.format).toBe('html');
    expect(html.file).toBe('notice.html');
    expect(html.url).toBe('https://example.org/n');

    const heidelberg = html.matches.find((m) => m.entityName === 'Heidelberg Materials AG');
    expect(heidelberg).toBeDefined();
    expect(Object.keys(heidelberg!)).toEqual([
      'text',
      'level',
      'matchType',
      'entity',
      'entityName',
      'name',
      'lists',
      'field',
      'evidence',
      'block',
      'start',
      'end',
      'source',
      'rule',
    ]);
    expect(heidelberg!.source).toBeNull();
    expect(heidelberg!.level).toBe('flag');
    expect(heidelberg!.lists).toContainEqual(ohchrEntry('Heidelberg Materials AG'));
    // Offsets point into the block's text.
    const blocks = blocksFromHtml(TENDER, null);
    expect(blocks[heidelberg!.block].text.slice(heidelberg!.start, heidelberg!.end)).toBe(heidelberg!.text);

    const ahava = html.matches.find((m) => m.text === 'AHAVA – Dead Sea Laboratories Ltd.');
    expect(ahava?.lists).toEqual([ohchrEntry('Ahava – Dead Sea Laboratories Ltd.')]);
    // Traps, hidden text, scripts and form fields: nothing.
    const texts = html.matches.map((m) => m.text.toLowerCase());
    expect(texts).not.toContain('delta');
    expect(texts).not.toContain('partnership');
    expect(html.matches.map((m) => m.entityName)).not.toContain('Motorola Solutions, Inc.');
    expect(html.matches.map((m) => m.entityName)).not.toContain('Booking.com B.V.');
    expect(html.blocks).toBe(blocks.length);
    expect(html.chars).toBe(blocks.reduce((n, b) => n + b.text.length, 0));

    // Text file: non-empty lines are blocks 0..2; only the listed name matches.
    expect(text.file).toBe('names.txt');
    expect(text.blocks).toBe(3);
    expect(text.matches.map((m) => [m.text, m.level, m.block, m.start, m.end])).toEqual([
      ['Booking.com B.V.', 'flag', 1, 0, 16],
    ]);
  });

  it('reports look-alikes as guards, not matches', async () => {
    const r = await run(['scan', 'fleet.txt', '--json'], { 'fleet.txt': 'Fleet: Volvo Cars estates' });
    const [res] = r.json();
    expect(res.matches).toEqual([]);
    expect(res.guards).toHaveLength(1);
    expect(res.guards[0]).toMatchObject({
      text: 'Volvo Cars',
      notEntityName: 'Volvo Group',
      block: 0,
      start: 7,
      end: 17,
    });
    expect(res.guards[0].reason.length).toBeGreaterThan(10);
    expect(res.guards[0].sourceUrl).toMatch(/^https?:\/\//);
  });

  it('says so on stderr when it decoded windows-1252, and still matches', async () => {
    const enc = (s: string) => Uint8Array.from(s, (c) => (c === '–' ? 0x96 : c.charCodeAt(0)));
    const r = await run(['scan', 'old.txt', '--json'], { 'old.txt': enc('Ahava – Dead Sea Laboratories Ltd.') });
    expect(r.code).toBe(0);
    expect(r.err).toEqual([
      'settlement-screen: old.txt: not valid UTF-8; read as windows-1252: check that accented names look right',
    ]);
    expect(r.json()[0].matches[0].lists[0]).toEqual(ohchrEntry('Ahava – Dead Sea Laboratories Ltd.'));
  });

  it('prints a readable summary without --json', async () => {
    const r = await run(['scan', 'n.txt'], { 'n.txt': 'Heidelberg Materials AG\nDelta' });
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^n\.txt: 1 flag, 0 possible, \d+ look-alikes? left clear \(text, 2 blocks/);
    expect(r.out[0]).toContain(
      'FLAG     "Heidelberg Materials AG" -> Heidelberg Materials AG [exact; rule strong-name]',
    );
    expect(r.out[0]).toContain(`${OHCHR}: Heidelberg Materials AG`);
  });

  it('exits 2 with one line and no output when any input is bad', async () => {
    const r = await run(['scan', 'ok.txt', 'missing.html', '--json'], { 'ok.txt': 'Booking.com' });
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual(['settlement-screen: cannot read missing.html: no such file']);
  });

  it('exits 2 on a usage error', async () => {
    const r = await run(['scan', 'a.txt', '--frob']);
    expect(r.code).toBe(2);
    expect(r.err).toEqual(['settlement-screen: unknown option --frob (see --help)']);
    expect((await run(['scan', '-', '-'])).code).toBe(2);
  });
});

describe('scan: procurement data files', () => {
  const OCDS = JSON.stringify({
    ocid: 'ocds-test-0001',
    id: 'r1',
    date: '2026-01-01T00:00:00Z',
    tag: ['award'],
    initiationType: 'tender',
    parties: [
      { id: 'b', name: 'Gemeente Voorbeeldstad', roles: ['buyer'] },
      { id: 's', name: 'Motorola Solutions, Inc.', roles: ['supplier'] },
    ],
    awards: [{ id: 'a1', suppliers: [{ id: 's', name: 'Motorola Solutions, Inc.' }] }],
  });

  it('reads OCDS JSON as names with their roles and says where each was found', async () => {
    const r = await run(['scan', 'release.json', '--json'], { 'release.json': OCDS });
    expect(r.code).toBe(0);
    const [res] = r.json();
    expect(res.format).toBe('ocds-release');
    const m = res.matches.filter((x) => x.level === 'flag');
    expect(m.map((x) => x.text)).toEqual(['Motorola Solutions, Inc.']);
    expect(m[0].field).toBe('supplier');
    expect(m[0].source).toMatch(/parties|awards/);
    expect(res.matches.map((x) => x.text)).not.toContain('Gemeente Voorbeeldstad');
  });

  it('reads a real TED eForms award notice', async () => {
    const file = 'tests/fixtures/data-files/ted-eforms-can-2024-OJS072-00215550-poland-hospital-pharma-astrazeneca.xml';
    const r = await run(['scan', file, '--json'], { [file]: await readInputFile(file) });
    expect(r.code).toBe(0);
    const [res] = r.json();
    expect(res.format).toBe('ted-eforms');
    expect(res.blocks).toBeGreaterThan(0);
  });

  it('exits 2 on a truncated or unsupported data file, before printing anything', async () => {
    const r = await run(['scan', 'ok.txt', 'cut.json', '--json'], {
      'ok.txt': 'Booking.com',
      'cut.json': OCDS.slice(0, 80),
    });
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^settlement-screen: cut\.json: invalid JSON/);
    const x = await run(['scan', 'book.xlsx'], { 'book.xlsx': new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]) });
    expect(x.code).toBe(2);
    expect(x.err[0]).toMatch(/xlsx/);
  });
});

describe('check', () => {
  it('screens one name with the same JSON shape', async () => {
    const r = await run(['check', 'Ahava – Dead Sea Laboratories Ltd.', '--json']);
    expect(r.code).toBe(0);
    const [res] = r.json();
    expect(Object.keys(res)).toEqual([
      'file',
      'input',
      'url',
      'matches',
      'guards',
      'blocks',
      'chars',
      'format',
      'warnings',
      'origins',
    ]);
    expect(res).toMatchObject({ file: null, input: 'Ahava – Dead Sea Laboratories Ltd.', url: null, blocks: 1 });
    expect(res.matches).toHaveLength(1);
    expect(res.matches[0]).toMatchObject({
      text: 'Ahava – Dead Sea Laboratories Ltd.',
      level: 'flag',
      start: 0,
      end: 34,
      lists: [{ list: OHCHR, entry: 'Ahava – Dead Sea Laboratories Ltd.', status: 'listed' }],
    });
  });

  it.each(['Booking.com B.V.', 'Heidelberg Materials AG'])('flags %s', async (name) => {
    const [res] = (await run(['check', name, '--json'])).json();
    expect(res.matches.filter((m) => m.level === 'flag').map((m) => m.text)).toEqual([name]);
  });

  it.each(['Delta', 'partnership'])('does not flag the common word %s', async (name) => {
    const [res] = (await run(['check', name, '--json'])).json();
    expect(res.matches.filter((m) => m.level === 'flag')).toEqual([]);
  });
});

describe('screen', () => {
  it('is dispatched to the bulk screening command (src/cli/screen.ts)', async () => {
    const r = await run(['screen', 'names.txt', '--json'], {
      'names.txt': 'Booking.com B.V.\nGemeente Voorbeeldstad\n',
    });
    expect(r.code).toBe(0);
    const res = JSON.parse(r.out.join('\n')) as { rows: { input: string; result: string }[] };
    expect(res.rows.map((x) => x.input)).toEqual(['Booking.com B.V.', 'Gemeente Voorbeeldstad']);
  });
});

describe('help and version', () => {
  it('prints usage and the package version', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out[0]).toContain('settlement-screen scan FILE... [--url URL] [--json]');
    const v = await run(['--version']);
    expect(v.out).toEqual([pkg.version]);
  });
});

describe('reading files from disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ss-cli-'));
  it('reads a file and refuses directories and missing paths with one-line reasons', async () => {
    writeFileSync(join(dir, 'a.txt'), 'Booking.com');
    mkdirSync(join(dir, 'sub'));
    expect(new TextDecoder().decode(await readInputFile(join(dir, 'a.txt')))).toBe('Booking.com');
    await expect(readInputFile(join(dir, 'sub'))).rejects.toThrow(/is a directory, not a file/);
    await expect(readInputFile(join(dir, 'nope.txt'))).rejects.toThrow(/cannot read .*nope\.txt: no such file/);
    await expect(readInputFile(join(dir, 'sub'))).rejects.toBeInstanceOf(InputError);
  });
});
