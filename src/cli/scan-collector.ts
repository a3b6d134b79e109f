// Keeps the block scans of one input for its report, in bounded memory: up to
// SCAN_MAX_LISTED_MATCHES matches are kept as they are; past that only the first match of each
// company at each level, so a log of gigabytes that names a listed company on every line still lists
// every company it names (and counts the repeats it left out). The page-level rule (a weak
// name confirmed by the company's full name elsewhere) is applied over what is kept, which
// holds every full name found.
import type { BlockScan } from '../core/matcher';
import { resolvePage } from '../core/page';
import type { Match } from '../core/types';
import { SCAN_MAX_LISTED_MATCHES } from '../formats/limits';

export interface IndexedScan {
  block: number;
  scan: BlockScan;
}

const keyOf = (m: Match): string => `${m.entity}|${m.level}|${m.level === 'flag' ? m.nameStrength : ''}`;

export class ScanCollector {
  private readonly kept: IndexedScan[] = [];
  private readonly seen = new Set<string>();
  private listed = 0;
  private omittedMatches = 0;
  private omittedGuards = 0;

  constructor(private readonly max: number = SCAN_MAX_LISTED_MATCHES) {}

  add(block: number, found: BlockScan): void {
    if (found.matches.length === 0 && found.guards.length === 0) return;
    // A copy: a match's texts are slices of the line, and the line of the decoded chunk
    // around it, so keeping the match as it is would keep every chunk that had a match.
    const scan = structuredClone(found);
    if (this.listed + scan.matches.length + scan.guards.length <= this.max) {
      for (const m of scan.matches) this.seen.add(keyOf(m));
      this.listed += scan.matches.length + scan.guards.length;
      this.kept.push({ block, scan });
      return;
    }
    const matches = scan.matches.filter((m) => {
      const key = keyOf(m);
      if (this.seen.has(key)) return false;
      this.seen.add(key);
      return true;
    });
    this.omittedMatches += scan.matches.length - matches.length;
    this.omittedGuards += scan.guards.length;
    if (matches.length === 0) return;
    this.listed += matches.length;
    this.kept.push({ block, scan: { matches, guards: [] } });
  }

  /** The kept scans, page-resolved, and a warning when some were left out. */
  finish(): { scans: IndexedScan[]; warning: string | null } {
    const resolved = resolvePage(this.kept.map((k) => k.scan));
    const scans = this.kept.map((k, i) => ({ block: k.block, scan: resolved[i] }));
    if (this.omittedMatches === 0 && this.omittedGuards === 0) return { scans, warning: null };
    return {
      scans,
      warning:
        `more than ${this.max.toLocaleString('en')} matches: ${this.omittedMatches} repeated match(es) and ` +
        `${this.omittedGuards} look-alike(s) are not listed; every company found is listed at least once`,
    };
  }
}
