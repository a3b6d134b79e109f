// The one decoder every reader uses (src/formats/text-decode.ts): UTF-16/32 by byte order
// mark and by NUL pattern, UTF-8 with a per-line windows-1252 fallback that names the lines,
// and the same text whether the bytes come whole or in chunks of any size.
import { describe, expect, it } from 'vitest';
import { decodeWarningText, decodeWarnings } from '../../src/formats/decode-warnings';
import { detectEncoding } from '../../src/formats/encoding-detect';
import { TextStreamDecoder, decodeBytes } from '../../src/formats/text-decode';
import { decodeMixedLine, utf8SafeCut } from '../../src/formats/utf8-mixed';

const utf8 = (s: string) => new TextEncoder().encode(s);
const cp1252 = (s: string) =>
  Uint8Array.from(s, (c) => {
    const special: Record<string, number> = { '–': 0x96, '’': 0x92, '€': 0x80 };
    return special[c] ?? c.charCodeAt(0);
  });
const cat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const units = Array.from(s, (c) => c.charCodeAt(0));
  const bytes = units.flatMap((u) => (le ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff]));
  return Uint8Array.from([...(bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : []), ...bytes]);
}

function utf32(s: string, le: boolean, bom: boolean): Uint8Array {
  const cps = [...(bom ? [0xfeff] : []), ...Array.from(s, (c) => c.codePointAt(0)!)];
  return Uint8Array.from(
    cps.flatMap((cp) => {
      const b = [(cp >>> 24) & 0xff, (cp >>> 16) & 0xff, (cp >>> 8) & 0xff, cp & 0xff];
      return le ? b.reverse() : b;
    }),
  );
}

/** Decodes in chunks of `size` bytes, as a streamed file arrives. */
function streamed(bytes: Uint8Array, size: number) {
  const d = new TextStreamDecoder();
  let text = '';
  for (let i = 0; i < bytes.length; i += size) text += d.push(bytes.subarray(i, i + size));
  text += d.end();
  return { text, report: d.report };
}

const NAMES = 'Naam\r\nSociété Générale\r\nAhava – Dead Sea Laboratories Ltd.\r\nבנק הפועלים\r\n';

describe('encoding detection', () => {
  it.each([
    ['UTF-16LE with BOM', utf16(NAMES, true, true), 'utf-16le', 'bom'],
    ['UTF-16BE with BOM', utf16(NAMES, false, true), 'utf-16be', 'bom'],
    ['UTF-16LE without BOM', utf16(NAMES, true, false), 'utf-16le', 'pattern'],
    ['UTF-16BE without BOM', utf16(NAMES, false, false), 'utf-16be', 'pattern'],
    ['UTF-32LE with BOM', utf32(NAMES, true, true), 'utf-32le', 'bom'],
    ['UTF-32BE with BOM', utf32(NAMES, false, true), 'utf-32be', 'bom'],
    ['UTF-32LE without BOM', utf32(NAMES, true, false), 'utf-32le', 'pattern'],
    ['UTF-32BE without BOM', utf32(NAMES, false, false), 'utf-32be', 'pattern'],
  ])('%s: decoded, and the warning says how it was recognised', (_, bytes, encoding, by) => {
    const { text, report } = decodeBytes(bytes);
    expect(text).toBe(NAMES);
    expect(report).toMatchObject({ encoding, detectedBy: by, replaced: 0 });
    expect(decodeWarnings(report)).toEqual([{ code: 'encoding', encoding, detectedBy: by }]);
  });

  it('leaves UTF-8, with or without its BOM, and binary data with scattered NULs, as UTF-8', () => {
    expect(detectEncoding(utf8(NAMES))).toEqual({ encoding: 'utf-8', bomLength: 0, by: 'default' });
    expect(decodeBytes(cat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8(NAMES)))).toEqual({
      text: NAMES,
      report: { encoding: 'utf-8', detectedBy: 'bom', fallbackLines: [], fallbackLineCount: 0, replaced: 0 },
    });
    expect(detectEncoding(Uint8Array.of(1, 2, 0, 0, 5, 6)).encoding).toBe('utf-8');
    // NULs in the right places but control characters when read as UTF-16: not text.
    const binaryish = Uint8Array.from({ length: 400 }, (_, i) => (i % 2 ? 0 : (i * 7) % 31));
    expect(detectEncoding(binaryish).encoding).toBe('utf-8');
  });

  it('counts what a truncated UTF-16 or UTF-32 file could not decode', () => {
    const cut16 = utf16(NAMES, true, true);
    const r16 = decodeBytes(cut16.subarray(0, cut16.length - 1));
    expect(r16.report.replaced).toBe(1);
    expect(decodeWarnings(r16.report)).toContainEqual({ code: 'encoding-replaced', encoding: 'utf-16le', count: 1 });
    const cut32 = utf32(NAMES, true, true);
    expect(decodeBytes(cut32.subarray(0, cut32.length - 2)).report.replaced).toBe(1);
  });
});

