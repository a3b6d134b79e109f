// A workbook's parts are inflated within stated limits and streamed to their readers: each
// part is first checked by the size its ZIP directory declares, then inflated a slice at a
// time while its real size is counted (a declared size can lie) and its XML is tokenized as
// it comes, so rows and cells are counted (xlsx-sheet.ts) before the next slice is inflated.
// A small file that expands to gigabytes, or a sheet of a million rows, is refused after a
// few megabytes of work; nothing is ever inflated whole. Pure: fflate's streaming Inflate.
import { Inflate } from 'fflate';
import { ScreeningInputError } from './errors';
import { XmlStream, XmlStreamError, type XmlHandler } from './xml-stream';
import type { ZipEntry } from './zip-directory';

/**
 * Compressed bytes per push: bounds what one push can expand to (deflate's ratio is at most
 * about 1,032, so 64 MiB) while keeping fflate's per-push cost small.
 */
const SLICE = 64 * 1024;
const EMPTY = new Uint8Array(0);

/** Uncompressed bytes still allowed over all the parts read. */
export interface ByteBudget {
  left: number;
  limit: number;
}

function feed(entry: ZipEntry, bytes: Uint8Array, budget: ByteBudget, sink: (chunk: Uint8Array) => void): void {
  let size = 0;
  const take = (chunk: Uint8Array): void => {
    size += chunk.length;
    if (size > entry.size) {
      throw new ScreeningInputError({
        code: 'xlsx-corrupt',
        detail: `${entry.name} inflates to more than the ${entry.size} bytes its directory declares`,
      });
    }
    budget.left -= chunk.length;
    if (budget.left < 0) throw new ScreeningInputError({ code: 'xlsx-too-large', limit: budget.limit });
    sink(chunk);
  };
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += SLICE) take(data.subarray(i, i + SLICE));
  } else if (entry.method === 8) {
    const inflate = new Inflate((chunk) => take(chunk));
    if (data.length === 0) inflate.push(EMPTY, true);
    for (let i = 0; i < data.length; i += SLICE) inflate.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
  } else {
    throw new ScreeningInputError({
      code: 'xlsx-corrupt',
      detail: `${entry.name} uses compression method ${entry.method}`,
    });
  }
  if (size !== entry.size) {
    throw new ScreeningInputError({
      code: 'xlsx-corrupt',
      detail: `${entry.name} inflates to ${size} bytes, not the ${entry.size} its directory declares`,
    });
  }
}

/** Inflates one XML part within the budget and hands its XML to `handler` as it comes. */
export function streamXmlPart(entry: ZipEntry, bytes: Uint8Array, budget: ByteBudget, handler: XmlHandler): void {
  if (entry.encrypted) throw new ScreeningInputError({ code: 'xlsx-corrupt', detail: 'encrypted' });
  const decoder = new TextDecoder('utf-8');
  const xml = new XmlStream(handler);
  try {
    feed(entry, bytes, budget, (chunk) => xml.push(decoder.decode(chunk, { stream: true })));
    xml.push(decoder.decode());
    xml.end();
  } catch (e) {
    if (e instanceof ScreeningInputError) throw e;
    const detail = e instanceof XmlStreamError ? `${entry.name}: ${e.message}` : `${entry.name}: ${String(e)}`;
    throw new ScreeningInputError({ code: 'xlsx-corrupt', detail });
  }
}
