// The two references the matcher is measured against, run over the same text in the same
// process: the naive approach peers use (one case-insensitive word-boundary regular
// expression per alias), and a floor (one linear pass that only lower-cases the text and
// cuts it into word tokens, with nothing looked up).
import type { TextBlock } from '../../src/core/types';

const WORD = /[\p{L}\p{N}\p{M}]/u;
/** Per UTF-16 code unit: 0 not yet known, 1 word character, 2 not. Filled on first sight. */
const wordClass = new Uint8Array(65536);
for (let c = 0; c < 128; c++) {
  wordClass[c] = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 2;
}
// Surrogates: a pair is (almost always) a letter of some script; count both halves as word.
for (let c = 0xd800; c <= 0xdfff; c++) wordClass[c] = 1;

function isWord(c: number): boolean {
  let k = wordClass[c];
  if (k === 0) k = wordClass[c] = WORD.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

/**
 * The floor: lower-cases each block (String.prototype.toLowerCase, native) and cuts it into
 * word tokens (letters, digits, marks), each materialised as a string in a reused array, as
 * any tokenizer must hand its tokens on. No normalisation beyond lower case, no lookups.
 * Returns the token count (used, so the work cannot be optimised away).
 */
export function floorPass(blocks: readonly TextBlock[]): number {
  const tokens: string[] = [];
  let total = 0;
  for (const b of blocks) {
    const lower = b.text.toLowerCase();
    const n = lower.length;
    let count = 0;
    let i = 0;
    while (i < n) {
      if (!isWord(lower.charCodeAt(i))) {
        i++;
        continue;
      }
      const start = i;
      i++;
      while (i < n && isWord(lower.charCodeAt(i))) i++;
      tokens[count++] = lower.slice(start, i);
    }
    total += count;
  }
  return total;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export type NaiveFlavour = 'word-boundary' | 'unicode-lookaround';

/**
 * One regular expression per alias, the way peers write it: `\b` + escaped alias + `\b`,
 * flags `giu` (`\b` is ASCII-only even with `u`), or the Unicode-correct variant with
 * `\p{L}`/`\p{N}` lookarounds. Compiled once, outside the timing.
 */
export function naiveRegexes(aliases: readonly string[], flavour: NaiveFlavour): RegExp[] {
  return aliases.map((a) =>
    flavour === 'word-boundary'
      ? new RegExp('\\b' + escapeRe(a) + '\\b', 'giu')
      : new RegExp('(?<![\\p{L}\\p{N}])' + escapeRe(a) + '(?![\\p{L}\\p{N}])', 'giu'),
  );
}

/**
 * Runs every regex over each chunk of text (blocks joined by newlines, about a page's worth
 * per chunk, as a peer runs them over a page's text). Returns the match count.
 */
export function naivePass(chunks: readonly string[], regexes: readonly RegExp[]): number {
  let found = 0;
  for (const text of chunks) {
    for (const re of regexes) {
      re.lastIndex = 0;
      while (re.exec(text) !== null) found++;
    }
  }
  return found;
}

/** Blocks joined by newlines into chunks of about `chunkChars` (a page's worth). */
export function chunkText(blocks: readonly TextBlock[], chunkChars = 256 * 1024): string[] {
  const chunks: string[] = [];
  let parts: string[] = [];
  let size = 0;
  for (const b of blocks) {
    parts.push(b.text);
    size += b.text.length + 1;
    if (size >= chunkChars) {
      chunks.push(parts.join('\n'));
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) chunks.push(parts.join('\n'));
  return chunks;
}
