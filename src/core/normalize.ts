// The one normaliser, used for list names at build time and for page text at run time
// (rigour's rule: the runtime input must be normalised with the same steps as the static
// data). It splits text into word tokens and keeps each token's offsets in the original
// string, so a match can always point at the exact page text.
//
// Per token: Unicode NFKC, case folding, diacritics removed, a few letters that do not
// decompose mapped to ASCII (ø, æ, ł, ...). Between tokens: anything that is not a letter
// or digit separates, except
//  - apostrophes and dots *inside* a word join it ("Booking.com" -> "bookingcom",
//    "Mayer’s" -> "mayers", "J.C." -> "jc"), as do Hebrew geresh/gershayim ("בע״מ");
//  - format characters (zero-width space, joiners, soft hyphen, bidi controls) are ignored
//    entirely, so "Ah\u200Bava" is still "ahava";
//  - ® ™ © and similar signs are dropped;
//  - "&" is its own token "and", so "Shikun & Binui" equals "Shikun and Binui".
// Runs of spaced initials ("J. C. Bamford") merge into one token ("jc"), like "J.C.".
//
// Speed (docs/performance.md): the content script runs this over every page, so the scan
// is one pass over UTF-16 code units with a class table (no regex and no string per
// character), tokens are first recorded as offsets and a hash of their normalised form in
// reused typed arrays (scanTokens), and strings are made only for the tokens asked for.
// normalizeToken below is the definition; the fast paths must give exactly its result.

export interface Token {
  /** Normalised form. */
  norm: string;
  /** UTF-16 offset of the token's first character in the original text. */
  start: number;
  /** UTF-16 offset just past the token's last character. */
  end: number;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
const FORMAT = /\p{Cf}/u;
const LETTER = /\p{L}/u;
// Joiners count only between two word characters.
const INNER_JOINERS = new Set(['.', "'", '’', '‘', 'ʼ', '´', '`', '׳', '״', '"']);

const FOLD_EXTRA: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ß: 'ss',
  ſ: 's',
};
const FOLD_EXTRA_RE = /[øæœłđðþıßſ]/g;
const MARKS_RE = /\p{M}/gu;
const ASCII_WORD_RE = /^[a-z0-9]+$/;

/** Normalise one token's raw text: NFKC, case fold, strip marks, fold a few letters. */
const KEEP_RE = /[\p{L}\p{N}]/u;

export function normalizeToken(raw: string): string {
  // Fast path: most page words are plain ASCII letters and digits.
  const lower = raw.toLowerCase();
  if (ASCII_WORD_RE.test(lower)) return lower;
  let s = raw.normalize('NFKC').toLowerCase();
  s = s.normalize('NFD').replace(MARKS_RE, '');
  s = s.replace(FOLD_EXTRA_RE, (c) => FOLD_EXTRA[c] ?? c);
  // Keep letters and digits only: joiners and format characters inside the token go, and
  // so does anything NFKC brought in ("¼" -> "1⁄4", "Ŀ" -> "l·"), which would otherwise
  // split the token on a second pass (normalising must be idempotent).
  let out = '';
  for (const ch of s) {
    if (KEEP_RE.test(ch)) out += ch;
  }
  return out.normalize('NFC');
}

// ---------------------------------------------------------------------------------------
// Character classes, one byte per UTF-16 code unit. ASCII is filled up front; the rest on
// first sight (a regex test per distinct character, not per occurrence).

const C_UNKNOWN = 0;
/** Separates tokens (space, punctuation, symbols, lone surrogates). */
const C_SEP = 1;
/** ASCII letters and digits (c | 32 is the lower-case form of each). */
const C_ALNUM = 2;
/** A non-ASCII word character whose normalised form does not depend on its neighbours (FOLD). */
const C_FOLD = 3;
/** Any other word character: its token is normalised by normalizeToken itself. */
const C_WORD = 4;
/** Format character (\p{Cf}) in the BMP: ignored inside a token. */
const C_FORMAT = 5;
/** One of INNER_JOINERS that is not itself a word character. */
const C_JOINER = 6;
const C_AMP = 7;
/** High surrogate: the class is that of the pair's code point (CLS_ASTRAL). */
const C_HIGH = 8;

