// schema.org microdata: itemprop="brand" / "manufacturer" / "seller" (Product, Offer), and
// itemprop="name" inside a Brand or Organization item. Attribute reads only.
import type { FieldRole } from '../../../core/types';
import type { ExtraBlock } from './types';

const PROP_ROLES: Record<string, FieldRole> = {
  brand: 'brand',
  manufacturer: 'manufacturer',
  seller: 'seller',
  offeredby: 'seller',
};

const ORGANISATION_TYPES = new Set([
  'organization',
  'corporation',
  'localbusiness',
  'store',
  'onlinestore',
  'onlinebusiness',
  'governmentorganization',
  'ngo',
]);

function propRole(itemprop: string): FieldRole | null {
  for (const p of itemprop.trim().toLowerCase().split(/\s+/)) {
    // itemprop may be an absolute URL ("https://schema.org/brand").
    const role = PROP_ROLES[p.slice(p.lastIndexOf('/') + 1)];
    if (role) return role;
  }
  return null;
}

/** The item `el`'s properties belong to: the nearest itemscope ancestor (not `el` itself). */
function itemOf(el: Element): Element | null {
  for (let p = el.parentElement; p; p = p.parentElement) if (p.hasAttribute('itemscope')) return p;
  return null;
}

function typeNames(item: Element): string[] {
  return (item.getAttribute('itemtype') ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => t.slice(t.lastIndexOf('/') + 1));
}

/**
 * The role microdata gives `el`, or null. A `name` inside a Brand item is a brand; inside
 * an Organization item it takes the role the item itself has ("seller" on an Offer), or
 * `organisation`.
 */
export function microdataRole(el: Element): FieldRole | null {
  const itemprop = el.getAttribute('itemprop');
  if (!itemprop) return null;
  const role = propRole(itemprop);
  if (role) return role;
  if (!/(^|\s|\/)(name|legalname)(\s|$)/i.test(itemprop)) return null;
  const item = itemOf(el);
  if (!item) return null;
  const types = typeNames(item);
  if (types.includes('brand')) return 'brand';
  if (types.some((t) => ORGANISATION_TYPES.has(t))) {
    const own = item.getAttribute('itemprop');
    return (own ? propRole(own) : null) ?? 'organisation';
  }
  return null;
}

/**
 * Microdata values kept in attributes (`<meta itemprop="brand" content="AHAVA">`): not
 * visible text, so they are scanned as extra blocks.
 */
export function microdataBlocks(doc: Document): ExtraBlock[] {
  const out: ExtraBlock[] = [];
  for (const meta of Array.from(doc.querySelectorAll('meta[itemprop][content]'))) {
    const role = microdataRole(meta);
    const text = (meta.getAttribute('content') ?? '').trim();
    if (!role || !text || text.length > 200 || /^https?:/i.test(text)) continue;
    out.push({ text, field: role, source: `microdata ${meta.getAttribute('itemprop')}` });
  }
  return out;
}