describe('UTF-8 with stray windows-1252 bytes', () => {
  it('re-decodes only the broken line; "Société Générale" elsewhere stays intact', () => {
    const bytes = cat(utf8('Naam;Land\nSociété Générale;FR\n'), cp1252('Caf’s Bakery – Gent;BE\n'), utf8('Ahava;IL\n'));
    const { text, report } = decodeBytes(bytes);
    expect(text).toBe('Naam;Land\nSociété Générale;FR\nCaf’s Bakery – Gent;BE\nAhava;IL\n');
    expect(report).toMatchObject({ encoding: 'utf-8', fallbackLines: [3], fallbackLineCount: 1 });
    const [w] = decodeWarnings(report);
    expect(w).toEqual({ code: 'encoding-lines', encoding: 'windows-1252', lines: [3], count: 1 });
    expect(decodeWarningText(w)).toBe(
      'line 3 is not valid UTF-8: the bytes that are not were read as windows-1252, the rest as UTF-8',
    );
  });

  it('keeps the valid UTF-8 of a line that also has a windows-1252 byte', () => {
    const line = cat(utf8('Société Générale '), cp1252('– Gent'));
    expect(decodeMixedLine(line)).toEqual({ text: 'Société Générale – Gent', hadUtf8: true });
  });

  it('calls a file with no UTF-8 beyond ASCII and broken lines windows-1252, and counts lines in CRLF, LF and CR', () => {
    const bytes = cat(cp1252('Soci\u00e9t\u00e9\r\n'), utf8('plain\r'), cp1252('Caf\u00e9\n\nend\u00e9'));
    const { text, report } = decodeBytes(bytes);
    expect(text).toBe('Société\r\nplain\rCafé\n\nendé');
    expect(report).toMatchObject({ encoding: 'windows-1252', detectedBy: 'fallback', fallbackLines: [1, 3, 5] });
    expect(decodeWarningText(decodeWarnings(report)[0])).toBe(
      'not valid UTF-8; read as windows-1252: check that accented names look right',
    );
  });

  it('lists the first ten broken lines and counts the rest', () => {
    const lines = Array.from({ length: 30 }, (_, i) => (i % 2 ? cp1252(`Caf\u00e9 ${i}\n`) : utf8(`Café ${i}\n`)));
    const { report } = decodeBytes(cat(...lines));
    expect(report.fallbackLines).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect(report.fallbackLineCount).toBe(15);
    expect(decodeWarningText(decodeWarnings(report)[0])).toMatch(/^lines 2, 4, .*, 20, … \(15 lines\) are not/);
  });
});

describe('streamed decoding', () => {
  const mixed = cat(
    utf8('Société Générale\r\n'.repeat(300)),
    cp1252('Caf\u00e9 – Gent\r\n'),
    utf16('x', true, false).subarray(0, 0),
    utf8('€ Ahava ✓ 𝔸\n'.repeat(400)),
    cp1252('last line \u00e9'),
  );

  it.each([1, 2, 3, 7, 64, 4096, 65536])('gives the same text and report in chunks of %i bytes', (size) => {
    const whole = decodeBytes(mixed);
    expect(whole.report.fallbackLines).toEqual([301, 702]);
    expect(streamed(mixed, size)).toEqual(whole);
  });

  it.each([1, 3, 5, 4096])('streams UTF-16 and UTF-32 in chunks of %i bytes', (size) => {
    for (const bytes of [utf16(NAMES.repeat(50), true, false), utf32(NAMES.repeat(50), false, true)]) {
      expect(streamed(bytes, size).text).toBe(NAMES.repeat(50));
    }
  });

  it('decodes a line longer than a block in pieces without splitting a character', () => {
    const long = utf8('é'.repeat(700_000) + '\n' + 'x');
    const out = streamed(long, 300_001);
    expect(out.text).toBe('é'.repeat(700_000) + '\nx');
    expect(out.report.fallbackLineCount).toBe(0);
    expect(utf8SafeCut(utf8('aé'), 2)).toBe(1);
    expect(utf8SafeCut(utf8('a€'), 3)).toBe(1);
    expect(utf8SafeCut(utf8('aé'), 3)).toBe(3);
  });
});
