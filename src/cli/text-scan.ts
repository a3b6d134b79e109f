// Plain text scanned as it is decoded: each non-empty line is one block (as blocksFromText
// makes them), scanned and dropped, so memory stays bounded whatever the size of the file.
import type { Matcher } from '../core/matcher';
import { SCAN_MAX_LINE_CHARS } from '../formats/limits';
import { InputError, inputLabel } from './io';
import type { ScanCollector } from './scan-collector';

const LINE_BREAK = /\r\n|\n|\r/;
/** A line with something besides whitespace (tested without copying it, as trim() would). */
const NOT_BLANK = /\S/;

export class TextScanner {
  private carry = '';
  blocks = 0;
  chars = 0;

  constructor(
    private readonly matcher: Matcher,
    private readonly collector: ScanCollector,
    private readonly file: string,
  ) {}

  /** Decoded text, in any pieces (a line may continue in the next piece). */
  push(text: string): void {
    if (text === '') return;
    const lines = (this.carry === '' ? text : this.carry + text).split(LINE_BREAK);
    this.carry = lines.pop()!;
    for (const line of lines) this.line(line);
    if (this.carry.length > SCAN_MAX_LINE_CHARS) {
      throw new InputError(
        `${inputLabel(this.file)}: a line is longer than ${SCAN_MAX_LINE_CHARS.toLocaleString('en')} characters: ` +
          `plain text is read line by line, and this is not a text file scan can read`,
      );
    }
  }

  end(): void {
    if (this.carry !== '') this.line(this.carry);
    this.carry = '';
  }

  /** Lines that held NUL bytes (a log cut short by a crash, say), read with spaces for them. */
  nulLines = 0;

  private line(raw: string): void {
    let text = raw;
    if (text.includes('\u0000')) {
      this.nulLines++;
      text = text.replaceAll('\u0000', ' ');
    }
    if (!NOT_BLANK.test(text)) return;
    const block = this.blocks++;
    this.chars += text.length;
    this.collector.add(block, this.matcher.scanBlock({ text, field: null }));
  }
}

/** Text whose first part is mostly control characters is binary data, not text to scan. */
export function looksBinary(head: string): boolean {
  const sample = head.slice(0, 65536);
  if (sample.length === 0) return false;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) control++;
  }
  return control / sample.length > 0.1;
}
