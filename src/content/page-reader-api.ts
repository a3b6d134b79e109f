// The page reader: the part of reading a page that only some pages need, loaded by the
// content script when a page calls for it (reader-loader.ts). It knows what the page's
// structure states about a name (fields: "Attributaire", "Merk:", a winners' column), the
// names in the page's data (JSON-LD, microdata, a site's inline JSON) and the page's origin
// rows; its lexicons and site adapters are most of what the content script would otherwise
// compile on every page, including the many with nothing to flag. Types and the cheap test
// here only: the code is src/content/page-reader.ts, built as a module of its own.
import type { OriginContextOnPage } from '../core/origin-report';
import type { ExtraBlock, FieldOf } from '../formats/page/fields/types';
import type { FieldRole } from '../core/types';
import { siteHasPageData } from '../shared/site-kinds';
import { isJsonLdScript } from '../formats/page/json-ld-script';

export interface PageReader {
  /** A field detector for one scan job of a page at `url`. */
  fieldOf(url: URL | null): FieldOf;
  /** Names in the page's data rather than its visible text. */
  extraBlocks(url: URL | null, doc: Document): ExtraBlock[];
  /** `extra` without what the visible blocks already say. */
  withoutVisibleDuplicates(
    extra: readonly ExtraBlock[],
    visible: Iterable<{ readonly text: string; readonly field: FieldRole | null }>,
  ): ExtraBlock[];
  /** The page's origin rows (label and value). */
  originContexts(doc: Document): OriginContextOnPage[];
}

/**
 * True when the page holds names in its data (JSON-LD, microdata, a site's inline JSON):
 * only the reader reads them. Matching the visible text tells the rest (the background's
 * `needsReader`).
 */
export function pageHasData(doc: Document, hostname: string): boolean {
  if (siteHasPageData(hostname)) return true;
  if (doc.querySelector('[itemprop]')) return true;
  for (const script of doc.querySelectorAll('script[type]')) if (isJsonLdScript(script)) return true;
  return false;
}
