// Scoring flag-level matches against the corpus expectations.
//
// Units: every `flag` match the matcher reports is one prediction (a page naming a
// company three times gives three); it is correct when it names an expected entity and
// overlaps an occurrence of that expectation's text. Every expected flag is one unit of
// recall, found when at least one such match exists. `possible` matches are never
// counted: they are shown for review only. Precision = correct / all flags, recall =
// found / all expected.
import type { BlockScan, Matcher } from '../../src/core/matcher';
import { scanPage } from '../../src/core/page';
import type { CompiledGuard, Evidence, Match } from '../../src/core/types';
import type { CorpusItem, ExpectedFlag, ExpectedPossible, LoadedItem, Trap } from './eval-corpus';
import { findOccurrences, overlaps, type Span } from './eval-text';

export const PRECISION_TARGET = 0.98;
export const RECALL_TARGET = 0.95;

export interface FlagOutcome {
  match: Match;
  block: number;
  correct: boolean;
  /** For a wrong flag: the trap it hit, if any. */
  trap: Trap | null;
  /** For a wrong flag: the review-only expectation it over-promoted, if any. */
  possible: ExpectedPossible | null;
  /** For a wrong flag: an expected flag of another entity it overlaps (wrong company), if any. */
  otherEntity: ExpectedFlag | null;
}

/** What the matcher did with the text of an expected flag it did not flag. */
export type Diagnosis =
  | { kind: 'possible'; match: Match }
  | { kind: 'flag-other-entity'; match: Match }
  | { kind: 'possible-other-entity'; match: Match }
  | { kind: 'guard'; text: string; guard: CompiledGuard | undefined }
  | { kind: 'nothing' };

export interface ExpectedOutcome {
  expected: ExpectedFlag;
  found: boolean;
  /** Filled when not found. */
  diagnosis: Diagnosis[];
}

export interface PossibleOutcome {
  expected: ExpectedPossible;
  status: 'possible' | 'flag' | 'guard' | 'nothing';
}

export interface TrapOutcome {
  trap: Trap;
  /** Visible occurrences (0: the trap text is only in hidden parts of the page). */
  occurrences: number;
  violated: boolean;
}

export interface ItemResult {
  item: CorpusItem;
  blocks: number;
  flags: FlagOutcome[];
  expected: ExpectedOutcome[];
  possible: PossibleOutcome[];
  traps: TrapOutcome[];
  scans: BlockScan[];
}

export interface Tally {
  /** Flag matches that are correct / wrong. */
  tp: number;
  fp: number;
  /** Expected flags found / total. */
  found: number;
  expected: number;
  items: number;
}

export function evaluateItem(matcher: Matcher, loaded: LoadedItem): ItemResult {
  const { item, blocks } = loaded;
  const scans = scanPage(matcher, blocks);
  const occ = (text: string) => findOccurrences(blocks, text);
  const expectedSpans = item.flags.map((e) => occ(e.text));
  const possibleSpans = (item.possible ?? []).map((p) => occ(p.text));
  const trapSpans = item.traps.map((t) => occ(t.text));
  const spanOf = (block: number, m: { start: number; end: number }): Span => ({ block, start: m.start, end: m.end });
  const hits = (spans: Span[], s: Span) => spans.some((o) => overlaps(o, s));

  const flags: FlagOutcome[] = [];
  scans.forEach((scan, block) => {
    for (const m of scan.matches) {
      if (m.level !== 'flag') continue;
      const s = spanOf(block, m);
      const correct = item.flags.some((e, i) => e.entity === m.entityName && hits(expectedSpans[i], s));
      flags.push({
        match: m,
        block,
        correct,
        trap: correct ? null : (item.traps.find((_, i) => hits(trapSpans[i], s)) ?? null),
        possible: correct ? null : ((item.possible ?? []).find((_, i) => hits(possibleSpans[i], s)) ?? null),
        otherEntity: correct
          ? null
          : (item.flags.find((e, i) => e.entity !== m.entityName && hits(expectedSpans[i], s)) ?? null),
      });
    }
  });

  const expected: ExpectedOutcome[] = item.flags.map((e, i) => {
    const found = flags.some(
      (f) => f.match.entityName === e.entity && hits(expectedSpans[i], spanOf(f.block, f.match)),
    );
    return { expected: e, found, diagnosis: found ? [] : diagnose(matcher, scans, expectedSpans[i], e.entity) };
  });

  const possible: PossibleOutcome[] = (item.possible ?? []).map((p, i) => {
    const spans = possibleSpans[i];
    let status: PossibleOutcome['status'] = 'nothing';
    scans.forEach((scan, block) => {
      for (const m of scan.matches) {
        if (m.entityName !== p.entity || !hits(spans, spanOf(block, m))) continue;
        if (m.level === 'flag') status = 'flag';
        else if (status !== 'flag') status = 'possible';
      }
      if (status === 'nothing' && scan.guards.some((g) => hits(spans, spanOf(block, g)))) status = 'guard';
    });
    return { expected: p, status };
  });

  const traps: TrapOutcome[] = item.traps.map((t, i) => ({
    trap: t,
    occurrences: trapSpans[i].length,
    violated: flags.some((f) => !f.correct && hits(trapSpans[i], spanOf(f.block, f.match))),
  }));

  return { item, blocks: blocks.length, flags, expected, possible, traps, scans };
}

