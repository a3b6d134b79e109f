// Guesses what kind of file the user gave: by content first (downloads often carry the wrong
// extension, e.g. an OCDS export saved as .txt), then by extension. BOM-tolerant.
//   ocds     JSON whose text has an "ocid", "releases" or "records" key (OCDS 1.0/1.1)
//   ted-xml  XML whose root is TED_EXPORT / TED_ESENDERS (TED XML R2.0.9) or an eForms notice
//            (ContractAwardNotice / ContractNotice / PriorInformationNotice, or the eForms
//            extension namespace http://data.europa.eu/p27/eforms-ubl-extension...)
//   html     <!doctype html>, <html>, or an .html/.htm/.xhtml name
//   xlsx     a ZIP container (PK\x03\x04) named .xlsx
// A file that only looks like JSON or XML but is neither OCDS nor TED is 'unknown'.
import { EFORMS_ROOTS } from './ted-eforms';
import { TED_XML_ROOTS } from './ted-r209';

export type DataFileKind = 'html' | 'text' | 'ocds' | 'ted-xml' | 'csv' | 'xlsx' | 'unknown';

const OCDS_KEY = /"(?:ocid|releases|records)"\s*:/;
const EFORMS_NS = 'http://data.europa.eu/p27/eforms-ubl-extension';

function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Skips the XML declaration, comments, processing instructions and whitespace at the start. */
function skipProlog(s: string): string {
  let rest = s;
  for (;;) {
    const t = rest.trimStart();
    const close = t.startsWith('<?') ? '?>' : t.startsWith('<!--') ? '-->' : null;
    const end = close === null ? -1 : t.indexOf(close);
    if (end === -1) return t;
    rest = t.slice(end + close!.length);
  }
}

function sniffMarkup(s: string): DataFileKind | null {
  const body = skipProlog(s.slice(0, 65536));
  if (/^<!doctype\s+html|^<html[\s>]/i.test(body)) return 'html';
  const root = /^(?:<!DOCTYPE[^>]*>\s*)?<([A-Za-z_][\w.:-]*)/.exec(body);
  if (root) {
    const local = root[1].slice(root[1].lastIndexOf(':') + 1);
    if (TED_XML_ROOTS.includes(local) || EFORMS_ROOTS.includes(local)) return 'ted-xml';
    if (body.slice(0, 4096).includes(EFORMS_NS)) return 'ted-xml';
  }
  return null;
}

const BY_EXTENSION: Record<string, DataFileKind> = {
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  txt: 'text',
  text: 'text',
  md: 'text',
  csv: 'csv',
  tsv: 'csv',
  xlsx: 'xlsx',
  json: 'unknown',
  xml: 'unknown',
};

export function detectDataFormat(fileName: string, text: string): DataFileKind {
  const ext = extensionOf(fileName);
  const s = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).trimStart();
  if (s.startsWith('PK\u0003\u0004')) return ext === 'xlsx' ? 'xlsx' : 'unknown';
  if (s.startsWith('{')) return OCDS_KEY.test(s) ? 'ocds' : 'unknown';
  if (s.startsWith('<')) {
    const sniffed = sniffMarkup(s);
    if (sniffed) return sniffed;
    if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
    if (ext === 'xml' || s.startsWith('<?xml')) return 'unknown';
    if (/<(?:body|div|p|table|head)[\s>]/i.test(s.slice(0, 65536))) return 'html';
  }
  const byExt = BY_EXTENSION[ext];
  if (byExt) return byExt;
  // No known extension: readable text is scanned as text, binary is not.
  return s === '' || s.includes('\u0000') ? 'unknown' : 'text';
}
