// Field detection for a page: which names the page states as the winner, a bidder, the
// brand, the seller, ... The content script and the CLI (`settlement-screen scan page.html
// --url ...`) both use these two entry points, so a saved page and the live page get the
// same fields. Works on linkedom documents (no layout, no innerText).
import type { FieldRole } from '../../../core/types';
import { adapterFor } from '../sites';
import { createFieldDetector } from './detect';
import { jsonLdBlocks } from './json-ld';
import { microdataBlocks } from './microdata';
import type { ExtraBlock, FieldOf } from './types';

export type { ExtraBlock, FieldOf } from './types';
export { fieldGroup, fieldRank } from '../../../core/field-rank';

/**
 * A `CollectOptions.fieldOf` for a page at `url` (null: generic rules only). Make one per
 * scan: it caches per element, so a detector kept across DOM changes would keep stale
 * answers.
 */
export function fieldOfFor(url: URL | null): FieldOf {
  const adapter = adapterFor(url);
  const own = adapter?.fieldOf;
  return createFieldDetector(own ? (el) => own.call(adapter, el) : null);
}

/**
 * Names in the page's data rather than its visible text (JSON-LD, microdata attributes,
 * a site's inline product JSON), each once per text and role. Scanned as blocks without
 * anything to highlight. Never throws: a page whose data cannot be read has none.
 */
export function extraBlocksFor(url: URL | null, doc: Document): ExtraBlock[] {
  const adapter = adapterFor(url);
  const sources: (() => ExtraBlock[])[] = [() => jsonLdBlocks(doc), () => microdataBlocks(doc)];
  if (adapter?.extraBlocks) sources.push(() => adapter.extraBlocks!(doc));
  const seen = new Set<string>();
  const out: ExtraBlock[] = [];
  for (const read of sources) {
    let blocks: ExtraBlock[];
    try {
      blocks = read();
    } catch {
      continue;
    }
    for (const b of blocks) {
      const key = `${b.field ?? ''}\u0000${b.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(b);
    }
  }
  return out;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Drops extra blocks the visible text already has, with the same role or a role the extra
 * block does not add: in a live page the shop's scripts have usually rendered the product
 * names that the page's data holds, and one mention is enough.
 */
export function withoutVisibleDuplicates(
  extra: readonly ExtraBlock[],
  visible: Iterable<{ readonly text: string; readonly field: FieldRole | null }>,
): ExtraBlock[] {
  if (extra.length === 0) return [];
  const shown = new Map<string, Set<FieldRole | null>>();
  for (const b of visible) {
    const t = collapse(b.text);
    let roles = shown.get(t);
    if (!roles) shown.set(t, (roles = new Set()));
    roles.add(b.field);
  }
  return extra.filter((b) => {
    const roles = shown.get(collapse(b.text));
    return !roles || !(b.field === null || roles.has(b.field));
  });
}