function diagnose(matcher: Matcher, scans: BlockScan[], spans: Span[], entity: string): Diagnosis[] {
  const out: Diagnosis[] = [];
  for (const s of spans) {
    const scan = scans[s.block];
    for (const m of scan.matches) {
      if (!overlaps(s, { block: s.block, start: m.start, end: m.end })) continue;
      // A flag of the expected entity here would have counted as found.
      if (m.level === 'flag') out.push({ kind: 'flag-other-entity', match: m });
      else out.push({ kind: m.entityName === entity ? 'possible' : 'possible-other-entity', match: m });
    }
    for (const g of scan.guards) {
      if (overlaps(s, { block: s.block, start: g.start, end: g.end }))
        out.push({ kind: 'guard', text: g.text, guard: matcher.guard(g.guard) });
    }
  }
  // One line per distinct finding: the same name repeated on a page says nothing new.
  const seen = new Set<string>();
  const unique = out.filter((d) => {
    const key = JSON.stringify(
      d.kind === 'guard'
        ? [d.kind, d.text]
        : d.kind === 'nothing'
          ? [d.kind]
          : [d.kind, d.match.text, d.match.entity, d.match.level],
    );
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.length > 0 ? unique : [{ kind: 'nothing' }];
}

export function tally(results: readonly ItemResult[]): Tally {
  const t: Tally = { tp: 0, fp: 0, found: 0, expected: 0, items: results.length };
  for (const r of results) {
    for (const f of r.flags) {
      if (f.correct) t.tp++;
      else t.fp++;
    }
    t.expected += r.expected.length;
    t.found += r.expected.filter((e) => e.found).length;
  }
  return t;
}

/** Precision of flags; 1 when nothing was flagged (no wrong flag was raised). */
export function precision(t: Tally): number {
  return t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
}

/** Recall of expected flags; 1 when nothing was expected. */
export function recall(t: Tally): number {
  return t.expected === 0 ? 1 : t.found / t.expected;
}

export function groupBy<K extends string>(
  results: readonly ItemResult[],
  key: (r: ItemResult) => K,
): Map<K, ItemResult[]> {
  const out = new Map<K, ItemResult[]>();
  for (const r of results) {
    const k = key(r);
    const arr = out.get(k) ?? [];
    arr.push(r);
    out.set(k, arr);
  }
  return out;
}

export function meetsTargets(t: Tally): boolean {
  return precision(t) >= PRECISION_TARGET && recall(t) >= RECALL_TARGET;
}

/** Evidence in words, for the report. */
export function describeEvidence(evidence: readonly Evidence[]): string {
  if (evidence.length === 0) return 'strong name, no corroboration needed';
  return evidence
    .map((e) => {
      switch (e.kind) {
        case 'legal-form':
          return `legal form "${e.text}"`;
        case 'company-word':
          return `company word "${e.text}"`;
        case 'country':
          return `country "${e.text}"`;
        case 'case':
          return `capitals "${e.text}"`;
        case 'field':
          return `field ${e.field}`;
        case 'full-name-on-page':
          return `full name on page "${e.text}"`;
        case 'no-corroboration':
          return `weak name without corroboration (${e.reason})`;
        case 'link-not-current':
          return `link ${e.status}${e.note ? `: ${e.note}` : ''}`;
        case 'delisted-only':
          return 'every entry delisted';
      }
    })
    .join('; ');
}
