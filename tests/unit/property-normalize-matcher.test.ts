// Property-based tests (fast-check) of the one normaliser and the matcher (src/core), on
// strings built to hurt: lone surrogates, emoji, combining marks, right-to-left scripts and
// bidi controls, zero-width and other format characters, characters whose lower case or
// NFKC form has another length (İ, ß, ﬁ, ①, ¼), joiners (. ' & ’), and fragments of the
// names on our lists so matches actually happen.
//
// Properties: nothing throws; token and match offsets lie inside the text, in order, with
// start < end; a match's text is exactly block.text.slice(start, end); normalisation is
// idempotent; scanning is deterministic (twice, or with a second matcher: same result);
// page resolution is idempotent; and invisible characters inside a listed name never hide it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import compiledJson from '../../src/generated/compiled-lists.json';
import { Matcher } from '../../src/core/matcher';
import { normalizeName, normalizeToken, tokenize } from '../../src/core/normalize';
import { resolvePage, scanPage } from '../../src/core/page';
import type { CompiledData, FieldRole, TextBlock } from '../../src/core/types';

const data = compiledJson as unknown as CompiledData;
const matcher = Matcher.fromData(data);
const RUNS = Number(process.env.SS_PROPERTY_RUNS ?? 400);

const FORMAT_CHARS = [
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '\u00AD',
  '\u200E',
  '\u200F',
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u061C',
];
const NASTY = [
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  '\uDBFF\uD800', // two highs in a row
  '😀', // surrogate pair
  '👩‍👩‍👧', // ZWJ sequence
  '\u0301', // combining acute
  '\u0308\u0323', // stacked marks
  'e\u0301',
  'İ', // lower case is two code units
  'ß',
  'ﬁ', // NFKC: "fi"
  '①',
  '¼', // NFKC: "1⁄4", with a fraction slash
  'Ⅻ',
  'ｈｅｉｄｅｌｂｅｒｇ', // full width
  'שלום', // Hebrew
  'בע״מ', // Hebrew with gershayim
  'مرحبا', // Arabic
  'ـ', // Arabic tatweel
  '.',
  "'",
  '’',
  '&',
  '-',
  '–',
  '/',
  ',',
  '(',
  ')',
  '"',
  '@',
  '®',
  '™',
  '©',
  ' ',
  '\u00A0',
  '\t',
  '\n',
  '\u2028',
  '\u3000',
  'J. C. ',
  'A.B.',
  'S.A.',
  'N.V.',
  'B.V.',
  'Ltd.',
  'GmbH',
  'AG',
  'Inc.',
  'SA/NV',
];

/** Fragments of listed names and aliases, so generated text contains near and real matches. */
const NAME_TEXTS = [...new Set(data.names.map((n) => n.text))];
const nameFragment = fc
  .constantFrom(...NAME_TEXTS)
  .chain((name) =>
    fc.tuple(fc.nat(name.length), fc.nat(name.length)).map(([a, b]) => name.slice(Math.min(a, b), Math.max(a, b) + 1)),
  );

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 6 }) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.constantFrom(...FORMAT_CHARS) },
  { weight: 2, arbitrary: nameFragment },
  { weight: 1, arbitrary: fc.constantFrom(...NAME_TEXTS) },
  // Any UTF-16 code unit, surrogate halves included.
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
);
const nastyText = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));
const FIELDS: (FieldRole | null)[] = [null, 'supplier', 'brand', 'contractor', 'tenderer', 'buyer'];
const block = fc.record({ text: nastyText, field: fc.constantFrom(...FIELDS) });

describe('normaliser (property-based)', () => {
  it('tokenize never throws; tokens lie inside the text, in order, non-empty', () => {
    fc.assert(
      fc.property(nastyText, (text) => {
        const tokens = tokenize(text);
        let previousEnd = 0;
        for (const t of tokens) {
          expect(t.start).toBeGreaterThanOrEqual(previousEnd);
          expect(t.start).toBeLessThan(t.end);
          expect(t.end).toBeLessThanOrEqual(text.length);
          expect(t.norm.length).toBeGreaterThan(0);
          previousEnd = t.end;
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('normalizeName is idempotent', () => {
    fc.assert(
      fc.property(nastyText, (text) => {
        const once = normalizeName(text);
        expect(normalizeName(once)).toBe(once);
      }),
      { numRuns: RUNS },
    );
  });

  it('normalizeToken never throws and is idempotent on its own output', () => {
    fc.assert(
      fc.property(nastyText, (text) => {
        const once = normalizeToken(text);
        expect(normalizeToken(once)).toBe(once);
      }),
      { numRuns: RUNS },
    );
  });

  it('invisible characters do not change a name: format characters inside words are ignored', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NAME_TEXTS),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...FORMAT_CHARS)), { minLength: 1, maxLength: 4 }),
        (name, inserts) => {
          let text = name;
          for (const [at, ch] of inserts) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + ch + text.slice(i);
          }
          expect(normalizeName(text)).toBe(normalizeName(name));
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('matcher (property-based)', () => {
  it('scanBlock never throws; matches and guards lie inside the block, text = slice(start, end)', () => {
    fc.assert(
      fc.property(block, (b) => {
        const scan = matcher.scanBlock(b);
        let previousEnd = 0;
        for (const m of scan.matches) {
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.start).toBeLessThan(m.end);
          expect(m.end).toBeLessThanOrEqual(b.text.length);
          expect(m.text).toBe(b.text.slice(m.start, m.end));
          // One pass, longest match wins: matches never overlap.
          expect(m.start).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = m.end;
          expect(matcher.entity(m.entity)).toBeDefined();
          expect(m.lists.length).toBeGreaterThan(0);
          expect(['flag', 'possible']).toContain(m.level);
        }
        for (const g of scan.guards) {
          expect(g.start).toBeLessThan(g.end);
          expect(g.end).toBeLessThanOrEqual(b.text.length);
          expect(g.text).toBe(b.text.slice(g.start, g.end));
          expect(matcher.guard(g.guard)).toBeDefined();
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('scanning the same text twice, or with a second matcher, gives the same result', () => {
    const other = Matcher.fromData(data);
    fc.assert(
      fc.property(block, (b) => {
        const first = matcher.scanBlock(b);
        expect(matcher.scanBlock(b)).toEqual(first);
        expect(other.scanBlock({ ...b })).toEqual(first);
      }),
      { numRuns: RUNS },
    );
  });

  it('page resolution never throws, keeps offsets, and is idempotent', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 6 }), (blocks: TextBlock[]) => {
        const scans = scanPage(matcher, blocks);
        expect(scans).toHaveLength(blocks.length);
        scans.forEach((s, i) => {
          for (const m of s.matches) expect(m.text).toBe(blocks[i].text.slice(m.start, m.end));
        });
        expect(resolvePage(scans)).toEqual(scans);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('a listed strong name stays found with zero-width or bidi characters inside it', () => {
    const strong = data.names.filter((n) => n.strength === 'strong' && n.kind === 'listed-name' && !n.link);
    fc.assert(
      fc.property(
        fc.constantFrom(...strong),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...FORMAT_CHARS)), { minLength: 1, maxLength: 3 }),
        (name, inserts) => {
          let text = name.text;
          for (const [at, ch] of inserts) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + ch + text.slice(i);
          }
          const plain = matcher.scanBlock({ text: name.text, field: null }).matches.map((m) => m.entity);
          const hidden = matcher.scanBlock({ text, field: null }).matches.map((m) => m.entity);
          expect(hidden).toEqual(plain);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
