// Plain text scanned as it is decoded: each non-empty line is one block (as blocksFromText
// makes them), scanned and dropped, so memory stays bounded whatever the size of the file.
import type { Matcher } from '../core/matcher';
import { SCAN_MAX_LINE_CHARS } from '../formats/limits';
import { InputError, inputLabel } from './io';
import type { ScanCollector } from './scan-collector';

const LINE_BREAK = /\r\n|\n|\r/;

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
    const lines = (this.carry + text).split(LINE_BREAK);
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

  private line(text: string): void {
    if (text.trim() === '') return;
    // A NUL never occurs in text: this is binary data, and its "lines" hold no names to find.
    if (text.includes('\u0000')) {
      throw new InputError(`${inputLabel(this.file)} has NUL bytes: it is not a text file (nothing was scanned)`);
    }
    const block = this.blocks++;
    this.chars += text.length;
    this.collector.add(block, this.matcher.scanBlock({ text, field: null }));
  }
}
