// Builders for page reports and matches in unit tests.
import type { PageReport, ReportedMatch } from '../../../src/shared/messages';

export function match(partial: Partial<ReportedMatch> & { entity: string; key: string }): ReportedMatch {
  return {
    start: 0,
    end: partial.text?.length ?? 4,
    text: 'Name',
    level: 'flag',
    matchType: 'exact',
    entityName: partial.entity,
    name: partial.text ?? 'Name',
    nameId: 0,
    nameStrength: 'strong',
    lists: [],
    field: null,
    evidence: [],
    rule: 'strong-name',
    frameId: -1,
    context: '',
    ...partial,
  };
}

export function report(url: string, matches: ReportedMatch[], extra: Partial<PageReport> = {}): PageReport {
  return {
    url,
    title: 'Page',
    scannedAt: '2026-01-01T00:00:00.000Z',
    matches,
    guards: [],
    blocks: 1,
    chars: 100,
    paused: false,
    ...extra,
  };
}
