// schema.org JSON-LD: Product.brand, Product.manufacturer, Offer.seller (names as strings or
// Brand/Organization objects), anywhere in a script's JSON (top level, arrays, @graph,
// ItemList elements). JSON-LD is not visible text, so each name becomes an extra block.
// The site's own Organization/WebSite description is left out: it describes the site, not
// what the page offers.
import type { FieldRole } from '../../../core/types';
import type { ExtraBlock } from './types';
import { isJsonLdScript } from '../json-ld-script';

const ROLE_KEYS: [string, FieldRole][] = [
  ['brand', 'brand'],
  ['manufacturer', 'manufacturer'],
  ['seller', 'seller'],
  ['offeredBy', 'seller'],
];

/** Bounds: a page's JSON-LD is small; anything far larger is not worth the main-thread time. */
const MAX_SCRIPT_CHARS = 2_000_000;
const MAX_NODES = 20_000;
const MAX_DEPTH = 12;
const MAX_NAME_CHARS = 200;

/** Parses a script's JSON, tolerating the HTML comment or CDATA wrappers some CMSs add. */
export function parseJsonLoose(text: string): unknown {
  const t = text
    .trim()
    .replace(/^<!--|-->$/g, '')
    .replace(/^\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>$/g, '')
    .trim();
  if (!t) return undefined;
  try {
    return JSON.parse(t);
  } catch {
    return undefined;
  }
}

/** Names in a JSON-LD value: "AHAVA", {"@type":"Brand","name":"AHAVA"}, or arrays of them. */
function namesIn(value: unknown, out: string[], depth = 0): void {
  if (depth > 3) return;
  if (typeof value === 'string') {
    const s = value.trim();
    // A bare URL is a reference (@id), not a name.
    if (s && s.length <= MAX_NAME_CHARS && !/^https?:\/\//i.test(s)) out.push(s);
    return;
  }
  if (Array.isArray(value)) {
    for (const v of value) namesIn(v, out, depth + 1);
    return;
  }
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.name === 'string') namesIn(o.name, out, depth + 1);
    else if (typeof o.legalName === 'string') namesIn(o.legalName, out, depth + 1);
  }
}

function typesOf(o: Record<string, unknown>): string {
  const t = o['@type'];
  return Array.isArray(t) ? t.join(' ') : typeof t === 'string' ? t : '';
}

/** Every brand / manufacturer / seller name in one parsed JSON-LD document. */
export function jsonLdNames(root: unknown): ExtraBlock[] {
  const out: ExtraBlock[] = [];
  let nodes = 0;
  const walk = (v: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || ++nodes > MAX_NODES || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    const type = typesOf(o) || 'Thing';
    for (const [key, role] of ROLE_KEYS) {
      if (!(key in o)) continue;
      const names: string[] = [];
      namesIn(o[key], names);
      for (const text of names) out.push({ text, field: role, source: `json-ld ${type}.${key}` });
    }
    // Further down: offers, @graph, ItemList elements, isVariantOf, ...
    for (const x of Object.values(o)) if (x !== null && typeof x === 'object') walk(x, depth + 1);
  };
  walk(root, 0);
  return out;
}

/** The names every JSON-LD script of `doc` states with a role. */
export function jsonLdBlocks(doc: Document): ExtraBlock[] {
  const out: ExtraBlock[] = [];
  for (const script of Array.from(doc.querySelectorAll('script'))) {
    if (!isJsonLdScript(script)) continue;
    const text = script.textContent ?? '';
    if (text.length > MAX_SCRIPT_CHARS) continue;
    const parsed = parseJsonLoose(text);
    if (parsed !== undefined) out.push(...jsonLdNames(parsed));
  }
  return out;
}
