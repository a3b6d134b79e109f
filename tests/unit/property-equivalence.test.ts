// The benchmark's equivalence oracles as property tests (fast-check), so the fast paths are
// checked on every `npm run check` and not only when someone runs the benchmark:
//  - tokenize() gives exactly the tokens of the reference tokenizer, written plainly one
//    character at a time (scripts/lib/bench-check.ts), on strings over an alphabet of the
//    characters its rules single out, on text with listed names, and on pairs of the
//    characters it folds one by one;
//  - the matcher with its hash-trie pre-check finds exactly what a full scan of every block
//    finds (MatcherOptions.prefilter = false), here and with only some lists enabled.
// A failure prints the smallest string fast-check could shrink it to.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import compiledJson from '../../src/generated/compiled-lists.json';
import { Matcher } from '../../src/core/matcher';
import { tokenize } from '../../src/core/normalize';
import type { CompiledData, FieldRole } from '../../src/core/types';
import { ALPHABET, FOLD_PAIR_MIDDLES, foldedWordChars, referenceTokenize } from '../../scripts/lib/bench-check';

const data = compiledJson as unknown as CompiledData;
const RUNS = Number(process.env.SS_PROPERTY_RUNS ?? 400);

/** Up to 24 characters of the hostile alphabet, as the benchmark draws them. */
const hostile = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 24 }).map((cs) => cs.join(''));

const NAME_TEXTS = [...new Set(data.names.map((n) => n.text))];
/** A listed name, whole or cut anywhere, so the matcher has something to find or nearly find. */
const nameFragment = fc.constantFrom(...NAME_TEXTS).chain((name) =>
  fc.oneof(
    fc.constant(name),
    fc.tuple(fc.nat(name.length), fc.nat(name.length)).map(([a, b]) => name.slice(Math.min(a, b), Math.max(a, b) + 1)),
  ),
);
/** Names and fragments glued with hostile characters, spaces and plain words. */
const textWithNames = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: nameFragment },
      { weight: 2, arbitrary: hostile },
      { weight: 2, arbitrary: fc.constantFrom(' ', ' ', ', ', '. ', ' & ', '\u00A0', '\u200B') },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 8 }) },
    ),
    { maxLength: 10 },
  )
  .map((parts) => parts.join(''));

const FOLDED = foldedWordChars();
const foldedPair = fc
  .tuple(fc.constantFrom(...FOLDED), fc.constantFrom(...FOLD_PAIR_MIDDLES), fc.constantFrom(...FOLDED))
  .map(([x, m, y]) => x + m + y);

const sameTokens = (text: string): void => {
  expect(tokenize(text)).toEqual(referenceTokenize(text));
};

describe('tokenize = reference tokenizer (property-based)', () => {
  it('on strings over the hostile alphabet', () => {
    fc.assert(fc.property(hostile, sameTokens), { numRuns: RUNS * 10 });
  });

  it('on text with listed names', () => {
    fc.assert(fc.property(textWithNames, sameTokens), { numRuns: RUNS * 5 });
  });

  it('on pairs of folded characters, alone or joined', () => {
    fc.assert(fc.property(foldedPair, sameTokens), { numRuns: RUNS * 10 });
  });

  it('on a few cases spelled out', () => {
    for (const text of ['J. C. Bamford', 'A.B.\u200BC. Ltd', 'AT&T', 'ǅemal', 'İstanbul', 'O’Neil', '\uD800x', '']) {
      sameTokens(text);
    }
  });
});

const FIELDS: (FieldRole | null)[] = [null, 'supplier', 'brand', 'contractor', 'tenderer', 'buyer'];
const block = fc.record({ text: textWithNames, field: fc.constantFrom(...FIELDS) });

describe('matcher pre-check = full scan (property-based)', () => {
  const someLists = new Set(data.lists.slice(0, Math.max(1, data.lists.length >> 1)).map((l) => l.id));
  const pairs: [string, Matcher, Matcher][] = [
    ['every list', Matcher.fromData(data), Matcher.fromData(data, { prefilter: false })],
    [
      'some lists',
      Matcher.fromData(data, { enabledLists: someLists }),
      Matcher.fromData(data, { enabledLists: someLists, prefilter: false }),
    ],
  ];

  for (const [label, fast, full] of pairs) {
    it(`finds the same matches and guards (${label})`, () => {
      let found = 0;
      fc.assert(
        fc.property(block, (b) => {
          const scan = fast.scanBlock(b);
          expect(scan).toEqual(full.scanBlock(b));
          if (scan.matches.length > 0) found++;
        }),
        { numRuns: RUNS * 2 },
      );
      // The generated text is built to hit names: an oracle that never sees a match proves little.
      expect(found).toBeGreaterThan(RUNS / 10);
    });
  }
});
