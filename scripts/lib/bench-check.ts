// The benchmark's equivalence check: the fast paths must not change a single result.
//  1. tokenize() against a reference tokenizer (below: the same rules written plainly, one
//     character string and one regex or set test per character, as the first version of
//     src/core/normalize.ts was; keep the two in step when the rules change), on every distinct
//     block of the benchmark text, on random strings over a hostile alphabet, and on every
//     pair of the characters the tokenizer folds one by one (FOLD_RANGES);
//  2. the matcher with its hash-trie pre-check against the same matcher scanning every
//     block in full (MatcherOptions.prefilter = false), on the benchmark text.
// Any difference is printed and makes `npm run bench` exit with status 1.
// The same oracles run as property tests in the unit layer, on every `npm run check`
// (tests/unit/property-equivalence.test.ts imports the reference, the alphabet and the
// folded characters from here: scripts never import tests, tests may import scripts).
import { FOLD_RANGES, normalizeToken, tokenize, type Token } from '../../src/core/normalize';
import { Matcher, type MatcherOptions } from '../../src/core/matcher';
import type { CompiledData, TextBlock } from '../../src/core/types';
import { rng } from './bench-corpus';

// ---- Reference tokenizer (the rules in src/core/normalize.ts, written for clarity) ----

const WORD = /[\p{L}\p{N}\p{M}]/u;
const FORMAT = /\p{Cf}/u;
const INNER_JOINERS = new Set(['.', "'", '’', '‘', 'ʼ', '´', '`', '׳', '״', '"']);

function charAt(text: string, i: number): string {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) return text.slice(i, i + 2);
  return text[i];
}
const isWordChar = (ch: string): boolean => WORD.test(ch);
const isFormatChar = (ch: string): boolean => ch.charCodeAt(0) >= 128 && FORMAT.test(ch);

export function referenceTokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const ch = charAt(text, i);
    if (ch === '&') {
      tokens.push({ norm: 'and', start: i, end: i + 1 });
      i += 1;
      continue;
    }
    if (!isWordChar(ch)) {
      i += ch.length;
      continue;
    }
    const start = i;
    let end = i + ch.length;
    let j = end;
    while (j < n) {
      const c = charAt(text, j);
      if (isWordChar(c)) {
        j += c.length;
        end = j;
      } else if (isFormatChar(c)) {
        j += c.length;
      } else if (INNER_JOINERS.has(c)) {
        let k = j + c.length;
        while (k < n && isFormatChar(charAt(text, k))) k += charAt(text, k).length;
        if (k < n && isWordChar(charAt(text, k))) j = k;
        else break;
      } else break;
    }
    const norm = normalizeToken(text.slice(start, end));
    if (norm.length > 0) tokens.push({ norm, start, end });
    i = j > end ? j : end;
  }
  // Spaced initials: "J. C. Bamford" -> "jc bamford". An initial is one letter followed by
  // a dot; between two initials only that dot, spaces and (BMP) format characters.
  const isFormatUnit = (i: number) => text.charCodeAt(i) >= 128 && FORMAT.test(text[i]);
  const skipFormat = (i: number) => {
    while (i < text.length && isFormatUnit(i)) i++;
    return i;
  };
  const isInitial = (t: Token) => t.norm.length === 1 && /\p{L}/u.test(t.norm) && text[skipFormat(t.end)] === '.';
  const gap = (from: number, to: number) => {
    let dot = false;
    for (let i = from; i < to; i++) {
      if (text[i] === '.' && !dot) dot = true;
      else if (!/\s/.test(text[i]) && !isFormatUnit(i)) return false;
    }
    return dot;
  };
  const out: Token[] = [];
  let a = 0;
  while (a < tokens.length) {
    let b = a;
    while (b < tokens.length && isInitial(tokens[b]) && (b === a || gap(tokens[b - 1].end, tokens[b].start))) {
      b++;
    }
    if (b - a >= 2) {
      out.push({
        norm: tokens
          .slice(a, b)
          .map((t) => t.norm)
          .join(''),
        start: tokens[a].start,
        end: tokens[b - 1].end,
      });
      a = b;
    } else out.push(tokens[a++]);
  }
  return out;
}

// ---- Checks ----

export interface CheckResult {
  name: string;
  cases: number;
  differences: number;
  /** The first few differences, for the report. */
  examples: string[];
  ms: number;
}

function check<T>(name: string, inputs: Iterable<T>, same: (x: T) => string | null): CheckResult {
  const t0 = performance.now();
  let cases = 0;
  const examples: string[] = [];
  let differences = 0;
  for (const s of inputs) {
    cases++;
    const diff = same(s);
    if (diff !== null) {
      differences++;
      if (examples.length < 5) examples.push(diff);
    }
  }
  return { name, cases, differences, examples, ms: performance.now() - t0 };
}

