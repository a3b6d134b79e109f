// What a reader tells the user about how a file was decoded, as data (the screening page
// words it in the user's language) and in English (the CLI). Pure.
import type { DecodeReport, TextEncoding } from './text-decode';

export type DecodeWarning =
  /** The whole file was read in another encoding than UTF-8, and how that was decided. */
  | { code: 'encoding'; encoding: Exclude<TextEncoding, 'utf-8'>; detectedBy: 'bom' | 'pattern' | 'fallback' }
  /** Some lines of a UTF-8 file were not UTF-8: their invalid bytes were read as windows-1252. */
  | { code: 'encoding-lines'; encoding: 'windows-1252'; lines: number[]; count: number }
  /** Characters that no encoding could read (a broken or truncated UTF-16/32 file). */
  | { code: 'encoding-replaced'; encoding: TextEncoding; count: number };

export function decodeWarnings(report: DecodeReport): DecodeWarning[] {
  const out: DecodeWarning[] = [];
  if (report.encoding !== 'utf-8') {
    const by = report.detectedBy === 'default' ? 'fallback' : report.detectedBy;
    out.push({ code: 'encoding', encoding: report.encoding, detectedBy: by });
  } else if (report.fallbackLineCount > 0) {
    out.push({
      code: 'encoding-lines',
      encoding: 'windows-1252',
      lines: report.fallbackLines,
      count: report.fallbackLineCount,
    });
  }
  if (report.replaced > 0) out.push({ code: 'encoding-replaced', encoding: report.encoding, count: report.replaced });
  return out;
}

const LABEL: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  'utf-32le': 'UTF-32LE',
  'utf-32be': 'UTF-32BE',
  'windows-1252': 'windows-1252',
};

/** "3, 17, 40", or "3, 17, …" when there are more than the report lists (any language). */
export function lineList(lines: readonly number[], count: number): string {
  return count > lines.length ? `${lines.join(', ')}, …` : lines.join(', ');
}

/** The warning in one English sentence (CLI output). */
export function decodeWarningText(w: DecodeWarning): string {
  switch (w.code) {
    case 'encoding':
      if (w.detectedBy === 'bom') return `read as ${LABEL[w.encoding]} (byte order mark)`;
      if (w.detectedBy === 'pattern') {
        return `read as ${LABEL[w.encoding]} (no byte order mark; recognised by its NUL bytes)`;
      }
      return `not valid UTF-8; read as ${LABEL[w.encoding]}: check that accented names look right`;
    case 'encoding-lines': {
      const one = w.count === 1;
      const more = w.count > w.lines.length ? ` (${w.count} lines)` : '';
      return (
        `line${one ? '' : 's'} ${lineList(w.lines, w.count)}${more} ${one ? 'is' : 'are'} not valid UTF-8: ` +
        `the bytes that are not were read as windows-1252, the rest as UTF-8`
      );
    }
    case 'encoding-replaced':
      return (
        `${w.count} character${w.count === 1 ? '' : 's'} could not be decoded as ${LABEL[w.encoding]} ` +
        `(damaged or truncated file) and ${w.count === 1 ? 'was' : 'were'} replaced by U+FFFD`
      );
  }
}
