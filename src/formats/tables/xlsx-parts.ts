// The small parts of an .xlsx workbook the sheets depend on (ECMA-376 SpreadsheetML), each
// as a handler for the streaming tokenizer: the sheet names and order (workbook.xml and its
// relationships), which cell styles are dates (styles.xml), and the shared strings table.
// Pure.
import type { XmlHandler } from './xml-stream';

export interface WorkbookInfo {
  sheets: { name: string; relId: string }[];
  /** Dates count from 1904-01-01 instead of 1899-12-30 (old Mac workbooks). */
  date1904: boolean;
}

export function workbookHandler(info: WorkbookInfo): XmlHandler {
  return {
    open(name, attrs) {
      if (name === 'sheet') info.sheets.push({ name: attrs.name ?? '', relId: attrs.id ?? '' });
      else if (name === 'workbookPr') info.date1904 = attrs.date1904 === '1' || attrs.date1904 === 'true';
    },
    close() {},
    text() {},
  };
}

export interface Relationship {
  /** The part's name in the ZIP, resolved against the folder of the part the relationship belongs to. */
  target: string;
  /** The last segment of its type URI ("worksheet", "sharedStrings", "styles", ...). */
  type: string;
}

/** Relationship id -> where it points and what it is. */
export function relationshipsHandler(rels: Map<string, Relationship>, baseFolder: string): XmlHandler {
  return {
    open(name, attrs) {
      if (name !== 'Relationship' || !attrs.Id || !attrs.Target) return;
      const target = attrs.Target.startsWith('/') ? attrs.Target.slice(1) : `${baseFolder}${attrs.Target}`;
      const type = (attrs.Type ?? '').slice((attrs.Type ?? '').lastIndexOf('/') + 1);
      rels.set(attrs.Id, { target: normalizePath(target), type });
    },
    close() {},
    text() {},
  };
}

function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

/** Built-in number formats that are dates or times (ECMA-376 Part 1, 18.8.30). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** A custom format code is a date when, outside quoted text and [...] sections, it has d, m, y, h or s. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  // Only the first section (positive numbers) decides.
  return /[dmyhs]/i.test(bare.split(';')[0]) && !/^general$/i.test(bare.trim());
}

/** Per cell style index (the `s` of a cell): whether its number format is a date. */
export function stylesHandler(dateStyles: boolean[]): XmlHandler {
  const custom = new Map<number, boolean>();
  let inCellXfs = false;
  return {
    open(name, attrs) {
      if (name === 'numFmt') custom.set(Number(attrs.numFmtId), isDateFormatCode(attrs.formatCode ?? ''));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attrs.numFmtId ?? 0);
        dateStyles.push(custom.get(id) ?? BUILTIN_DATE_FORMATS.has(id));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  };
}

/** The shared strings: each <si>'s text, rich-text runs joined, phonetic guides (<rPh>) left out. */
export function sharedStringsHandler(strings: string[]): XmlHandler {
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  return {
    open(name) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 'si' && current) {
        strings.push(current.join(''));
        current = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText && current) current.push(text);
    },
  };
}
