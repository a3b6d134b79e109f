// From a page's origin contexts to what a frame reports: the places each value names, each
// place and value once, and what the origin fields state. Runs where the place index is
// (the background for pages, the CLI for files).
import type { OriginMatcher } from './origins';
import {
  MAX_REPORTED_ORIGINS,
  MAX_STATED_ORIGINS,
  type PageOrigins,
  type ReportedOrigin,
  type StatedOrigin,
  type OriginContextOnPage,
} from './origin-report';

/** Findings for the contexts, each place and value once, and the stated origins. */
export function originsOf(contexts: readonly OriginContextOnPage[], matcher: OriginMatcher): PageOrigins {
  const findings: ReportedOrigin[] = [];
  const stated: StatedOrigin[] = [];
  const seen = new Set<string>();
  const cut = (s: string) => (s.length > 500 ? `${s.slice(0, 497)}...` : s);
  for (const { c, fromPageData } of contexts) {
    if (c.kind === 'origin' && stated.length < MAX_STATED_ORIGINS) {
      const key = `s\u0000${c.text}`;
      if (!seen.has(key)) {
        seen.add(key);
        stated.push({ label: cut(c.label), value: cut(c.text), fromPageData });
      }
    }
    for (const f of matcher.findOrigins(c)) {
      const key = `${f.place}\u0000${c.text}`;
      if (seen.has(key) || findings.length >= MAX_REPORTED_ORIGINS) continue;
      seen.add(key);
      findings.push({
        place: f.place,
        placeName: f.placeName,
        category: f.category,
        reviewRequired: f.reviewRequired,
        text: cut(f.text),
        matchedName: cut(f.matchedName),
        nameKind: f.nameKind,
        spelling: f.spelling,
        rule: f.rule,
        evidence: f.evidence === null ? null : cut(f.evidence),
        contextKind: c.kind,
        label: cut(c.label),
        value: cut(c.text),
        fromPageData,
      });
    }
  }
  return { findings, stated };
}
