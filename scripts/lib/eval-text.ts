// Finding expected and trap texts in a page's blocks. Matching is exact (case matters:
// "JCB" and "Jcb" are different evidence) but tolerant of whitespace runs, since HTML
// blocks keep the source's line breaks and indentation. A text that starts or ends with
// a letter or digit must sit on a word boundary: the trap "HOT" is not in "PHOTO".
import type { TextBlock } from '../../src/core/types';

/** A character range in one block. */
export interface Span {
  block: number;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]/u;

export function occurrenceRegExp(text: string): RegExp {
  const trimmed = text.trim();
  const body = trimmed
    .split(/\s+/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  const head = WORD.test(trimmed[0] ?? '') ? '(?<![\\p{L}\\p{N}])' : '';
  const tail = WORD.test(trimmed.at(-1) ?? '') ? '(?![\\p{L}\\p{N}])' : '';
  return new RegExp(head + body + tail, 'gu');
}

export function findOccurrences(blocks: readonly TextBlock[], text: string): Span[] {
  if (text.trim() === '') return [];
  const re = occurrenceRegExp(text);
  const out: Span[] = [];
  blocks.forEach((b, block) => {
    for (const m of b.text.matchAll(re)) out.push({ block, start: m.index, end: m.index + m[0].length });
  });
  return out;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.block === b.block && a.start < b.end && b.start < a.end;
}
