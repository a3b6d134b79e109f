// Plain text: each non-empty line is one block (a list of names, a CSV column, a
// supplier register export), so offsets and match context stay per line.
import type { TextBlock } from '../core/types';

export function blocksFromText(text: string): TextBlock[] {
  return text
    .split(/\r\n|\n|\r/)
    .filter((line) => line.trim() !== '')
    .map((line) => ({ text: line, field: null }));
}
