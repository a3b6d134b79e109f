// Reads where a page says its product comes from: the label/value rows of its visible text
// ("Herkomst: Israël", "Producent" over its value, a table row) and its JSON-LD
// (countryOfOrigin, manufacturer and its address, any PostalAddress), then asks the pure
// origin matcher (src/core/origins.ts) which of those values name a place of the
// settlement-localities list. Only these values are read: a place name anywhere else on
// the page is never a finding. Works on linkedom documents too (no layout needed: without
// innerText, block elements are read one by one).
import { MAX_ORIGIN_LINE_CHARS, type OriginContext, type OriginLabels, type OriginMatcher } from '../../core/origins';
import { parseJsonLoose } from './fields/json-ld';
import { isJsonLdScript } from './json-ld-script';
import type { OriginContextOnPage, PageOrigins } from '../../core/origin-report';
import { originsOf } from '../../core/origin-findings';

const MAX_LINES = 50_000;
const MAX_JSON_CHARS = 2_000_000;
const MAX_NODES = 20_000;
const MAX_FALLBACK_ELEMENTS = 5_000;

/** Label/value contexts in lines of text (a row's cells separated by tabs, as innerText gives them). */
export function contextsFromLines(lines: readonly string[], matcher: Pick<OriginLabels, 'labelAt'>): OriginContext[] {
  const out: OriginContext[] = [];
  const n = Math.min(lines.length, MAX_LINES);
  for (let i = 0; i < n; i++) {
    const line = lines[i].replace(/\t+/g, '\t').trim();
    if (line === '' || line.length > MAX_ORIGIN_LINE_CHARS) continue;
    const label = matcher.labelAt(line);
    if (!label) continue;
    let value = label.rest.replace(/\t/g, ', ').trim();
    if (value === '') {
      // A label on its own line (a <dt>, a heading cell): its value is the next line.
      let j = i + 1;
      while (j < n && lines[j].trim() === '') j++;
      if (j >= n || lines[j].length > MAX_ORIGIN_LINE_CHARS || matcher.labelAt(lines[j].trim())) continue;
      value = lines[j].replace(/\t+/g, ', ').trim();
    }
    out.push({ kind: label.kind, label: label.label, text: value, source: 'label' });
  }
  return out;
}

function typesOf(o: Record<string, unknown>): string {
  const t = o['@type'];
  return Array.isArray(t) ? t.join(' ') : typeof t === 'string' ? t : '';
}

function addressText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  const parts: string[] = [];
  for (const k of ['streetAddress', 'postalCode', 'addressLocality', 'addressRegion', 'addressCountry']) {
    const x = o[k];
    if (typeof x === 'string') parts.push(x);
    else if (typeof x === 'object' && x !== null && typeof (x as { name?: unknown }).name === 'string') {
      parts.push((x as { name: string }).name);
    }
  }
  return parts.length > 0 ? parts.join(', ') : null;
}

function nameText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const name = (v as Record<string, unknown>).name;
    if (typeof name === 'string') return name;
  }
  return null;
}

/** Origin, producer and address values in one parsed JSON-LD document. */
export function contextsFromJsonLd(root: unknown): OriginContext[] {
  const out: OriginContext[] = [];
  let nodes = 0;
  const walk = (v: unknown, depth: number): void => {
    if (depth > 12 || ++nodes > MAX_NODES || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    const type = typesOf(o) || 'Thing';
    const origin = o.countryOfOrigin;
    for (const x of Array.isArray(origin) ? origin : [origin]) {
      const text = nameText(x) ?? addressText((x as { address?: unknown } | null)?.address);
      if (text) out.push({ kind: 'origin', label: `${type}.countryOfOrigin`, text, source: 'json-ld' });
    }
    for (const key of ['manufacturer', 'producer']) {
      const who = o[key];
      for (const x of Array.isArray(who) ? who : [who]) {
        const text = nameText(x);
        if (text) out.push({ kind: 'producer', label: `${type}.${key}`, text, source: 'json-ld' });
      }
    }
    if (/PostalAddress/.test(type)) {
      const text = addressText(o);
      if (text) out.push({ kind: 'address', label: 'PostalAddress', text, source: 'json-ld' });
    } else if (typeof o.address === 'string') {
      out.push({ kind: 'address', label: `${type}.address`, text: o.address, source: 'json-ld' });
    }
    for (const x of Object.values(o)) if (x !== null && typeof x === 'object') walk(x, depth + 1);
  };
  walk(root, 0);
  return out;
}

/** The text of the elements that hold label/value rows, as lines (cells of a row tab-separated). */
function visibleLines(doc: Document): string[] {
  const body = doc.body;
  if (!body) return [];
  // Not body.innerText: on a large page it lays out and copies the whole text in one task
  // (tens of milliseconds on every full scan). The elements that hold label/value rows are
  // read instead, each once and a bounded number, the same with or without layout.
  const lines: string[] = [];
  const els = doc.querySelectorAll('p, li, dt, dd, tr, label');
  for (let i = 0; i < els.length && lines.length < MAX_FALLBACK_ELEMENTS; i++) {
    const el = els[i];
    const text =
      el.tagName === 'TR'
        ? Array.from(el.children, (c) => (c.textContent ?? '').trim()).join('\t')
        : (el.textContent ?? '');
    const line = text.replace(/[ \n\r\f\v]+/g, ' ').trim();
    if (line && line.length <= MAX_ORIGIN_LINE_CHARS) lines.push(line);
  }
  return lines;
}

/**
 * The page's origin contexts: label/value rows of its visible text and the origin, producer
 * and address values of its JSON-LD. Never throws.
 */
export function collectOriginContexts(doc: Document, labels: Pick<OriginLabels, 'labelAt'>): OriginContextOnPage[] {
  const contexts: OriginContextOnPage[] = [];
  try {
    for (const c of contextsFromLines(visibleLines(doc), labels)) contexts.push({ c, fromPageData: false });
  } catch (err) {
    console.debug('Settlement Screen: could not read the page for origins', err);
  }
  try {
    for (const script of Array.from(doc.querySelectorAll('script'))) {
      if (!isJsonLdScript(script)) continue;
      const text = script.textContent ?? '';
      if (text.length > MAX_JSON_CHARS) continue;
      const parsed = parseJsonLoose(text);
      if (parsed !== undefined) for (const c of contextsFromJsonLd(parsed)) contexts.push({ c, fromPageData: true });
    }
  } catch (err) {
    console.debug('Settlement Screen: could not read the page data for origins', err);
  }
  return contexts;
}

/** Every origin finding of the page, and what its origin fields say, with the whole index at hand (CLI, tests). */
export function scanPageOrigins(doc: Document, matcher: OriginMatcher): PageOrigins {
  return originsOf(collectOriginContexts(doc, matcher), matcher);
}
