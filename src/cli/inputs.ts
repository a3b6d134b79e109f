// One input file -> text blocks, by what the file is (detectDataFormat: content first, then
// the extension): an HTML page (visible text and page data, as the content script sees them), a procurement
// data file (OCDS JSON, TED eForms / TED XML: names with the roles the file states), or
// plain text (each non-empty line one block; CSV/TSV lines too).
import { DOMParser } from 'linkedom';
import { detectDataFormat, FormatError, parseDataFile } from '../formats';
import { htmlDepthError } from '../formats/html-depth';
import type { TextBlock } from '../core/types';
import { htmlInput } from './html-blocks';
import { InputError } from './io';
import { blocksFromText } from './text-blocks';
import { contextsFromLines } from '../formats/page/origin-scan';
import { originsOf } from '../core/origin-findings';
import { cliOriginMatcher } from './origin-data';
import type { PageOrigins } from '../core/origin-report';

export type InputFormat = 'html' | 'text' | ReturnType<typeof parseDataFile>['format'];

export interface InputBlocks {
  format: InputFormat;
  blocks: TextBlock[];
  /** Per block: where in a data file the name was found (JSON path / XPath), else null. */
  sources: (string | null)[];
  warnings: string[];
  /** Origins the input names (settlement localities in origin, producer or address values). */
  origins: PageOrigins;
}

const NO_ORIGINS: PageOrigins = { findings: [], stated: [] };

const parseXml = (xml: string): Document => new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;

/** `file` is the name as given ("-" for standard input): used for detection and messages. */
export function blocksFromInput(file: string, text: string, url: string | null): InputBlocks {
  const name = file === '-' ? '' : file;
  const kind = detectDataFormat(name, text);
  switch (kind) {
    case 'html': {
      // Checked before parsing: linkedom takes quadratic time on deep nesting.
      const deep = htmlDepthError(text);
      if (deep) throw new InputError(`${file}: ${deep}`);
      const { blocks, sources, origins } = htmlInput(text, url);
      return { format: 'html', blocks, sources, warnings: [], origins };
    }
    case 'text':
    case 'csv':
      return plain('text', blocksFromText(text));
    case 'xlsx':
      throw new InputError(`${file}: spreadsheets (.xlsx) are not scanned; save the column as CSV or text`);
    case 'ocds':
    case 'ted-xml':
    case 'unknown':
      try {
        const r = parseDataFile(file, text, parseXml);
        return {
          format: r.format,
          blocks: r.blocks.map((b) => ({
            text: b.text,
            field: b.field,
            lang: b.lang ?? null,
            country: b.country ?? null,
          })),
          sources: r.blocks.map((b) => b.source),
          warnings: r.warnings,
          // A notice's texts are read for origins as label/value lines, like a page's rows.
          origins: originsOf(
            contextsFromLines(
              r.blocks.filter((b) => b.kind === 'text').map((b) => b.text),
              cliOriginMatcher(),
            ).map((c) => ({ c, fromPageData: false })),
            cliOriginMatcher(),
          ),
        };
      } catch (e) {
        // Unsupported or malformed: say so in one line, never scan half a file.
        if (e instanceof FormatError) throw new InputError(e.message);
        throw e;
      }
  }
}

function plain(format: 'text', blocks: TextBlock[]): InputBlocks {
  return { format, blocks, sources: blocks.map(() => null), warnings: [], origins: NO_ORIGINS };
}
