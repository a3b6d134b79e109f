// Single entry for procurement data files (CLI `settlement-screen scan`, bulk screening page):
// OCDS JSON (1.0/1.1 releases, records and their packages), TED eForms XML and TED XML R2.0.9.
// Pure: the caller reads the file and supplies the XML parser (DOMParser in browsers, linkedom's
// DOMParser in Node), so this runs in the extension and in Node alike.
import { detectDataFormat } from './detect';
import { ocdsBlocks } from './ocds';
import { tedXmlBlocks } from './ted-xml';
import { FormatError, type DataFileResult } from './types';
import { xmlStructureProblem } from './xml-check';

export { detectDataFormat, type DataFileKind } from './detect';
export { ocdsBlocks } from './ocds';
export { tedXmlBlocks } from './ted-xml';
export { FormatError, type DataFileBlock, type DataFileResult, type DataFormat } from './types';

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new FormatError(`invalid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function parseTedXml(text: string, parseXml: (s: string) => Document): DataFileResult {
  // Checked before parsing: lenient parsers (linkedom) close a truncated file without complaint.
  const problem = xmlStructureProblem(text);
  if (problem)
    throw new FormatError(problem.kind === 'too-deep' ? problem.message : `malformed XML: ${problem.message}`);
  let doc: Document;
  try {
    doc = parseXml(text);
  } catch (e) {
    throw new FormatError(`malformed XML: ${e instanceof Error ? e.message : String(e)}`);
  }
  return tedXmlBlocks(doc);
}

function read(fileName: string, text: string, parseXml: (s: string) => Document): DataFileResult {
  const body = stripBom(text);
  if (body.trim() === '') throw new FormatError('empty file');
  const kind = detectDataFormat(fileName, body);
  const start = body.trimStart();
  const lowerName = fileName.toLowerCase();
  if (
    kind === 'ocds' ||
    (kind === 'unknown' && (start.startsWith('{') || start.startsWith('[') || lowerName.endsWith('.json')))
  ) {
    return ocdsBlocks(parseJson(body));
  }
  if (kind === 'ted-xml' || (kind === 'unknown' && (start.startsWith('<') || lowerName.endsWith('.xml')))) {
    return parseTedXml(body, parseXml);
  }
  throw new FormatError(
    `not a procurement data file (looks like ${kind}); supported: OCDS JSON, TED eForms XML, TED XML R2.0.9`,
  );
}

/**
 * Reads a procurement data file into name blocks with roles. Throws FormatError (message starts
 * with the file name) when the file is empty, malformed, truncated or in another format: never a
 * partial result.
 */
export function parseDataFile(fileName: string, text: string, parseXml: (s: string) => Document): DataFileResult {
  try {
    return read(fileName, text, parseXml);
  } catch (e) {
    if (e instanceof FormatError) throw new FormatError(`${fileName}: ${e.message}`);
    throw e;
  }
}
