// `scan`, `screen` and the screening page read the same bytes the same way: a name in a
// UTF-16 or UTF-32 file (with or without byte order mark), or in a UTF-8 file with one stray
// windows-1252 byte elsewhere, is found by all three, and each says how it decoded the file.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCompiledData } from '../../scripts/build-data';
import { InputError, type CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import type { JsonResult } from '../../src/cli/json-output';
import { runScreen, type JsonScreenResult } from '../../src/cli/screen';
import { Matcher } from '../../src/core/matcher';
import { loadScreeningFile } from '../../src/formats/tables';
import { DOMParser } from 'linkedom';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('./helpers/fake-browser')).fakeBrowser }));
const { warningMessage } = await import('../../src/ui/screen/messages');

let matcher: Matcher;
beforeAll(() => {
  matcher = Matcher.fromData(buildCompiledData());
});

function io(files: Record<string, Uint8Array>) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    read: async (f) => {
      const v = files[f];
      if (v === undefined) throw new InputError(`cannot read ${f}: no such file`);
      return v;
    },
  };
  return { cli, out, err };
}

async function scan(name: string, bytes: Uint8Array) {
  const { cli, out, err } = io({ [name]: bytes });
  const code = await main(['scan', name, '--json'], { io: cli, matcher: () => matcher });
  return { code, err, result: JSON.parse(out[0] ?? 'null') as JsonResult };
}

async function screen(name: string, bytes: Uint8Array) {
  const { cli, out, err } = io({ [name]: bytes });
  const code = await runScreen([name, '--json'], cli, { matcher: () => matcher });
  return { code, err, result: JSON.parse(out.join('\n') || 'null') as JsonScreenResult };
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16 = (s: string, le: boolean, bom: boolean) =>
  Uint8Array.from([
    ...(bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : []),
    ...Array.from(s, (c) => c.charCodeAt(0)).flatMap((u) => (le ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff])),
  ]);
const utf32 = (s: string, le: boolean) =>
  Uint8Array.from(
    [0xfeff, ...Array.from(s, (c) => c.codePointAt(0)!)].flatMap((cp) => {
      const b = [(cp >>> 24) & 0xff, (cp >>> 16) & 0xff, (cp >>> 8) & 0xff, cp & 0xff];
      return le ? b.reverse() : b;
    }),
  );

const LIST = 'Société Générale\r\nAcme Bakery BV\r\nAhava Dead Sea Laboratories Ltd.\r\n';
const FLAGGED = ['Société Générale', 'Ahava Dead Sea Laboratories Ltd.'];

const flaggedByScan = (r: JsonResult) => r.matches.filter((m) => m.level === 'flag').map((m) => m.entityName);
const flaggedByScreen = (r: JsonScreenResult) => r.rows.filter((x) => x.result === 'flag').map((x) => x.input);

describe('the same names in any encoding', () => {
  it.each([
    ['UTF-16LE with BOM (Excel "Unicode text")', utf16(LIST, true, true), 'read as UTF-16LE (byte order mark)'],
    [
      'UTF-16LE without BOM',
      utf16(LIST, true, false),
      'read as UTF-16LE (no byte order mark; recognised by its NUL bytes)',
    ],
    [
      'UTF-16BE without BOM',
      utf16(LIST, false, false),
      'read as UTF-16BE (no byte order mark; recognised by its NUL bytes)',
    ],
    ['UTF-32LE with BOM', utf32(LIST, true), 'read as UTF-32LE (byte order mark)'],
    ['UTF-32BE with BOM', utf32(LIST, false), 'read as UTF-32BE (byte order mark)'],
  ])('%s: scan and screen flag the same names and say how they read the file', async (_, bytes, note) => {
    const s = await scan('names.txt', bytes);
    expect(s.code).toBe(0);
    expect(s.result.format).toBe('text');
    expect(flaggedByScan(s.result).sort()).toEqual(['Ahava – Dead Sea Laboratories Ltd.', 'Société Générale']);
    expect(s.result.warnings).toEqual([note]);
    expect(s.err).toEqual([`settlement-screen: names.txt: ${note}`]);

    const b = await screen('names.txt', bytes);
    expect(b.code).toBe(0);
    expect(flaggedByScreen(b.result)).toEqual(FLAGGED);
    expect(b.result.warnings).toEqual([note]);
  });

  it('a stray windows-1252 byte in a UTF-8 CSV costs only its own line', async () => {
    const bytes = Uint8Array.from([
      ...utf8('Leverancier;Stad\nSociété Générale;Gent\nCaf'),
      0xe9, // windows-1252 "é" on line 3
      ...utf8(' Bakkerij;Genk\nAhava Dead Sea Laboratories Ltd.;Leuven\n'),
    ]);
    const note = 'line 3 is not valid UTF-8: the bytes that are not were read as windows-1252, the rest as UTF-8';

    const b = await screen('bidders.csv', bytes);
    expect(b.code).toBe(0);
    expect(b.result.rows.map((r) => r.input)).toEqual(['Société Générale', 'Café Bakkerij', FLAGGED[1]]);
    expect(flaggedByScreen(b.result)).toEqual(FLAGGED);
    expect(b.result.warnings).toEqual([note]);
    expect(b.err).toEqual([`settlement-screen: bidders.csv: ${note}`]);

    const s = await scan('bidders.csv', bytes);
    expect(flaggedByScan(s.result)).toContain('Société Générale');
    expect(s.result.warnings).toEqual([note]);
  });

  it('the screening page gets the same warnings as data and words them', async () => {
    const bytes = Uint8Array.from([...utf8('Société Générale\nCaf'), 0xe9, ...utf8('\n')]);
    const loaded = await loadScreeningFile(
      'x.txt',
      bytes,
      (s) => new DOMParser().parseFromString(s, 'text/xml') as unknown as Document,
    );
    expect(loaded.warnings).toEqual([{ code: 'encoding-lines', encoding: 'windows-1252', lines: [2], count: 1 }]);
    expect(warningMessage(loaded.warnings[0])).toMatch(/^Line\(s\) 2 are not valid UTF-8/);
    const u16 = await loadScreeningFile('x.txt', utf16('Acme\r\n', true, false), () => {
      throw new Error('not XML');
    });
    expect(u16.warnings).toEqual([{ code: 'encoding', encoding: 'utf-16le', detectedBy: 'pattern' }]);
  });
});
