// Paints matches with the CSS Custom Highlight API: the page's DOM and text are never
// touched (no wrapping, so no conflicts with React & co., no self-triggered mutations).
// The registry is the page's as well: its own scripts can read every range painted here,
// which is why nothing is painted in private mode (page-marks.ts). The ::highlight()
// styles are adopted into the document with its first mark and kept until the marks are
// turned off (see the end of this file), never declared in the manifest.
// One Highlight object per visual class, as painting cost grows with highlights x ranges
// (WebKit/WebKit#73511). Where the API is missing, nothing is painted and the popup
// still lists the matches.
import type { TextSegment } from '../formats/page/collect-blocks';
import highlightCss from './highlight.css?inline';
import { rulesOnRoot } from './highlight-rules';

/** A match's part inside one text node, in that node's own offsets. */
export interface RangeSpec {
  node: Text;
  start: number;
  end: number;
}

export const FLAG_HIGHLIGHT = 'settlement-screen-flag';
export const POSSIBLE_HIGHLIGHT = 'settlement-screen-possible';
export const FOCUS_HIGHLIGHT = 'settlement-screen-focus';

/** Bound on painted ranges: beyond a few thousand, repaint cost grows for no reader benefit. */
export const MAX_PAINTED_RANGES = 5000;
const FOCUS_MS = 2000;

/**
 * Pure: the ranges covering block offsets [start, end). A match across inline markup
 * ("<b>Ah</b>ava") gives one range per text node; the separator spaces collectBlocks
 * inserts between nodes belong to no node and are left out.
 */
