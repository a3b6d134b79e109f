// HTML file -> text blocks, exactly as the content script collects them from a live page:
// the same collectBlocks walker with the static visibility rules (no layout in a file:
// hidden attributes, inline display:none, closed <details>, ...), the same field detection
// (generic rules plus the site adapter for --url), and the same names from the page's data
// (JSON-LD, microdata, a site's inline JSON) that the visible text does not already show.
import { parseHTML } from 'linkedom';
import { collectBlocks } from '../formats/page/collect-blocks';
import { extraBlocksFor, fieldOfFor, withoutVisibleDuplicates } from '../formats/page/fields';
import { isHiddenStatic } from '../formats/page/visibility';
import { pageLanguage } from '../formats/page/page-language';
import { scanPageOrigins } from '../formats/page/origin-scan';
import { cliOriginMatcher } from './origin-data';
import type { PageOrigins } from '../core/origin-report';
import type { TextBlock } from '../core/types';

export interface HtmlBlocks {
  blocks: TextBlock[];
  /** Per block: null for visible text, else where in the page data the name was found. */
  sources: (string | null)[];
  /** Places of the settlement-localities list the page names as origin, producer or address. */
  origins: PageOrigins;
}

export function htmlInput(html: string, url: string | null): HtmlBlocks {
  const { document } = parseHTML(html);
  const doc = document as unknown as Document;
  const pageUrl = url ? new URL(url) : null;
  // Walk from the document, not document.body: linkedom does not build the implied
  // <html>/<body> of a fragment ("<p>Acme</p>" leaves body empty and the text outside it).
  // The walker skips <head> and everything else that is not rendered.
  const visible = collectBlocks(doc, { isHidden: isHiddenStatic, fieldOf: fieldOfFor(pageUrl) });
  const extra = withoutVisibleDuplicates(extraBlocksFor(pageUrl, doc), visible);
  const lang = pageLanguage(doc);
  return {
    blocks: [
      ...visible.map((b) => ({ text: b.text, field: b.field, lang })),
      ...extra.map((x) => ({ text: x.text, field: x.field, lang })),
    ],
    sources: [...visible.map(() => null), ...extra.map((x) => x.source)],
    origins: scanPageOrigins(doc, cliOriginMatcher()),
  };
}

/** The blocks alone (scripts/lib/eval-blocks.ts measures what `scan` sees). */
export function blocksFromHtml(html: string, url: string | null): TextBlock[] {
  return htmlInput(html, url).blocks;
}