/** Word classes are C_ALNUM..C_WORD. */
const isWordClass = (k: number): boolean => k >= C_ALNUM && k <= C_WORD;

const CLS = new Uint8Array(65536);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  CLS[c] =
    (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90)
      ? C_ALNUM
      : c === 38
        ? C_AMP
        : INNER_JOINERS.has(ch)
          ? C_JOINER
          : C_SEP;
}

/**
 * Blocks whose word characters normalise one by one: normalizeToken of a token made of
 * them is the concatenation of normalizeToken of each character. This holds where NFKC,
 * lower-casing and NFC never look at a neighbour: no combining marks (those are \p{M},
 * class C_WORD), no Hangul, and nothing that becomes the Greek capital sigma (Σ, Ϲ), which
 * lower-cases to σ or ς by position. Checked for every pair of these characters (and with
 * joiners and format characters between them) by scripts/lib/bench-check.ts.
 */
export const FOLD_RANGES: readonly [number, number][] = [
  [0x00a0, 0x02af], // Latin-1 Supplement, Latin Extended-A and -B, IPA
  [0x0370, 0x03ff], // Greek
  [0x0400, 0x052f], // Cyrillic
  [0x05d0, 0x05f2], // Hebrew letters
  [0x0620, 0x064a], // Arabic letters
  [0x1e00, 0x1eff], // Latin Extended Additional (Vietnamese, Welsh, ...)
];

/**
 * Normalised form of each C_FOLD, C_JOINER and C_FORMAT character (ASCII letters: lower case):
 * an array below U+2000 (the letters of FOLD_RANGES: an index is cheaper than a Map lookup
 * in the scan loop), a Map above (quotes, format characters).
 */
const FOLD_LOW: string[] = new Array<string>(0x2000).fill('');
const FOLD_HIGH = new Map<number, string>();
const FOLD = {
  set(c: number, f: string): void {
    if (c < 0x2000) FOLD_LOW[c] = f;
    else FOLD_HIGH.set(c, f);
  },
};
function foldOf(c: number): string {
  return c < 0x2000 ? FOLD_LOW[c] : (FOLD_HIGH.get(c) as string);
}
for (const j of INNER_JOINERS) {
  const c = j.charCodeAt(0);
  if (CLS[c] === C_JOINER || c >= 128) FOLD.set(c, normalizeToken(j));
}

function inFoldRange(c: number): boolean {
  for (const [a, b] of FOLD_RANGES) {
    if (c >= a && c <= b) return !String.fromCharCode(c).normalize('NFKC').includes('Σ');
  }
  return false;
}

/** The class of a BMP code unit >= 128, computed once. */
function classify(c: number): number {
  let k = CLS[c];
  if (k !== C_UNKNOWN) return k;
  const ch = String.fromCharCode(c);
  if (c >= 0xd800 && c <= 0xdbff) k = C_HIGH;
  else if (WORD.test(ch)) {
    k = C_WORD;
    if (inFoldRange(c)) {
      const f = normalizeToken(ch);
      if (f.length > 0) {
        FOLD.set(c, f);
        k = C_FOLD;
      }
    }
  } else if (FORMAT.test(ch)) {
    // Format characters have no compatibility decomposition and are dropped by
    // normalizeToken; should one ever keep a form, its tokens take the exact path.
    if (normalizeToken(ch) === '') {
      FOLD.set(c, '');
      k = C_FORMAT;
    } else k = C_WORD;
  } else if (INNER_JOINERS.has(ch)) k = C_JOINER;
  else k = C_SEP;
  CLS[c] = k;
  return k;
}

