// Matching as a service of the background: content scripts send the text blocks they
// collect and get the scans back, so the match index is parsed once, in the background,
// and never on a page's main thread. Both directions are validated on receipt: a message
// that does not validate is dropped, a reply that does not validate counts as no answer.
import type { BlockScan } from '../core/matcher';
import type { FieldRole, GuardHit, Match } from '../core/types';
import { isPageOrigins, type OriginContextOnPage, type PageOrigins } from '../core/origin-report';
import { isPageReport, type PageReport } from './messages';

/** Which lists to match with: what the settings switch off, and the user data's revision. */
export interface ListChoice {
  /** Ids of the lists the user switched off (bundled or imported). */
  disabled: string[];
  /**
   * The user data's revision stamp (src/shared/user-data/changes.ts) the sender has seen,
   * or null before any change: a new stamp makes the background read the imported lists
   * again before it matches.
   */
  revision: string | null;
}

/** One block as the matcher reads it. */
export interface WireBlock {
  text: string;
  field: FieldRole | null;
  lang: string | null;
}

/**
 * Blocks of one language as they travel: their texts in one string and their lengths, and
 * the few blocks with a stated field by index. One long string crosses between contexts
 * far more cheaply than thousands of small objects, each converted on its own.
 */
export interface WireBatch {
  text: string;
  lengths: number[];
  fields: [number, FieldRole][];
  lang: string | null;
}

/**
 * `readerHints`: the sender has not loaded the page reader yet (src/content/page-reader.ts)
 * and asks whether these blocks call for it. `reportIfNone`: the frame's report as it stands
 * if these blocks find nothing (the last blocks of a page with nothing found so far): the
 * background keeps it as the frame's report when they do, and the frame need not send it.
 */
export type MatchBlocksRequest = {
  type: 'match-blocks';
  lists: ListChoice;
  batch: WireBatch;
  readerHints?: true;
  reportIfNone?: PageReport;
};

/**
 * Only the blocks with findings come back, by their index in the request: most blocks of a
 * page hold no listed name. `needsReader` (asked for with `readerHints`): some block names
 * a listed company or look-alike, whatever was decided of it (its field might decide
 * otherwise), or starts with an origin label (the page's origin rows are to be read).
 */
export type MatchBlocksReply =
  { ok: true; found: [number, BlockScan][]; needsReader?: boolean; reported?: true } | { ok: false };

export type MatchOriginsRequest = { type: 'match-origins'; contexts: OriginContextOnPage[] };
export type MatchOriginsReply = { ok: true; origins: PageOrigins } | { ok: false };

export type MatchRequest = MatchBlocksRequest | MatchOriginsRequest;

/** Bounds per request: the content script sends a page in many small batches. */
export const MAX_BLOCKS_PER_REQUEST = 4000;
export const MAX_CHARS_PER_REQUEST = 4_000_000;
export const MAX_ORIGIN_CONTEXTS = 2000;
const MAX_ID_CHARS = 200;
const MAX_LISTS = 1000;
const MAX_LANG_CHARS = 35;
export const MAX_CONTEXT_CHARS = 2000;

