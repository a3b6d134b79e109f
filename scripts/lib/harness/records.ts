// Reading the audit records the extension saves (CSV and JSON), and what they are checked
// against: the SHA-256 of each bundled list file as it is in data/lists, computed here, so a
// record is verified the way a colleague would verify it later (sha256sum of the list file).
import Papa from 'papaparse';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const LISTS_DIR = resolve(import.meta.dirname, '../../../data/lists');

export const sha256 = (bytes: string | Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** List id -> SHA-256 of its file in data/lists. */
export function bundledListHashes(): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(LISTS_DIR).filter((n) => n.endsWith('.json'))) {
    const bytes = readFileSync(join(LISTS_DIR, f));
    const id = (JSON.parse(bytes.toString('utf8')) as { id: string }).id;
    out.set(id, sha256(bytes));
  }
  return out;
}

/** A CSV record as objects keyed by its header; the header itself too. */
export function parseCsvRecord(text: string): { header: string[]; rows: Record<string, string>[] } {
  // The exports start with a UTF-8 BOM (for Excel).
  const body = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`CSV record does not parse: ${JSON.stringify(parsed.errors[0])}`);
  const [header, ...lines] = parsed.data;
  for (const [i, l] of lines.entries()) {
    if (l.length !== header.length) throw new Error(`CSV line ${i + 2} has ${l.length} cells, header ${header.length}`);
  }
  return { header, rows: lines.map((l) => Object.fromEntries(header.map((h, i) => [h, l[i]]))) };
}
