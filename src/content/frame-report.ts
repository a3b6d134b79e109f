// Turns the per-block scans into the PageReport sent to the background. Pure (no DOM), so
// the size bounds and keys are unit-testable.
import type { BlockScan } from '../core/matcher';
import type { PageReport, ReportedGuard, ReportedMatch } from '../shared/messages';
import { originsSignature } from '../core/origin-report';

/** A scanned block as the scanner keeps it: `id` is stable while the block is unchanged. */
export interface ScannedBlock {
  id: number;
  block: { readonly text: string };
  /** The block is a name from the page's data (JSON-LD, inline product JSON), not visible text. */
  fromPageData?: boolean;
}

/**
 * Bounds on what one frame reports (search result pages can repeat a brand thousands of
 * times; storage.session has a quota). The per-entity cap comes first, so repeated
 * mentions of one company cannot crowd the others out of the popup and the badge.
 */
export const MAX_MATCHES_PER_ENTITY = 50;
export const MAX_REPORTED_MATCHES = 2000;
export const MAX_REPORTED_GUARDS = 200;
export const CONTEXT_RADIUS = 60;

/** Key of a match within the frame: block id and start offset ("show on page" uses it). */
export function matchKey(blockId: number, start: number): string {
  return `${blockId}:${start}`;
}

export function parseMatchKey(key: string): { blockId: number; start: number } | null {
  const m = /^(\d{1,15}):(\d{1,15})$/.exec(key);
  return m ? { blockId: Number(m[1]), start: Number(m[2]) } : null;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Up to `radius` characters either side of [start, end), whitespace collapsed. */
export function matchContext(text: string, start: number, end: number, radius = CONTEXT_RADIUS): string {
  let a = Math.max(0, start - radius);
  let b = Math.min(text.length, end + radius);
  // Never cut a surrogate pair in half (emoji, rare CJK).
  if (a > 0 && isLow(text.charCodeAt(a))) a--;
  if (b < text.length && isHigh(text.charCodeAt(b - 1))) b++;
  return text.slice(a, b).replace(/\s+/g, ' ').trim();
}

export interface ReportMeta {
  url: string;
  title: string;
  scannedAt: string;
}

/**
 * `resolved[i]` is the page-resolved scan of `blocks[i]`; only blocks with matches or
 * guards need to be passed. `totals` counts every scanned block.
 */
export function buildReport(
  blocks: readonly ScannedBlock[],
  resolved: readonly BlockScan[],
  totals: { blocks: number; chars: number },
  meta: ReportMeta,
  scanning = false,
  reviewMode = false,
): PageReport {
  const matches: ReportedMatch[] = [];
  const guards: ReportedGuard[] = [];
  const perEntity = new Map<string, number>();
  for (let i = 0; i < blocks.length; i++) {
    const { id, block, fromPageData } = blocks[i];
    const scan = resolved[i];
    if (!scan) continue;
    for (const m of scan.matches) {
      if (matches.length >= MAX_REPORTED_MATCHES) break;
      const n = perEntity.get(m.entity) ?? 0;
      if (n >= MAX_MATCHES_PER_ENTITY) continue;
      perEntity.set(m.entity, n + 1);
      matches.push({
        ...m,
        key: matchKey(id, m.start),
        frameId: 0,
        context: matchContext(block.text, m.start, m.end),
        // Said so in the popup ("from the page's product data"); "show on page" has nothing to show.
        ...(fromPageData ? { fromPageData: true } : {}),
      });
    }
    for (const gh of scan.guards) {
      if (guards.length >= MAX_REPORTED_GUARDS) break;
      guards.push({ ...gh, key: matchKey(id, gh.start) });
    }
  }
  const report: PageReport = {
    ...meta,
    matches,
    guards,
    blocks: totals.blocks,
    chars: totals.chars,
    paused: false,
    reviewMode,
  };
  if (scanning) report.scanning = true;
  return report;
}

export function pausedReport(meta: ReportMeta): PageReport {
  return { ...meta, matches: [], guards: [], blocks: 0, chars: 0, paused: true };
}

/** What makes two reports different for the background (scannedAt and char counts aside). */
export function reportSignature(r: PageReport): string {
  const parts = [
    r.url,
    r.title,
    String(r.paused),
    String(r.blocks),
    String(r.scanning === true),
    String(r.reviewMode === true),
    String(r.marks),
  ];
  for (const m of r.matches) parts.push(`${m.key}|${m.level}|${m.entity}|${m.nameId}`);
  for (const gh of r.guards) parts.push(`g${gh.key}|${gh.guard}`);
  parts.push(originsSignature(r.origins));
  return parts.join('\n');
}
