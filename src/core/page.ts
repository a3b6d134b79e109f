// Page-level resolution: a weak alias ("Volvo", "CAF") that is only `possible` in its own
// block becomes a flag when the same entity's full name is matched elsewhere on the page.
// Scans are kept per block by the caller (the content script rescans only changed
// blocks) and resolved again over the whole page whenever any block changes.
import type { Evidence, TextBlock } from './types';
import type { BlockScan, Matcher } from './matcher';

export function scanPage(matcher: Matcher, blocks: readonly TextBlock[]): BlockScan[] {
  return resolvePage(blocks.map((b) => matcher.scanBlock(b)));
}

export function resolvePage(scans: readonly BlockScan[]): BlockScan[] {
  // Entities named in full (a strong name, flagged on its own) somewhere on the page.
  const fullNames = new Map<string, string>();
  for (const s of scans) {
    for (const m of s.matches) {
      // Only a strong name counts: "Santander, S.A." is itself a weak name with a legal
      // form and must not turn "the city of Santander" into the bank.
      if (m.level === 'flag' && m.nameStrength === 'strong' && !fullNames.has(m.entity)) {
        fullNames.set(m.entity, m.text);
      }
    }
  }
  return scans.map((s) => {
    let changed = false;
    const matches = s.matches.map((m) => {
      const full = fullNames.get(m.entity);
      if (m.level !== 'possible' || full === undefined) return m;
      const blocked = m.evidence.some(
        (e) => e.kind === 'delisted-only' || e.kind === 'link-not-current' || e.kind === 'runs-on',
      );
      if (blocked) return m;
      changed = true;
      const evidence: Evidence[] = m.evidence.filter((e) => e.kind !== 'no-corroboration');
      evidence.push({ kind: 'full-name-on-page', text: full });
      return { ...m, level: 'flag' as const, evidence, rule: 'full-name-on-page' as const };
    });
    return changed ? { matches, guards: s.guards } : s;
  });
}
