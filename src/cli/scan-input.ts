// One `scan` input, read within its limits: what it is is decided from its first 256 KiB
// (detectDataFormat, as for the whole file); plain text is then decoded and scanned in
// blocks as it streams in (any size up to SCAN_MAX_TEXT_BYTES, in bounded memory), while HTML
// pages and data files, which must be parsed whole, are read up to MAX_MARKUP_BYTES (HTML,
// XML) or MAX_JSON_BYTES (OCDS JSON). Each limit is checked before reading (a file's size) or
// while reading (standard input).
import type { Matcher } from '../core/matcher';
import { detectDataFormat } from '../formats/detect';
import { MAX_JSON_BYTES, MAX_MARKUP_BYTES, SCAN_MAX_TEXT_BYTES } from '../formats/limits';
import { decodeBytes, TextStreamDecoder } from '../formats/text-decode';
import { decodeWarningText, decodeWarnings } from '../formats/decode-warnings';
import { InputError, inputLabel, tooLarge, type CliIo, type InputStream, type ReadLimit } from './io';
import { buildResultFromScans, type JsonResult } from './json-output';
import { ScanCollector } from './scan-collector';
import { TextScanner, looksBinary } from './text-scan';

/** Enough to detect the kind exactly as on the whole text (detectDataFormat reads 64K characters). */
const HEAD_BYTES = 256 * 1024;

const TEXT_LIMIT: ReadLimit = { bytes: SCAN_MAX_TEXT_BYTES, what: 'scan reads plain text of' };
const MARKUP_LIMIT: ReadLimit = {
  bytes: MAX_MARKUP_BYTES,
  what: 'HTML pages and XML files are parsed whole, and can be',
};
const JSON_LIMIT: ReadLimit = { bytes: MAX_JSON_BYTES, what: 'JSON files are parsed whole, and can be' };

/** Markup (a DOM) or JSON, by what the file was detected as, else by its first character. */
function documentLimit(kind: string, head: string): ReadLimit {
  if (kind === 'html' || kind === 'ted-xml') return MARKUP_LIMIT;
  if (kind === 'ocds') return JSON_LIMIT;
  return head
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('<')
    ? MARKUP_LIMIT
    : JSON_LIMIT;
}

export interface ScannedInput {
  result: JsonResult;
  /** How the bytes were decoded (also in result.warnings), for stderr. */
  decodeWarnings: string[];
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function openStream(io: CliIo, file: string): Promise<InputStream> {
  if (io.open) return io.open(file, TEXT_LIMIT);
  const bytes = await io.read(file, TEXT_LIMIT);
  if (bytes.length > TEXT_LIMIT.bytes) throw tooLarge(file, bytes.length, TEXT_LIMIT);
  return { size: bytes.length, chunks: [bytes] };
}

/**
 * A file with no known extension that detection left unknown only for its NUL bytes (a log
 * a crash cut short): text all the same, unless it is mostly control characters.
 */
function nulText(name: string, kind: string, head: string): boolean {
  if (kind !== 'unknown' || !head.includes('\u0000') || /\.(json|xml|xlsx)$/i.test(name)) return false;
  return !/^[\s\uFEFF]*[{[<]/.test(head) && !looksBinary(head);
}

export async function scanInput(io: CliIo, file: string, url: string | null, matcher: Matcher): Promise<ScannedInput> {
  const stream = await openStream(io, file);
  const chunks = (async function* () {
    yield* stream.chunks;
  })();
  const first: Uint8Array[] = [];
  let headLength = 0;
  while (headLength < HEAD_BYTES) {
    const next = await chunks.next();
    if (next.done) break;
    first.push(next.value);
    headLength += next.value.length;
  }
  const headBytes = concat(first, headLength);
  const name = file === '-' ? '' : file;
  const headText = decodeBytes(headBytes.subarray(0, HEAD_BYTES)).text;
  const kind = detectDataFormat(name, headText);
  const collector = new ScanCollector();

  if (kind === 'text' || kind === 'csv' || nulText(name, kind, headText)) {
    if (looksBinary(headText)) {
      throw new InputError(`${inputLabel(file)} is binary data, not text: nothing was scanned`);
    }
    const decoder = new TextStreamDecoder();
    const text = new TextScanner(matcher, collector, file);
    text.push(decoder.push(headBytes));
    for await (const chunk of chunks) text.push(decoder.push(chunk));
    text.push(decoder.end());
    text.end();
    const decoded = decodeWarnings(decoder.report).map(decodeWarningText);
    if (text.nulLines > 0) {
      decoded.push(`${text.nulLines} line(s) held NUL bytes, read as spaces (part of the file may be binary)`);
    }
    const { scans, warning } = collector.finish();
    const head = { file, url, format: 'text', warnings: [...decoded, ...(warning ? [warning] : [])] };
    const result = buildResultFromScans(matcher, head, { blocks: text.blocks, chars: text.chars }, scans);
    return { result, decodeWarnings: decoded };
  }

  const limit = documentLimit(kind, headText);
  if (stream.size !== null && stream.size > limit.bytes) throw tooLarge(file, stream.size, limit);
  const parts = [headBytes];
  let length = headLength;
  if (length > limit.bytes) throw tooLarge(file, null, limit);
  for await (const chunk of chunks) {
    length += chunk.length;
    if (length > limit.bytes) throw tooLarge(file, null, limit);
    parts.push(chunk);
  }
  const { text, report } = decodeBytes(concat(parts, length));
  const decoded = decodeWarnings(report).map(decodeWarningText);
  // Loaded only now: the DOM implementation (linkedom) is slow to load, which a
  // run over plain text or a name check need not pay.
  const { blocksFromInput } = await import('./inputs');
  const input = blocksFromInput(file, text, url);
  input.blocks.forEach((b, i) => collector.add(i, matcher.scanBlock(b)));
  const { scans, warning } = collector.finish();
  const head = {
    file,
    url,
    format: input.format,
    warnings: [...decoded, ...input.warnings, ...(warning ? [warning] : [])],
    sources: input.sources,
    origins: input.origins,
  };
  const size = { blocks: input.blocks.length, chars: input.blocks.reduce((n, b) => n + b.text.length, 0) };
  return { result: buildResultFromScans(matcher, head, size, scans), decodeWarnings: decoded };
}