/** Astral code point -> class (C_WORD, C_FORMAT or C_SEP), computed once per code point. */
const CLS_ASTRAL = new Map<number, number>();

function classifyAstral(cp: number): number {
  let k = CLS_ASTRAL.get(cp);
  if (k !== undefined) return k;
  const ch = String.fromCodePoint(cp);
  k = WORD.test(ch) ? C_WORD : FORMAT.test(ch) ? C_FORMAT : C_SEP;
  CLS_ASTRAL.set(cp, k);
  return k;
}

// CHAR_CODE_AT: the hot loops read characters as `cca.call(text, i)` with
// `const cca = String.prototype.charCodeAt` taken inside the function, not `text.charCodeAt(i)`.
// The property load in `text.charCodeAt` caches the receiver's map, and strings have one map
// per representation (flat, cons, sliced, external, internalized; one- and two-byte). Page
// text arrives in most of them, so that load goes megamorphic, V8 then calls charCodeAt
// instead of inlining it, and the scan takes twice as long (docs/performance.md). A
// constant function called through .call is inlined whatever the string's representation.

/**
 * Class of the character at i and its length in code units, packed as class | length << 4.
 * A high surrogate is read with the code unit after it (length 2), as a pair; when that
 * unit is no low surrogate (broken text) the two count as whatever the second one is, a
 * word or format character or else a separator, which is how the first version of this
 * tokenizer read them (a regex test of the two units). At the very end it separates.
 */
function classAt(text: string, i: number): number {
  const cca = String.prototype.charCodeAt; // see CHAR_CODE_AT
  const c = cca.call(text, i);
  const k = c < 128 ? CLS[c] : classify(c);
  if (k !== C_HIGH) return k | 16;
  if (i + 1 >= text.length) return C_SEP | 16;
  const d = cca.call(text, i + 1);
  if (d >= 0xdc00 && d <= 0xdfff) return classifyAstral(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000) | 32;
  const k2 = d < 128 ? CLS[d] : classify(d);
  if (isWordClass(k2)) return C_WORD | 32;
  return (k2 === C_FORMAT ? C_FORMAT : C_SEP) | 32;
}

/** JavaScript's \s (WhiteSpace and LineTerminator). */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return LETTER.test(String.fromCharCode(c));
}

// ---------------------------------------------------------------------------------------
// Token hashes: FNV-1a over the UTF-16 code units of the normalised form. The matcher keys
// its trie by the same hash (hashNorm of each listed token), so most page tokens are
// looked up without ever becoming a string.

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

export function hashNorm(norm: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < norm.length; i++) h = Math.imul(h ^ norm.charCodeAt(i), FNV_PRIME);
  return h;
}

/** How a token's normalised form is made from the text (TokenBuffer.kind, low bits). */
const K_ASCII = 0; // ASCII letters and digits only: the raw text lower-cased
const K_FOLD = 1; // concatenation of each code unit's FOLD (ASCII letters lower-cased)
const K_NORM = 2; // stored in TokenBuffer.norms (normalizeToken, merged initials)
const K_AND = 3; // "&"
const K_INITIAL = 4; // flag: one letter directly followed by "." (may merge with neighbours)

/**
 * Tokens of one text as parallel typed arrays, reused from text to text: start and end
 * offsets, hash of the normalised form, and how to make that form. No object per token.
 */
export class TokenBuffer {
  count = 0;
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  hash = new Int32Array(1024);
  kind = new Uint8Array(1024);
  /** Normalised forms of K_NORM tokens, by index; other entries are stale. */
  norms: string[] = [];
  /** Tokens flagged K_INITIAL in the last scan. */
  initials = 0;

  grow(): void {
    const n = this.start.length * 2;
    const g32 = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.start = g32(this.start);
    this.end = g32(this.end);
    this.hash = g32(this.hash);
    const k = new Uint8Array(n);
    k.set(this.kind);
    this.kind = k;
  }