const FIELD_ROLES: ReadonlySet<string> = new Set<FieldRole>([
  'supplier',
  'contractor',
  'winner',
  'tenderer',
  'subcontractor',
  'buyer',
  'brand',
  'manufacturer',
  'seller',
  'organisation',
]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isListChoice(v: unknown): v is ListChoice {
  return (
    isObject(v) &&
    Array.isArray(v.disabled) &&
    v.disabled.length <= MAX_LISTS &&
    v.disabled.every((id) => typeof id === 'string' && id.length <= MAX_ID_CHARS) &&
    (v.revision === null || (typeof v.revision === 'string' && v.revision.length <= MAX_ID_CHARS))
  );
}

function isWireBatch(v: unknown): v is WireBatch {
  if (!isObject(v) || typeof v.text !== 'string' || v.text.length > MAX_CHARS_PER_REQUEST) return false;
  if (!(v.lang === null || (typeof v.lang === 'string' && v.lang.length <= MAX_LANG_CHARS))) return false;
  const lengths = v.lengths;
  if (!Array.isArray(lengths) || lengths.length > MAX_BLOCKS_PER_REQUEST) return false;
  let total = 0;
  for (const n of lengths) {
    if (!Number.isInteger(n) || n < 0) return false;
    total += n;
  }
  if (total !== v.text.length || !Array.isArray(v.fields)) return false;
  return v.fields.every(
    (f) =>
      Array.isArray(f) &&
      f.length === 2 &&
      Number.isInteger(f[0]) &&
      f[0] >= 0 &&
      f[0] < lengths.length &&
      typeof f[1] === 'string' &&
      FIELD_ROLES.has(f[1]),
  );
}

/** The batch of `blocks`, which share one language. */
export function toWireBatch(blocks: readonly WireBlock[]): WireBatch {
  const fields: [number, FieldRole][] = [];
  blocks.forEach((b, i) => {
    if (b.field !== null) fields.push([i, b.field]);
  });
  return {
    text: blocks.map((b) => b.text).join(''),
    lengths: blocks.map((b) => b.text.length),
    fields,
    lang: blocks[0]?.lang ?? null,
  };
}

/** The blocks of a batch, back as the matcher reads them. */
export function fromWireBatch(batch: WireBatch): WireBlock[] {
  const fields = new Map(batch.fields);
  const out: WireBlock[] = [];
  let at = 0;
  batch.lengths.forEach((n, i) => {
    out.push({ text: batch.text.slice(at, at + n), field: fields.get(i) ?? null, lang: batch.lang });
    at += n;
  });
  return out;
}

const ORIGIN_KINDS: ReadonlySet<string> = new Set(['origin', 'producer', 'address']);

function isOriginContextOnPage(v: unknown): v is OriginContextOnPage {
  if (!isObject(v) || typeof v.fromPageData !== 'boolean' || !isObject(v.c)) return false;
  const c = v.c;
  return (
    typeof c.kind === 'string' &&
    ORIGIN_KINDS.has(c.kind) &&
    typeof c.label === 'string' &&
    c.label.length <= MAX_CONTEXT_CHARS &&
    typeof c.text === 'string' &&
    c.text.length <= MAX_CONTEXT_CHARS &&
    (c.source === 'label' || c.source === 'json-ld')
  );
}

/** A report that names nothing: the only kind a frame sends to be kept if nothing is found. */
function isReportOfNothing(v: unknown): v is PageReport {
  return isPageReport(v) && v.matches.length === 0 && v.guards.length === 0 && !v.paused;
}

export function isMatchRequest(v: unknown): v is MatchRequest {
  if (!isObject(v)) return false;
  if (v.type === 'match-blocks') {
    return (
      isListChoice(v.lists) &&
      isWireBatch(v.batch) &&
      (v.readerHints === undefined || v.readerHints === true) &&
      (v.reportIfNone === undefined || isReportOfNothing(v.reportIfNone))
    );
  }
  if (v.type === 'match-origins') {
    return (
      Array.isArray(v.contexts) && v.contexts.length <= MAX_ORIGIN_CONTEXTS && v.contexts.every(isOriginContextOnPage)
    );
  }
  return false;
}

function isMatch(v: unknown): v is Match {
  return (
    isObject(v) &&
    typeof v.start === 'number' &&
    typeof v.end === 'number' &&
    typeof v.text === 'string' &&
    (v.level === 'flag' || v.level === 'possible') &&
    typeof v.entity === 'string' &&
    Array.isArray(v.lists) &&
    Array.isArray(v.evidence)
  );
}

function isGuardHit(v: unknown): v is GuardHit {
  return isObject(v) && typeof v.start === 'number' && typeof v.end === 'number';
}

/** A reply to `blockCount` blocks: each index within the request, each scan well formed. */
export function isMatchOriginsReply(v: unknown): v is MatchOriginsReply {
  return isObject(v) && (v.ok === false || (v.ok === true && isPageOrigins(v.origins)));
}

export function isMatchBlocksReply(v: unknown, blockCount: number): v is MatchBlocksReply {
  if (!isObject(v)) return false;
  if (v.ok === false) return true;
  if (v.ok !== true || !Array.isArray(v.found)) return false;
  if (v.needsReader !== undefined && typeof v.needsReader !== 'boolean') return false;
  if (v.reported !== undefined && (v.reported !== true || v.found.length > 0)) return false;
  return v.found.every(
    (pair) =>
      Array.isArray(pair) &&
      pair.length === 2 &&
      Number.isInteger(pair[0]) &&
      pair[0] >= 0 &&
      pair[0] < blockCount &&
      isObject(pair[1]) &&
      Array.isArray(pair[1].matches) &&
      pair[1].matches.every(isMatch) &&
      Array.isArray(pair[1].guards) &&
      pair[1].guards.every(isGuardHit),
  );
}
