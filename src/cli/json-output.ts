// The CLI's output. The JSON shape is a contract used outside the project:
// keep every field and its meaning stable; add fields only at the end of an object.
import type { BlockScan, Matcher } from '../core/matcher';
import type { PageOrigins } from '../core/origin-report';
import type { CompiledData, Entity, ListMeta, TextBlock } from '../core/types';
import { matchRecord, recordWith, type MatchRecord, type RecordLookup } from '../core/match-record';
import { describeEntry, isCurrentStanding, LIST_KIND_NAMES, listKindOf, standingOf } from '../core/entry-wording';
import compiled from '../generated/compiled-lists.json';

/**
 * A match in `scan` and `check` output: the match record every output shares, with where it
 * is in the input (printed before `rule`).
 */
export interface JsonMatch extends MatchRecord {
  /** Index of the block (HTML: visible text block; text: non-empty line) in `blocks`. */
  block: number;
  /** UTF-16 offsets into that block's text. */
  start: number;
  end: number;
  /**
   * Where a name that is not page text was found: a data file's JSON path or XPath, or the
   * page data of an HTML file ("json-ld Product.brand"); null for visible text and lines.
   */
  source: string | null;
}

export interface JsonGuard {
  /** The look-alike text on the page, left clear. */
  text: string;
  /** The entity it is not, and why (with the source that says so). */
  notEntity: string;
  notEntityName: string;
  reason: string;
  sourceUrl: string;
  block: number;
  start: number;
  end: number;
}

export interface JsonResult {
  /** The file as given on the command line; null for `check`. */
  file: string | null;
  /** `check` only: the name screened. */
  input?: string;
  url: string | null;
  matches: JsonMatch[];
  guards: JsonGuard[];
  blocks: number;
  chars: number;
  /** How the input was read: html, text, or the data-file schema (ocds-release, ted-eforms, ...). */
  format: string;
  /** What the reader could not use in a data file (parts skipped, non-standard shapes). */
  warnings: string[];
  /**
   * Places of the settlement-localities list named as origin, producer or address (HTML pages
   * and data files; plain text is not read for origins), and what the origin fields say.
   */
  origins: PageOrigins;
}

/** What `buildResult` needs to know about the input besides its blocks. */
export interface ResultHead {
  file: string | null;
  input?: string;
  url: string | null;
  format: string;
  warnings: string[];
  /** Per block, the data-file location of its name (null entries for HTML/text). */
  sources?: readonly (string | null)[];
  /** Origins the input names; absent: none read. */
  origins?: PageOrigins;
}

export function buildResult(
  matcher: Matcher,
  head: ResultHead,
  blocks: readonly TextBlock[],
  scans: readonly BlockScan[],
): JsonResult {
  const size = { blocks: blocks.length, chars: blocks.reduce((n, b) => n + b.text.length, 0) };
  return buildResultFromScans(
    matcher,
    head,
    size,
    scans.map((scan, block) => ({ block, scan })),
  );
}

const lookups = new WeakMap<Matcher, RecordLookup>();

/** What the match records of this matcher's results read about entries and lists. */
export function recordLookup(matcher: Matcher): RecordLookup {
  let lookup = lookups.get(matcher);
  if (!lookup) {
    const lists = new Map(matcher.data.lists.map((l) => [l.id, l]));
    lookup = { entity: (id) => matcher.entity(id), list: (id) => lists.get(id) };
    lookups.set(matcher, lookup);
  }
  return lookup;
}

