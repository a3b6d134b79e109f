// The origin findings of a tab, from every frame's report, each place and value once. Kept
// apart from the company view: origins name a place, not a listed company.
import type { TabResults } from '../../shared/messages';
import { isPageOrigins, type PageOrigins } from '../../core/origin-report';

export function originsOfTab(results: TabResults | null): PageOrigins {
  const out: PageOrigins = { findings: [], stated: [] };
  const seen = new Set<string>();
  if (!results) return out;
  for (const report of Object.values(results.frames)) {
    const origins = (report as { origins?: unknown }).origins;
    // Reports are validated by the background; a report stored by an older version has none.
    if (!isPageOrigins(origins)) continue;
    for (const f of origins.findings) {
      const key = `f${f.place}\u0000${f.value}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.findings.push(f);
      }
    }
    for (const s of origins.stated) {
      const key = `s${s.value}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.stated.push(s);
      }
    }
  }
  return out;
}
