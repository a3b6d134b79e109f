// Building audit records from a bulk screening or a tab's results. Pure: the lists, the
// settings, the dismissals and the clock come in as arguments.
import { bareEntryRef } from '../../../core/entry-ref';
import { listRecord, matchRecord, recordWith } from '../../../core/match-record';
import type { ListMeta, Match } from '../../../core/types';
import type { DataLookup } from '../lookup';
import { buildView, type EntityView } from '../view-model';
import type { TabResults } from '../../../shared/messages';
import { formatSource } from '../../../formats/tables/choose';
import { countResults } from '../../../core/screening';
import type { ScreenRow } from '../../../core/screening-types';
import { dismissalFor } from './dismissals';
import {
  AUDIT_FORMAT,
  AUDIT_FORMAT_VERSION,
  type AuditEntity,
  type AuditList,
  type AuditLookalike,
  type AuditMatch,
  type AuditRow,
  type BulkAuditRecord,
  type BulkInputInfo,
  type Dismissal,
  type PageAuditRecord,
  type PageFinding,
} from './types';

export interface RecordContext {
  /** Every list the extension has (bundled and imported). */
  lists: readonly ListMeta[];
  /** settings.enabledLists: a list missing here is on. */
  enabledLists: Readonly<Record<string, boolean>>;
  dismissals: readonly Dismissal[];
  lookup: DataLookup;
  generator: { name: string; version: string };
  now?: () => Date;
}

function auditLists(ctx: RecordContext): AuditList[] {
  return ctx.lists.map((l) => ({ ...listRecord(l), enabled: ctx.enabledLists[l.id] !== false }));
}

function base(ctx: RecordContext) {
  const lists = auditLists(ctx);
  return {
    format: AUDIT_FORMAT,
    formatVersion: AUDIT_FORMAT_VERSION,
    createdAt: (ctx.now?.() ?? new Date()).toISOString(),
    generator: { ...ctx.generator },
    lists,
    settings: { enabledLists: Object.fromEntries(lists.map((l) => [l.id, l.enabled])) },
    dismissals: ctx.dismissals.map((d) => ({ ...d })),
  } as const;
}

const pairKey = (list: string, entry: string) => `${list}\u0000${entry}`;

/**
 * The entities the matches name, with the entries the matches name (entries on lists that
 * were switched off are not part of the check), or what the matches carry if the entity is
 * not in the loaded data.
 */
function entitiesOf(named: Map<string, { name: string; lists: Match['lists'] }>, lookup: DataLookup): AuditEntity[] {
  const out: AuditEntity[] = [];
  for (const [id, { name, lists }] of named) {
    const e = lookup.entity(id);
    const pairs = new Set(lists.map((l) => pairKey(l.list, l.entry)));
    const paired = e?.entries.filter((x) => pairs.has(pairKey(x.list, x.entry))) ?? [];
    if (e && paired.length > 0) {
      out.push({
        id,
        displayName: e.displayName,
        entries: paired.map((x) => ({
          ...x,
          criteria: x.criteria.map((c) => ({ ...c })),
          ...(x.history ? { history: x.history.map((h) => ({ ...h })) } : {}),
          ...(x.recommendedOn ? { recommendedOn: [...x.recommendedOn] } : {}),
        })),
      });
      continue;
    }
    out.push({
      id,
      displayName: e?.displayName ?? name,
      entries: lists.map(bareEntryRef),
    });
  }
  return out.sort((a, b) => a.displayName.localeCompare(b.displayName, 'en', { sensitivity: 'base' }));
}

/** Collects, per entity, its name and the union of the list entries its matches name. */
function collectNamed(matches: Iterable<Match>): Map<string, { name: string; lists: Match['lists'] }> {
  const named = new Map<string, { name: string; lists: Match['lists']; seen: Set<string> }>();
  for (const m of matches) {
    let n = named.get(m.entity);
    if (!n) {
      n = { name: m.entityName, lists: [], seen: new Set() };
      named.set(m.entity, n);
    }
    for (const l of m.lists) {
      const k = pairKey(l.list, l.entry);
      if (n.seen.has(k)) continue;
      n.seen.add(k);
      n.lists.push({ list: l.list, entry: l.entry, status: l.status });
    }
  }
  return new Map([...named].map(([id, n]) => [id, { name: n.name, lists: n.lists }]));
}