/** The same from the scans of the blocks that found something (a streamed input keeps no blocks). */
export function buildResultFromScans(
  matcher: Matcher,
  head: ResultHead,
  size: { blocks: number; chars: number },
  scans: readonly { block: number; scan: BlockScan }[],
): JsonResult {
  const matches: JsonMatch[] = [];
  const guards: JsonGuard[] = [];
  const lookup = recordLookup(matcher);
  scans.forEach(({ scan, block }) => {
    for (const m of scan.matches) {
      matches.push(
        recordWith(matchRecord(m, lookup), {
          block,
          start: m.start,
          end: m.end,
          source: head.sources?.[block] ?? null,
        }),
      );
    }
    for (const g of scan.guards) {
      const guard = matcher.guard(g.guard);
      guards.push({
        text: g.text,
        notEntity: guard?.notEntity ?? '',
        notEntityName: guard?.notEntityName ?? '',
        reason: guard?.reason ?? '',
        sourceUrl: guard?.sourceUrl ?? '',
        block,
        start: g.start,
        end: g.end,
      });
    }
  });
  return {
    file: head.file,
    // `check` only, right after `file` in the printed object.
    ...(head.input !== undefined ? { input: head.input } : {}),
    url: head.url,
    matches,
    guards,
    blocks: size.blocks,
    chars: size.chars,
    format: head.format,
    warnings: head.warnings,
    origins: head.origins ?? { findings: [], stated: [] },
  };
}

/**
 * What each list entry says, for the summary: from the compiled lists bundled with the CLI.
 * A result made with other data (tests) names entries this data lacks: they get no line.
 */
let bundled: { lists: Map<string, ListMeta>; entities: Map<string, Entity> } | null = null;

function bundledData(): { lists: Map<string, ListMeta>; entities: Map<string, Entity> } {
  const data = compiled as unknown as CompiledData;
  bundled ??= {
    lists: new Map(data.lists.map((l) => [l.id, l])),
    entities: new Map(data.entities.map((e) => [e.id, e])),
  };
  return bundled;
}

/** "investor exclusion: Excluded by Norges Bank on 25 August 2025 on the recommendation of ..." */
function entryLines(m: JsonMatch): string[] {
  const bundled = bundledData();
  const entity = bundled.entities.get(m.entity);
  const out: string[] = [];
  for (const l of m.lists) {
    const entry = entity?.entries.find((e) => e.list === l.list && e.entry === l.entry);
    if (!entry) continue;
    const list = bundled.lists.get(l.list);
    const kind = listKindOf(list);
    const history = isCurrentStanding(standingOf(entry)) ? '' : ' (history, not a flag)';
    out.push(
      `             ${kind ? `${LIST_KIND_NAMES[kind]}: ` : ''}${describeEntry(entry, list)}${history} [${l.list}]`,
    );
  }
  return out;
}

/**
 * A readable summary: one header line, then one line per match and per look-alike. The
 * first match of each listed company is followed by one line per list entry: the kind of
 * list and what the list says, attributed, with its date.
 */
export function formatSummary(r: JsonResult): string {
  const label = r.file ?? JSON.stringify(r.input ?? '');
  const flags = r.matches.filter((m) => m.level === 'flag').length;
  const possible = r.matches.length - flags;
  const lines = [
    `${label}: ${flags} flag${flags === 1 ? '' : 's'}, ${possible} possible, ` +
      `${r.guards.length} look-alike${r.guards.length === 1 ? '' : 's'} left clear ` +
      `(${r.format}, ${r.blocks} block${r.blocks === 1 ? '' : 's'}, ${r.chars} chars)`,
    ...r.warnings.map((w) => `  note: ${w}`),
  ];
  const described = new Set<string>();
  for (const m of r.matches) {
    const lists = m.lists
      .map((l) => `${l.list}: ${l.entry}${l.status === 'listed' ? '' : ` (${l.status})`}`)
      .join('; ');
    const level = m.level === 'flag' ? 'FLAG    ' : 'possible';
    const where = m.source ? ` (at ${m.source})` : '';
    lines.push(`  ${level} "${m.text}" -> ${m.entityName} [${m.matchType}; rule ${m.rule}] ${lists}${where}`);
    if (!described.has(m.entity)) {
      described.add(m.entity);
      lines.push(...entryLines(m));
    }
  }
  for (const g of r.guards) {
    lines.push(`  clear    "${g.text}": not ${g.notEntityName} (${g.reason})`);
  }
  for (const o of r.origins.findings) {
    const review = o.reviewRequired ? '; marked for review in the list' : '';
    lines.push(`  ORIGIN   "${o.text}" (${o.label}) names ${o.placeName}, ${o.category.replace(/_/g, ' ')}${review}`);
  }
  return lines.join('\n');
}