function tokenDiff(text: string): string | null {
  const a = JSON.stringify(tokenize(text));
  const b = JSON.stringify(referenceTokenize(text));
  return a === b ? null : `${JSON.stringify(text.slice(0, 80))}: fast ${a.slice(0, 160)} reference ${b.slice(0, 160)}`;
}

/** Characters that stress the tokenizer's rules: joiners, format characters, marks, pairs. */
export const ALPHABET: readonly string[] = [
  'a',
  'B',
  'z',
  'Z',
  '0',
  '9',
  ' ',
  '.',
  "'",
  '"',
  '`',
  '’',
  '‘',
  'ʼ',
  '´',
  '׳',
  '״',
  '&',
  '-',
  '/',
  ',',
  '\u00AD',
  '\u200B',
  '\u200D',
  '\u202E',
  '\u2060',
  '\uFEFF',
  'é',
  'É',
  'ß',
  'ø',
  'Æ',
  'ł',
  'Ł',
  'İ',
  'ı',
  'Σ',
  'σ',
  'ς',
  'Ϲ',
  'ά',
  'й',
  'ב',
  'ע',
  'מ',
  '\u0301',
  '\u0308',
  '\u05B7',
  'ﬁ',
  'Ａ',
  '²',
  '¼',
  'µ',
  'ª',
  'ǅ',
  'ŉ',
  'ệ',
  '가',
  '\u1100',
  '\u1161',
  '\uD835\uDC00',
  '\uD83D\uDE00',
  '\uDB40\uDC01',
  '\uD800',
  '\uDC00',
  '\t',
  '\n',
  '\u00A0',
  '\u2003',
  '\u3000',
  'ä',
  'ö',
  'ü',
  'Ö',
  'Ç',
  'ñ',
  'ş',
  'Ą',
  'ź',
  'ы',
  'Ж',
  'א',
  'ع',
  '一',
  'ǈ',
  'Ǆ',
  'ǳ',
  '\u0345',
  'ΐ',
  'ϴ',
  'ẞ',
  'Ω',
  'K',
  'Å',
  '®',
  '™',
  '€',
  '…',
  '–',
];

function* fuzzStrings(count: number): Generator<string> {
  const random = rng(7);
  for (let i = 0; i < count; i++) {
    const len = Math.floor(random() * 24);
    let s = '';
    for (let j = 0; j < len; j++) s += ALPHABET[Math.floor(random() * ALPHABET.length)];
    yield s;
  }
}

/** The word characters of FOLD_RANGES (each folded one by one), with a few plain ones. */
export function foldedWordChars(): string[] {
  const chars = ['a', 'Z', '7'];
  for (const [a, b] of FOLD_RANGES) {
    for (let c = a; c <= b; c++) {
      const ch = String.fromCharCode(c);
      if (WORD.test(ch)) chars.push(ch);
    }
  }
  return chars;
}

/** What may stand between two word characters of a folded pair: nothing, a joiner, a format character. */
export const FOLD_PAIR_MIDDLES: readonly string[] = ['', '.', '´', '\u00AD'];

/** Pairs of word characters from FOLD_RANGES, alone and with a joiner or format character between. */
function* foldPairs(stride: number): Generator<string> {
  const chars = foldedWordChars();
  let k = 0;
  for (const x of chars) {
    for (const y of chars) {
      for (const m of FOLD_PAIR_MIDDLES) if (k++ % stride === 0) yield x + m + y;
    }
  }
}

export function runChecks(
  opts: { blocks: readonly TextBlock[]; datasets: [string, CompiledData, MatcherOptions?][] },
  quick: boolean,
): CheckResult[] {
  const results: CheckResult[] = [];
  results.push(
    check(
      'tokenize = reference: distinct benchmark blocks',
      opts.blocks.map((b) => b.text),
      tokenDiff,
    ),
  );
  results.push(check('tokenize = reference: random strings', fuzzStrings(quick ? 20_000 : 200_000), tokenDiff));
  results.push(check('tokenize = reference: pairs of folded characters', foldPairs(quick ? 61 : 1), tokenDiff));
  for (const [label, data, options] of opts.datasets) {
    const fast = Matcher.fromData(data, options);
    const full = Matcher.fromData(data, { ...options, prefilter: false });
    results.push(
      check(`matcher pre-check = full scan (${label})`, opts.blocks, (block) => {
        const a = JSON.stringify(fast.scanBlock(block));
        const b = JSON.stringify(full.scanBlock(block));
        return a === b ? null : `${JSON.stringify(block.text.slice(0, 80))}: ${a.slice(0, 160)} vs ${b.slice(0, 160)}`;
      }),
    );
  }
  return results;
}