export function mapMatchToRanges(
  block: { readonly segments: readonly TextSegment[] },
  start: number,
  end: number,
): RangeSpec[] {
  const segs = block.segments;
  const out: RangeSpec[] = [];
  if (end <= start) return out;
  // First segment ending after `start` (segments are sorted and do not overlap).
  let lo = 0;
  let hi = segs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (segs[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < segs.length && segs[i].start < end; i++) {
    const seg = segs[i];
    const s = Math.max(start, seg.start) - seg.start;
    const e = Math.min(end, seg.end) - seg.start;
    if (e > s) out.push({ node: seg.node, start: s, end: e });
  }
  return out;
}

// ---- the painting APIs, read on first use ----
// Read when something is first painted, not when the module loads: most pages never paint,
// and in a fresh content-script world each interface's first touch costs the page a little.
// Content scripts run in an isolated world (Chrome) or behind Xray wrappers (Firefox), so
// page scripts normally cannot reach these; keeping the references once read anyway means a
// page that replaces CSS.highlights or the constructors later cannot break or observe painting.
type HighlightLike = { add(r: AbstractRange): unknown; priority: number };
type HighlightCtor = new () => HighlightLike;
type StaticRangeCtor = new (init: StaticRangeInit) => AbstractRange;
type RegistryLike = object;
type RegistrySet = (name: string, h: HighlightLike) => unknown;
type RegistryNameFn = (name: string) => unknown;

interface HighlightGlobals {
  Highlight?: HighlightCtor;
  StaticRange?: StaticRangeCtor;
  CSS?: { highlights?: RegistryLike };
  CSSStyleSheet?: new () => CSSStyleSheet;
}

interface PaintApis {
  Highlight: HighlightCtor;
  StaticRange: StaticRangeCtor;
  add: HighlightLike['add'];
  registry: RegistryLike;
  set: RegistrySet;
  delete: RegistryNameFn;
  get: RegistryNameFn | null;
}

const g = globalThis as unknown as HighlightGlobals;
const apply = Reflect.apply;
/** Undefined until first asked; null where this browser cannot paint. */
let paintApis: PaintApis | null | undefined;

function readPaintApis(): PaintApis | null {
  try {
    const Highlight = typeof g.Highlight === 'function' ? g.Highlight : null;
    const StaticRange = typeof g.StaticRange === 'function' ? g.StaticRange : null;
    const add = Highlight?.prototype.add as HighlightLike['add'] | undefined;
    const registry = g.CSS?.highlights;
    if (!Highlight || !StaticRange || typeof add !== 'function' || !registry) return null;
    const r = registry as { set?: unknown; delete?: unknown; get?: unknown };
    if (typeof r.set !== 'function' || typeof r.delete !== 'function') return null;
    return {
      Highlight,
      StaticRange,
      add,
      registry,
      set: r.set as RegistrySet,
      delete: r.delete as RegistryNameFn,
      get: typeof r.get === 'function' ? (r.get as RegistryNameFn) : null,
    };
  } catch {
    return null;
  }
}

function apis(): PaintApis | null {
  if (paintApis === undefined) paintApis = readPaintApis();
  return paintApis;
}

/** True when this browser can paint highlights (Chrome 105+, Firefox 140+). */
export function highlightsSupported(): boolean {
  return apis() !== null;
}

function debug(what: string, err: unknown): void {
  console.debug(`Settlement Screen: ${what}`, err);
}

function buildHighlight(
  ranges: readonly RangeSpec[],
  priority: number,
  budget: { left: number },
): HighlightLike | null {
  const api = apis();
  if (!api) return null;
  const h = new api.Highlight();
  h.priority = priority;
  let added = 0;
  /** The document or shadow roots of the painted ranges: each needs the styles. */
  const roots = new Set<Node>();
  for (const r of ranges) {
    if (budget.left <= 0) break;
    const node = r.node;
    // StaticRanges do not follow DOM changes (w3c/csswg-drafts#4597): skip nodes that
    // left the page or shrank since the scan; the observer rescans them.
    if (!node.isConnected) continue;
    const end = Math.min(r.end, node.length);
    if (end <= r.start) continue;
    const range = new api.StaticRange({
      startContainer: node,
      startOffset: r.start,
      endContainer: node,
      endOffset: end,
    });
    apply(api.add, h, [range]);
    roots.add(node.getRootNode());
    budget.left--;
    added++;
  }
  for (const root of roots) adoptStylesInto(root);
  return added > 0 ? h : null;
}

/** The Highlight objects this copy of the script registered, by name. */
const mine = new Map<string, HighlightLike>();
/** paint() was called since the last clear(): the marks are on, and their styles stay. */
let marksOn = false;

function setOrDelete(name: string, h: HighlightLike | null): void {
  const api = apis();
  if (!api) return;
  if (h) {
    apply(api.set, api.registry, [name, h]);
    mine.set(name, h);
    return;
  }
  // Delete only what this copy registered: an orphaned copy left behind by an extension
  // update (same names, same registry) must not wipe the new copy's highlights. A name this
  // copy never registered is not looked up at all: the registry is the page's too.
  if (!mine.has(name)) return;
  const current = api.get ? apply(api.get, api.registry, [name]) : undefined;
  if (current === undefined || current === mine.get(name)) apply(api.delete, api.registry, [name]);
  mine.delete(name);
}

/**
 * Replaces the painted flags and possibles. Never throws. Painting nothing keeps the styles:
 * the page has seen them with the marks already, and taking them out would make it restyle
 * every element again (and again when a mark comes back), which on a large page is a long
 * task of its own (npm run bench -- --sheet-only).
 */
export function paint(flagRanges: readonly RangeSpec[], possibleRanges: readonly RangeSpec[]): void {
  if (!highlightsSupported()) return;
  marksOn = true;
  try {
    // Flags first: if the bound is hit, the possibles are what goes unpainted.
    const budget = { left: MAX_PAINTED_RANGES };
    setOrDelete(FLAG_HIGHLIGHT, buildHighlight(flagRanges, 1, budget));
    setOrDelete(POSSIBLE_HIGHLIGHT, buildHighlight(possibleRanges, 0, budget));
  } catch (err) {
    debug('could not paint highlights', err);
  }
}

let focusTimer: ReturnType<typeof setTimeout> | null = null;

/** Removes every highlight this script painted, and their styles: the marks are off. Never throws. */
export function clear(): void {
  if (focusTimer !== null) clearTimeout(focusTimer);
  focusTimer = null;
  if (!highlightsSupported()) return;
  try {
    setOrDelete(FLAG_HIGHLIGHT, null);
    setOrDelete(POSSIBLE_HIGHLIGHT, null);
    setOrDelete(FOCUS_HIGHLIGHT, null);
  } catch (err) {
    debug('could not clear highlights', err);
  }
  marksOn = false;
  releaseStyles();
}

/**
 * "Show on page": scrolls the match into view and emphasises it for 2 s. Returns false
 * when the match's text is no longer on the page. Never throws.
 */
export function revealRange(ranges: readonly RangeSpec[]): boolean {
  try {
    const live = ranges.filter((r) => r.node.isConnected);
    const first = live[0];
    if (!first) return false;
    scrollToNode(first.node);
    if (highlightsSupported()) {
      if (focusTimer !== null) clearTimeout(focusTimer);
      setOrDelete(FOCUS_HIGHLIGHT, buildHighlight(live, 2, { left: MAX_PAINTED_RANGES }));
      focusTimer = setTimeout(() => {
        focusTimer = null;
        try {
          setOrDelete(FOCUS_HIGHLIGHT, null);
          // A name shown on request while the marks are off (private mode): the page is to
          // keep nothing of ours once the emphasis is over.
          if (!marksOn) releaseStyles();
        } catch (err) {
          debug('could not clear focus', err);
        }
      }, FOCUS_MS);
    }
    return true;
  } catch (err) {
    debug('could not reveal match', err);
    return false;
  }
}

function scrollToNode(node: Text): void {
  try {
    const target = node.parentElement;
    if (!target) return;
    const reduce = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    target.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
  } catch (err) {
    // Still worth showing the focus highlight where the user is.
    debug('could not scroll to the match', err);
  }
}

// ---- the ::highlight() styles ----
// The rules live in constructed sheets, adopted by the document (and by each shadow root
// holding a painted range: `::highlight()` rules do not cross shadow boundaries) when a
// range is painted there, and taken out again when the marks are turned off (clear()) or a
// name shown in private mode is no longer emphasised.
// Not the manifest's content-script CSS: a page can read the styles that apply to it
// (getComputedStyle(el, '::highlight(settlement-screen-flag)')), so rules present on every
// page the script runs on would tell each site the extension is there, private mode or not.
// Not scripting.insertCSS from the background either: Chrome refuses it on the supported
// sites, where the content script comes from the manifest and there is no host permission.
// Adopting is not a DOM mutation, so the page's observers and frameworks do not see it; the
// page can read adoptedStyleSheets, which is one of the things marking mode lets it learn
// (docs/privacy.md).

/**
 * Where the engine gives an element's custom highlights its parent's highlight styles
 * (CSS Pseudo 4 highlight inheritance), the document's rules sit on its root element alone.
 * Adopting a sheet re-styles whatever its rules could match, and universal `::highlight()`
 * rules match every element: on a very large page Chromium then restyles all of it in one
 * task (npm run bench, docs/performance.md). Chromium inherits; Firefox does not yet (the
 * pixel tests in highlight.browser.test.ts), and an engine not known to inherit keeps the
 * universal rules, which paint everywhere. A shadow tree has no root element for the rules
 * to sit on, and is small: it keeps them too.
 */
function documentCss(): string {
  return highlightsInheritFromRoot() ? rulesOnRoot(highlightCss) : highlightCss;
}

/** Blink, known by a property only it parses (any other engine gets the rules that always paint). */
function highlightsInheritFromRoot(): boolean {
  try {
    return typeof CSS !== 'undefined' && CSS.supports('-webkit-app-region', 'drag');
  } catch {
    return false;
  }
}

/** The sheets, made on first use: one for documents, one for shadow roots. */
const sheets: { document?: CSSStyleSheet | null; shadow?: CSSStyleSheet | null } = {};
/** The document and shadow roots that adopted a sheet (to take it out again). */
const styled = new Map<Document | ShadowRoot, CSSStyleSheet>();

function marksSheet(kind: 'document' | 'shadow'): CSSStyleSheet | null {
  let made = sheets[kind];
  if (made === undefined) {
    made = null;
    const SheetC = typeof g.CSSStyleSheet === 'function' ? g.CSSStyleSheet : null;
    if (SheetC) {
      made = new SheetC();
      // Made on the first paint only: most pages never paint, and every page loads this module.
      made.replaceSync(kind === 'document' ? documentCss() : highlightCss);
    }
    sheets[kind] = made;
  }
  return made;
}

function adoptStylesInto(root: Node): void {
  const isShadow = root.nodeType === 11 && 'host' in root;
  if (root.nodeType !== 9 && !isShadow) return;
  const target = root as Document | ShadowRoot;
  try {
    const own = marksSheet(isShadow ? 'shadow' : 'document');
    const current = target.adoptedStyleSheets;
    if (!own || !current) return;
    // Checked on every paint: a page that assigned its own list dropped ours.
    if (!current.includes(own)) target.adoptedStyleSheets = [...current, own];
    styled.set(target, own);
  } catch (err) {
    debug('could not style the marks', err);
  }
}

function releaseStyles(): void {
  for (const [target, own] of styled) {
    try {
      const current = target.adoptedStyleSheets;
      if (current.includes(own)) target.adoptedStyleSheets = current.filter((x) => x !== own);
    } catch (err) {
      debug('could not take the marks styles out', err);
    }
  }
  styled.clear();
}
