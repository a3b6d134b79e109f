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
export function normalizeToken(raw: string): string {
  // Fast path: most page words are plain ASCII letters and digits.
  const lower = raw.toLowerCase();
  if (ASCII_WORD_RE.test(lower)) return lower;
  let s = raw.normalize('NFKC').toLowerCase();
  s = s.normalize('NFD').replace(MARKS_RE, '');
  s = s.replace(FOLD_EXTRA_RE, (c) => FOLD_EXTRA[c] ?? c);
  // Drop joiners and format characters kept inside the token.
  let out = '';
  for (const ch of s) {
    if (INNER_JOINERS.has(ch) || FORMAT.test(ch)) continue;
    out += ch;
  }
  return out.normalize('NFC');
}

function isWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  // ASCII fast path.
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD.test(ch);
}

function isFormatChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 128 && FORMAT.test(ch);
}

/** Split text into normalised word tokens with their original offsets. */
export function tokenize(text: string): Token[] {
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
    // Inside a word: extend over word chars, ignorable format chars, and joiners that
    // sit between two word chars.
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
        // Join only when a word char follows (possibly after format chars).
        let k = j + c.length;
        while (k < n && isFormatChar(charAt(text, k))) k += charAt(text, k).length;
        if (k < n && isWordChar(charAt(text, k))) {
          j = k;
        } else break;
      } else break;
    }
    const norm = normalizeToken(text.slice(start, end));
    if (norm.length > 0) tokens.push({ norm, start, end });
    i = j > end ? j : end;
  }
  return mergeSpacedInitials(text, tokens);
}

function charAt(text: string, i: number): string {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) return text.slice(i, i + 2);
  return text[i];
}

// "J. C. Bamford" -> "jc bamford": two or more single-letter tokens, each directly
// followed by a dot and separated only by spaces, become one token.
function mergeSpacedInitials(text: string, tokens: Token[]): Token[] {
  let out: Token[] | null = null;
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    while (
      j < tokens.length &&
      isInitial(text, tokens[j]) &&
      (j === i || /^\s*$/.test(text.slice(tokens[j - 1].end + 1, tokens[j].start)))
    ) {
      j++;
    }
    if (j - i >= 2) {
      out ??= tokens.slice(0, i);
      out.push({
        norm: tokens
          .slice(i, j)
          .map((t) => t.norm)
          .join(''),
        start: tokens[i].start,
        end: tokens[j - 1].end,
      });
      i = j;
    } else {
      out?.push(tokens[i]);
      i++;
    }
  }
  return out ?? tokens;
}

function isInitial(text: string, t: Token): boolean {
  return t.norm.length === 1 && /\p{L}/u.test(t.norm) && text[t.end] === '.';
}

/** The normalised form of a whole name: its tokens joined by single spaces. */
export function normalizeName(name: string): string {
  return tokenize(name)
    .map((t) => t.norm)
    .join(' ');
}
