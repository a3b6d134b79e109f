// Pure: turn a tab's reported matches into what the popup shows, grouped by entity.
// - An entity whose shown entries are all delisted goes to "Removed from the list",
//   whatever the match level: removed entries are never shown as flags.
// - Otherwise an entity with any `flag` match is a flag; the rest are "for review".
// - An entity the user dismissed here ("not this company") goes to "Dismissed by you",
//   whatever its section; a dismissal never moves any other entity.
// - Page evidence is grouped by distinct matched text and match type, keeping every
//   occurrence so "Show on page" can step through them.
import { originsOfTab } from './tab-origins';
import type { PageOrigins } from '../../core/origin-report';
import type { EntryRef, Evidence, FieldRole, MatchLevel, MatchType, RuleName } from '../../core/types';
import type { ReportedMatch, TabResults } from '../../shared/messages';
import { dismissalFor } from '../../shared/user-data/rules';
import type { Dismissal } from '../../shared/user-data/types';
import type { DataLookup } from './lookup';
import { bareEntryRef } from '../../core/entry-ref';
import { fieldGroup, fieldRank, type FieldGroup } from '../../core/field-rank';

export type EntitySection = 'flag' | 'possible' | 'removed';

export interface Occurrence {
  key: string;
  frameId: number;
}

export interface EvidenceItem {
  /** Exactly the page text that matched. */
  text: string;
  matchType: MatchType;
  level: MatchLevel;
  /** The listed name, alias or link name that matched (first occurrence). */
  name: string;
  nameId: number;
  field: FieldRole | null;
  evidence: Evidence[];
  /** The rule that decided the strongest occurrence's level. */
  rule: RuleName;
  context: string;
  occurrences: Occurrence[];
  /** Read from the page's data (JSON-LD, embedded product JSON): nothing to show on the page. */
  fromPageData: boolean;
}

export interface EntityView {
  id: string;
  displayName: string;
  section: EntitySection;
  /** The list entries behind the matches, as the lists give them. */
  entries: EntryRef[];
  evidence: EvidenceItem[];
  /** The role the page states for this company's flagged mentions (best first), for grouping. */
  group: FieldGroup;
  /**
   * The user's "not this company" for this entity on this site: null when not dismissed
   * (the card offers to dismiss), undefined where dismissing is not offered (e.g. lookups).
   */
  dismissal?: Dismissal | null;
}

export interface GuardView {
  key: string;
  text: string;
  /** Null when the guard is not in the loaded data (then only the text is shown). */
  notEntityName: string | null;
  reason: string | null;
  sourceUrl: string | null;
}

export interface PopupView {
  /** True once any frame's content script has reported for the tab. */
  reported: boolean;
  /** True when the content script said the site is paused. */
  pausedReport: boolean;
  /** A frame is still in its first scan: what the view holds is what was found so far. */
  stillReading: boolean;
  /**
   * Whether the page marks possible matches (review mode, as the top frame, or else any
   * frame, reports it); null when no frame that is not paused said.
   */
  reviewMode: boolean | null;
  topUrl: string | null;
  flags: EntityView[];
  possible: EntityView[];
  removed: EntityView[];
  /** Entities the user dismissed here: shown collapsed with Undo, never counted. */
  dismissed: EntityView[];
  guards: GuardView[];
  /** Places of the settlement-localities list named as the product's origin, producer or address. */
  origins?: PageOrigins;
}

export interface BuildViewOptions {
  /** The user's dismissals; each hides only its own entity. */
  dismissals?: readonly Dismissal[];
  /** The page's hostname, for dismissals limited to one site. */
  host?: string | null;
}

const LEVEL_RANK: Record<MatchLevel, number> = { flag: 2, possible: 1 };

/** The entity's entries that the matches name; all of its entries if none can be paired. */
function entriesFor(entityId: string, matches: ReportedMatch[], lookup: DataLookup): EntryRef[] {
  const named = new Set<string>();
  for (const m of matches) for (const e of m.lists) named.add(`${e.list}\u0000${e.entry}`);
  const entity = lookup.entity(entityId);
  if (entity) {
    const paired = entity.entries.filter((e) => named.has(`${e.list}\u0000${e.entry}`));
    return paired.length > 0 ? paired : entity.entries;
  }
  // Not in the loaded data (e.g. a list changed since the page was scanned): show what
  // the match itself carries, with nothing invented.
  const seen = new Set<string>();
  const refs: EntryRef[] = [];
  for (const m of matches) {
    for (const e of m.lists) {
      const k = `${e.list}\u0000${e.entry}`;
      if (seen.has(k)) continue;
      seen.add(k);
      refs.push(bareEntryRef(e));
    }
  }
  return refs;
}