  /** Gives back the memory a very long text took (a one-off 1 MB block). */
  shrink(): void {
    if (this.start.length > 1 << 16) {
      this.start = new Int32Array(1024);
      this.end = new Int32Array(1024);
      this.hash = new Int32Array(1024);
      this.kind = new Uint8Array(1024);
    }
    if (this.norms.length > 1024) this.norms = [];
  }
}

/**
 * Finds the tokens of `text` (the rules above) and records them in `buf`: offsets, hash of
 * the normalised form, kind. Spaced initials are merged. Returns the token count.
 * Strings are made only for tokens with characters outside the FOLD_RANGES (normalised by
 * normalizeToken) and for merged initials.
 */
export function scanTokens(text: string, buf: TokenBuffer): number {
  const cca = String.prototype.charCodeAt; // see CHAR_CODE_AT
  const n = text.length;
  let starts = buf.start;
  let ends = buf.end;
  let hashes = buf.hash;
  let kinds = buf.kind;
  let count = 0;
  let i = 0;
  tokenScan.initials = 0;
  while (i < n) {
    let c = cca.call(text, i);
    // CLS is filled for ASCII; other code units are classified on first sight.
    let k = CLS[c];
    if (k === C_UNKNOWN) k = classify(c);
    if (k === C_SEP) {
      i++;
      continue;
    }
    if (count === starts.length) {
      buf.grow();
      starts = buf.start;
      ends = buf.end;
      hashes = buf.hash;
      kinds = buf.kind;
    }
    if (k === C_ALNUM) {
      // Fast path: a run of ASCII letters and digits, hashed as lower case on the way.
      const start = i;
      let h = FNV_OFFSET;
      do {
        h = Math.imul(h ^ (c | 32), FNV_PRIME);
        if (++i === n) break;
        c = cca.call(text, i);
        k = CLS[c];
      } while (k === C_ALNUM);
      if (k === C_UNKNOWN) k = classify(c);
      if (i === n || k === C_SEP || k === C_AMP) {
        starts[count] = start;
        ends[count] = i;
        hashes[count] = h;
        kinds[count] = K_ASCII;
        count++;
        continue;
      }
      if (k === C_JOINER) {
        // "Ltd." or "Bank's," at a word's end: the joiner joins nothing when ASCII that is
        // no letter or digit follows (format characters, which might be skipped, are not ASCII).
        const d = i + 1 < n ? cca.call(text, i + 1) : 32;
        if (d < 128 && CLS[d] !== C_ALNUM) {
          let kind = K_ASCII;
          // An initial ("J." in "J. C. Bamford"): one letter directly followed by a dot.
          if (c === 46 && i - start === 1 && (cca.call(text, start) | 32) >= 97) {
            kind |= K_INITIAL;
            tokenScan.initials++;
          }
          starts[count] = start;
          ends[count] = i;
          hashes[count] = h;
          kinds[count] = kind;
          count++;
          continue;
        }
      }
      // Something else follows (a dot, an accented letter, a soft hyphen): go on in full.
      i = continueToken(text, start, i, h, buf, count);
    } else if (k === C_AMP) {
      starts[count] = i;
      ends[count] = i + 1;
      hashes[count] = HASH_AND;
      kinds[count] = K_AND;
      count++;
      i++;
      continue;
    } else {
      if (k === C_HIGH) k = classAt(text, i) & 15;
      if (!isWordClass(k)) {
        // A format character or joiner outside a word, or a surrogate pair that is no word.
        i += c >= 0xd800 && c <= 0xdbff ? classAt(text, i) >> 4 : 1;
        continue;
      }
      i = continueToken(text, i, i, FNV_OFFSET, buf, count);
    }
    if (tokenScan.recorded) count++;
  }
  buf.count = count;
  buf.initials = tokenScan.initials;
  if (tokenScan.initials >= 2) mergeSpacedInitials(text, buf);
  return buf.count;
}

