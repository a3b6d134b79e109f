// The benchmark's text: visible text of real saved pages (through the CLI's own HTML-to-blocks
// code, the walker the content script uses), the full text of real TED notices and OCDS /
// product-data records, the names those files state (TED/OCDS parsers), and the labelled
// evaluation corpus. About 0.7 MB of distinct text in English, German, French, Spanish,
// Dutch, Polish, Finnish and Basque, repeated in shuffled order up to the size asked for.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DOMParser } from 'linkedom';
import { htmlInput } from '../../src/cli/html-blocks';
import { blocksFromInput } from '../../src/cli/inputs';
import type { TextBlock } from '../../src/core/types';

const ROOT = resolve(import.meta.dirname, '../..');
/** Real pages and data files shared by the project (read-only); may be absent elsewhere. */
const REAL_PAGES = '/work/shared/fixtures/real-pages';

export interface CorpusSource {
  name: string;
  kind: 'page' | 'notice-text' | 'record-text' | 'names' | 'corpus';
  blocks: TextBlock[];
}

export interface Corpus {
  /** Distinct blocks, before repetition. */
  sources: CorpusSource[];
  uniqueChars: number;
  /** Blocks repeated (each copy a fresh flat string) up to the asked size. */
  blocks: TextBlock[];
  chars: number;
  /** UTF-8 bytes of all block texts (MB/s is reported against this). */
  bytes: number;
  /** Share of UTF-16 code units above U+007F. */
  nonAsciiShare: number;
}

function listFiles(dir: string, ext: RegExp): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => ext.test(f))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/** Every non-empty text node of an XML notice: descriptions, titles, addresses, in its languages. */
function xmlTextBlocks(xml: string): TextBlock[] {
  const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
  const out: TextBlock[] = [];
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const t = (c as Text).data.replace(/\s+/g, ' ').trim();
        if (t) out.push({ text: t, field: null });
      } else walk(c);
    }
  };
  walk(doc);
  return out;
}

/** Every string value of a JSON record (descriptions, titles, names, units). */
function jsonTextBlocks(json: string): TextBlock[] {
  const out: TextBlock[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      const t = v.trim();
      if (t) out.push({ text: t, field: null });
    } else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(JSON.parse(json));
  return out;
}

export function loadSources(): CorpusSource[] {
  const sources: CorpusSource[] = [];
  const dirs = [REAL_PAGES, join(ROOT, 'tests/corpus/pages'), join(ROOT, 'tests/corpus/real')];
  for (const dir of dirs) {
    const corpus = dir !== REAL_PAGES;
    for (const file of listFiles(dir, /\.html?$/)) {
      const { blocks } = htmlInput(readFileSync(file, 'utf8'), null);
      sources.push({ name: file, kind: corpus ? 'corpus' : 'page', blocks });
    }
    for (const file of listFiles(dir, /\.(xml|json)$/)) {
      const text = readFileSync(file, 'utf8');
      sources.push({
        name: file,
        kind: file.endsWith('.xml') ? 'notice-text' : 'record-text',
        blocks: file.endsWith('.xml') ? xmlTextBlocks(text) : jsonTextBlocks(text),
      });
      try {
        // The names with their roles, as `settlement-screen scan` reads the file.
        const names = blocksFromInput(file, text, null).blocks;
        if (names.length > 0) sources.push({ name: file, kind: 'names', blocks: names });
      } catch {
        // Product-data JSON is no procurement format: its text is in already.
      }
    }
  }
  for (const file of listFiles(join(ROOT, 'tests/corpus/data'), /\.json$/)) {
    const text = readFileSync(file, 'utf8');
    sources.push({ name: file, kind: 'names', blocks: blocksFromInput(file, text, null).blocks });
  }
  const snippets = JSON.parse(readFileSync(join(ROOT, 'tests/corpus/snippets.json'), 'utf8')) as Record<
    string,
    string[]
  >;
  sources.push({
    name: 'tests/corpus/snippets.json',
    kind: 'corpus',
    blocks: Object.values(snippets)
      .flat()
      .map((text) => ({ text, field: null })),
  });
  return sources;
}

/** Deterministic PRNG (mulberry32): the same corpus and the same synthetic names every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Repeats the distinct blocks in shuffled order until `targetChars`. Every copy is a fresh
 * flat string (JSON round trip), as a page's text would be, so no cached hash or flattened
 * representation of an earlier copy helps a later one.
 */
export function buildCorpus(targetChars: number, sources = loadSources()): Corpus {
  const distinct = sources.flatMap((s) => s.blocks).filter((b) => b.text.length > 0);
  const uniqueChars = distinct.reduce((n, b) => n + b.text.length, 0);
  const random = rng(6);
  const blocks: TextBlock[] = [];
  let chars = 0;
  while (chars < targetChars) {
    const order = distinct.slice();
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const copy = JSON.parse(JSON.stringify(order)) as TextBlock[];
    for (const b of copy) {
      if (chars >= targetChars) break;
      blocks.push(b);
      chars += b.text.length;
    }
  }
  let bytes = 0;
  let nonAscii = 0;
  for (const b of blocks) {
    bytes += Buffer.byteLength(b.text, 'utf8');
    for (let i = 0; i < b.text.length; i++) if (b.text.charCodeAt(i) > 127) nonAscii++;
  }
  return { sources, uniqueChars, blocks, chars, bytes, nonAsciiShare: nonAscii / Math.max(1, chars) };
}