function auditMatch(m: Match, ctx: RecordContext, host: string | null): AuditMatch {
  return recordWith(matchRecord(m, ctx.lookup), { dismissed: dismissalFor(ctx.dismissals, m.entityName, host) });
}

function lookalike(lookup: DataLookup, guardId: number, text: string): AuditLookalike {
  const g = lookup.guard(guardId);
  return { text, notEntityName: g?.notEntityName ?? null, reason: g?.reason ?? null, sourceUrl: g?.sourceUrl ?? null };
}

export function buildBulkRecord(
  ctx: RecordContext,
  rows: readonly ScreenRow[],
  input: BulkInputInfo,
  warnings: readonly string[] = [],
): BulkAuditRecord {
  const auditRows: AuditRow[] = rows.map((r) => {
    return {
      row: r.row,
      input: r.input,
      field: r.field,
      source: formatSource(r.source),
      result: r.result,
      // A bulk screening has no site: only dismissals that apply everywhere count.
      matches: r.matches.map((m) => auditMatch(m, ctx, null)),
      lookalikes: r.guards.map((g) => lookalike(ctx.lookup, g.guard, g.text)),
    };
  });
  return {
    ...base(ctx),
    kind: 'bulk',
    input: { ...input },
    counts: countResults(rows),
    rows: auditRows,
    warnings: [...warnings],
    entities: entitiesOf(collectNamed(rows.flatMap((r) => r.matches)), ctx.lookup),
  };
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

/** The tab's top-frame URL and title, and when it was last scanned. */
function pageInfo(results: TabResults): PageAuditRecord['page'] {
  const frames = Object.values(results.frames);
  const top = results.frames['0'] ?? frames[0];
  const scannedAt =
    frames
      .map((f) => f.scannedAt)
      .sort()
      .at(-1) ?? null;
  return {
    url: top?.url ?? '',
    title: top?.title ?? '',
    scannedAt,
    frames: frames.length,
    blocks: frames.reduce((n, f) => n + f.blocks, 0),
    chars: frames.reduce((n, f) => n + f.chars, 0),
  };
}

export function buildPageRecord(ctx: RecordContext, results: TabResults): PageAuditRecord {
  // The popup's own grouping, so the record says exactly what the popup showed.
  const view = buildView(results, ctx.lookup);
  const page = pageInfo(results);
  const host = hostOf(page.url);
  const named = collectNamed(Object.values(results.frames).flatMap((f) => f.matches));
  const finding =
    (section: PageFinding['section']) =>
    (e: EntityView): PageFinding => ({
      section,
      entity: e.id,
      entityName: e.displayName,
      dismissed: dismissalFor(ctx.dismissals, e.displayName, host),
      matches: e.evidence.map((item) => ({
        ...recordWith(
          matchRecord(
            { ...item, entity: e.id, entityName: e.displayName, lists: named.get(e.id)?.lists ?? [] },
            ctx.lookup,
          ),
          { dismissed: dismissalFor(ctx.dismissals, e.displayName, host) },
        ),
        context: item.context,
        occurrences: item.occurrences.length,
      })),
    });
  const findings = [
    ...view.flags.map(finding('flag')),
    ...view.possible.map(finding('possible')),
    ...view.removed.map(finding('removed')),
  ];
  return {
    ...base(ctx),
    kind: 'page',
    page,
    counts: {
      flag: view.flags.length,
      possible: view.possible.length,
      removed: view.removed.length,
      lookalikes: view.guards.length,
    },
    findings,
    lookalikes: view.guards.map((g) => ({
      text: g.text,
      notEntityName: g.notEntityName,
      reason: g.reason,
      sourceUrl: g.sourceUrl,
    })),
    entities: entitiesOf(named, ctx.lookup),
  };
}