/** Out-values of continueToken (one shared object rather than a result object per token). */
const tokenScan = { recorded: false, initials: 0 };

/**
 * The general token rule, from `j` inside a token that began at `start` (the code units
 * before j are ASCII letters and digits hashed into h). Extends over word characters,
 * ignorable format characters, and joiners between two word characters (possibly with
 * format characters after the joiner); records the token at `index` of `buf` unless its
 * normalised form is empty (tokenScan.recorded). Returns where scanning goes on.
 */
function continueToken(text: string, start: number, j: number, h: number, buf: TokenBuffer, index: number): number {
  const cca = String.prototype.charCodeAt; // see CHAR_CODE_AT
  const n = text.length;
  let end = j;
  /** Length of the normalised form so far, and its first code unit (for initials). */
  let normLen = j - start;
  let first = normLen > 0 ? cca.call(text, start) | 32 : 0;
  /** The token is plain ASCII letters and digits. */
  let ascii = true;
  /** The token needs normalizeToken (a character outside FOLD_RANGES). */
  let exact = false;
  while (j < n) {
    const c = cca.call(text, j);
    let k = c < 128 ? CLS[c] : classify(c);
    if (k === C_ALNUM) {
      h = Math.imul(h ^ (c | 32), FNV_PRIME);
      if (normLen++ === 0) first = c | 32;
      end = ++j;
      continue;
    }
    let len = 1;
    if (k === C_HIGH) {
      const p = classAt(text, j);
      k = p & 15;
      len = p >> 4;
      // An astral word or format character: only normalizeToken knows its form.
      if (k === C_WORD || k === C_FORMAT) exact = true;
    }
    if (k === C_FOLD) {
      const f = foldOf(c);
      for (let q = 0; q < f.length; q++) h = Math.imul(h ^ f.charCodeAt(q), FNV_PRIME);
      if (normLen === 0) first = f.charCodeAt(0);
      normLen += f.length;
      ascii = false;
      end = ++j;
    } else if (k === C_WORD) {
      ascii = false;
      exact = true;
      j += len;
      end = j;
    } else if (k === C_FORMAT) {
      ascii = false;
      j += len;
    } else if (k === C_JOINER) {
      // Joins only when a word character follows (possibly after format characters).
      let m = j + 1;
      let mk = C_SEP;
      while (m < n) {
        const p = classAt(text, m);
        mk = p & 15;
        if (mk !== C_FORMAT) break;
        if (p >> 4 === 2) exact = true;
        m += p >> 4;
      }
      if (m < n && isWordClass(mk)) {
        const f = foldOf(c);
        for (let q = 0; q < f.length; q++) h = Math.imul(h ^ f.charCodeAt(q), FNV_PRIME);
        normLen += f.length;
        ascii = false;
        j = m;
      } else break;
    } else break;
  }
  const next = j > end ? j : end;
  let kind: number;
  if (exact) {
    const norm = normalizeToken(text.slice(start, end));
    tokenScan.recorded = norm.length > 0;
    if (!tokenScan.recorded) return next;
    h = hashNorm(norm);
    buf.norms[index] = norm;
    kind = K_NORM;
    normLen = norm.length;
    first = norm.charCodeAt(0);
  } else {
    kind = ascii ? K_ASCII : K_FOLD;
    tokenScan.recorded = true;
  }
  // An initial: one letter directly followed by a dot ("J." in "J. C. Bamford").
  if (normLen === 1 && cca.call(text, skipFormat(text, end)) === 46 && isLetterCode(first)) {
    kind |= K_INITIAL;
    tokenScan.initials++;
  }
  buf.start[index] = start;
  buf.end[index] = end;
  buf.hash[index] = h;
  buf.kind[index] = kind;
  return next;
}

const HASH_AND = hashNorm('and');