function evidenceItems(matches: ReportedMatch[]): EvidenceItem[] {
  const byText = new Map<string, EvidenceItem>();
  for (const m of matches) {
    const k = `${m.text}\u0000${m.matchType}`;
    let item = byText.get(k);
    if (!item) {
      item = {
        text: m.text,
        matchType: m.matchType,
        level: m.level,
        name: m.name,
        nameId: m.nameId,
        field: m.field,
        evidence: [],
        rule: m.rule,
        context: m.context,
        occurrences: [],
        fromPageData: m.fromPageData === true,
      };
      byText.set(k, item);
    } else if (LEVEL_RANK[m.level] > LEVEL_RANK[item.level]) {
      // Explain the strongest occurrence: its context and corroboration are why it flags.
      item.level = m.level;
      item.rule = m.rule;
      item.context = m.context;
      item.field = m.field;
      item.evidence = [];
    }
    if (m.level === item.level) {
      for (const ev of m.evidence) {
        const s = JSON.stringify(ev);
        if (!item.evidence.some((x) => JSON.stringify(x) === s)) item.evidence.push(ev);
      }
      if (item.field === null && m.field !== null) item.field = m.field;
    }
    if (m.fromPageData !== true) {
      item.fromPageData = false;
      item.occurrences.push({ key: m.key, frameId: m.frameId });
    }
  }
  return [...byText.values()].sort(
    (a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level] || b.occurrences.length - a.occurrences.length,
  );
}

const GROUP_ORDER: Record<FieldGroup, number> = { awarded: 0, brand: 1, bidders: 2, mentioned: 3 };

/** The highest-ranked role among the flagged mentions (or all mentions when none flags). */
function bestField(matches: readonly ReportedMatch[]): FieldRole | null {
  const flagged = matches.filter((m) => m.level === 'flag');
  let best: FieldRole | null = null;
  for (const m of flagged.length > 0 ? flagged : matches) {
    if (fieldRank(m.field) < fieldRank(best)) best = m.field;
  }
  return best;
}

function reportedReviewMode(results: TabResults | null): boolean | null {
  if (!results) return null;
  const top = results.frames['0'];
  const frames = top ? [top, ...Object.values(results.frames)] : Object.values(results.frames);
  for (const f of frames) if (!f.paused && typeof f.reviewMode === 'boolean') return f.reviewMode;
  return null;
}

const byName = (a: EntityView, b: EntityView) =>
  a.displayName.localeCompare(b.displayName, undefined, { sensitivity: 'base' });

export function buildView(results: TabResults | null, lookup: DataLookup, options: BuildViewOptions = {}): PopupView {
  const frames = results ? Object.entries(results.frames) : [];
  const top = results?.frames['0'];
  const byEntity = new Map<string, ReportedMatch[]>();
  const guards: GuardView[] = [];
  const seenGuards = new Set<string>();
  for (const [, report] of frames) {
    for (const m of report.matches) {
      const list = byEntity.get(m.entity);
      if (list) list.push(m);
      else byEntity.set(m.entity, [m]);
    }
    for (const g of report.guards) {
      const data = lookup.guard(g.guard);
      const k = `${g.text}\u0000${g.guard}`;
      if (seenGuards.has(k)) continue;
      seenGuards.add(k);
      guards.push({
        key: g.key,
        text: g.text,
        notEntityName: data?.notEntityName ?? null,
        reason: data?.reason ?? null,
        sourceUrl: data?.sourceUrl ?? null,
      });
    }
  }
  const view: PopupView = {
    reported: frames.length > 0,
    pausedReport: frames.some(([, r]) => r.paused),
    stillReading: frames.some(([, r]) => r.scanning === true),
    reviewMode: reportedReviewMode(results),
    topUrl: top?.url ?? null,
    flags: [],
    possible: [],
    removed: [],
    dismissed: [],
    guards,
    origins: originsOfTab(results),
  };
  for (const [id, matches] of byEntity) {
    // Current listings first; removed ones stay visible, marked as removed.
    const entries = entriesFor(id, matches, lookup).sort(
      (a, b) => Number(a.status === 'delisted') - Number(b.status === 'delisted'),
    );
    const allRemoved = entries.length > 0 && entries.every((e) => e.status === 'delisted');
    const section: EntitySection = allRemoved
      ? 'removed'
      : matches.some((m) => m.level === 'flag')
        ? 'flag'
        : 'possible';
    const entityView: EntityView = {
      id,
      displayName: lookup.entity(id)?.displayName ?? matches[0].entityName ?? id,
      section,
      entries,
      evidence: evidenceItems(matches),
      group: fieldGroup(bestField(matches)),
      dismissal: dismissalFor(options.dismissals ?? [], id, options.host) ?? null,
    };
    if (entityView.dismissal) view.dismissed.push(entityView);
    else view[section === 'flag' ? 'flags' : section].push(entityView);
  }
  // A company the page names as winner, supplier or brand comes before one merely mentioned.
  view.flags.sort((a, b) => GROUP_ORDER[a.group] - GROUP_ORDER[b.group] || byName(a, b));
  view.possible.sort(byName);
  view.removed.sort(byName);
  view.dismissed.sort(byName);
  return view;
}