/** The normalised form of token i of the last scan of `text` into `buf`. */
export function normAt(text: string, buf: TokenBuffer, i: number): string {
  const cca = String.prototype.charCodeAt; // see CHAR_CODE_AT
  switch (buf.kind[i] & 3) {
    case K_ASCII:
      return text.slice(buf.start[i], buf.end[i]).toLowerCase();
    case K_AND:
      return 'and';
    case K_NORM:
      return buf.norms[i];
    default: {
      let s = '';
      for (let j = buf.start[i], e = buf.end[i]; j < e; j++) {
        const c = cca.call(text, j);
        s += CLS[c] === C_ALNUM ? String.fromCharCode(c | 32) : foldOf(c);
      }
      return s;
    }
  }
}

/**
 * "J. C. Bamford" -> "jc bamford": two or more single-letter tokens, each directly
 * followed by a dot and separated only by whitespace, become one token. In place.
 */
function mergeSpacedInitials(text: string, buf: TokenBuffer): void {
  const n = buf.count;
  const { start, end, hash, kind, norms } = buf;
  const initial = (t: number) => (kind[t] & K_INITIAL) !== 0;
  let w = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j < n && initial(j) && (j === i || initialsGap(text, end[j - 1], start[j]))) j++;
    if (j - i >= 2) {
      let norm = '';
      for (let q = i; q < j; q++) norm += normAt(text, buf, q);
      start[w] = start[i];
      end[w] = end[j - 1];
      hash[w] = hashNorm(norm);
      kind[w] = K_NORM;
      norms[w] = norm;
      w++;
      i = j;
    } else {
      if (w !== i) {
        start[w] = start[i];
        end[w] = end[i];
        hash[w] = hash[i];
        kind[w] = kind[i];
        if ((kind[i] & 3) === K_NORM) norms[w] = norms[i];
      }
      w++;
      i++;
    }
  }
  buf.count = w;
}

/**
 * Between two initials: the first one's dot, then spaces; format characters (zero-width
 * space, bidi controls) anywhere are ignored, as everywhere else.
 */
function initialsGap(text: string, from: number, to: number): boolean {
  const cca = String.prototype.charCodeAt; // see CHAR_CODE_AT
  let dot = false;
  for (let i = from; i < to; i++) {
    const c = cca.call(text, i);
    if (c === 46 && !dot) dot = true;
    else if (!isSpace(c) && !isFormatCode(c)) return false;
  }
  return dot;
}

function isFormatCode(c: number): boolean {
  return c >= 128 && FORMAT.test(String.fromCharCode(c));
}

/** The index of the first character at or after i that is not a format character. */
function skipFormat(text: string, i: number): number {
  const cca = String.prototype.charCodeAt; // see CHAR_CODE_AT
  while (i < text.length && isFormatCode(cca.call(text, i))) i++;
  return i;
}

/** Token objects for the last scan of `text` into `buf`. */
export function tokensFrom(text: string, buf: TokenBuffer): Token[] {
  const out: Token[] = new Array(buf.count);
  // ASCII tokens are cut from the text lower-cased once (one string per token, not two).
  // Only U+0130 (İ) lower-cases to two code units; where none occurs, offsets agree.
  const lower = text.toLowerCase();
  const aligned = lower.length === text.length;
  const { start, end, kind } = buf;
  for (let i = 0; i < buf.count; i++) {
    const norm = aligned && (kind[i] & 3) === K_ASCII ? lower.slice(start[i], end[i]) : normAt(text, buf, i);
    out[i] = { norm, start: start[i], end: end[i] };
  }
  return out;
}

const shared = new TokenBuffer();

/** Split text into normalised word tokens with their original offsets. */
export function tokenize(text: string): Token[] {
  scanTokens(text, shared);
  const tokens = tokensFrom(text, shared);
  shared.shrink();
  return tokens;
}

/** The normalised form of a whole name: its tokens joined by single spaces. */
export function normalizeName(name: string): string {
  return tokenize(name)
    .map((t) => t.norm)
    .join(' ');
}
