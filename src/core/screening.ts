// Screening names one by one with the same matcher as the pages. Each name is its own
// "page": a short alias is confirmed only by what is in the same cell (a legal form, a
// country, the role a data file states), never by a neighbouring row: two bidders that
// happen to share a list are two separate questions.
import type { Matcher } from './matcher';
import { scanPage } from './page';
import type { GuardHit, Match } from './types';
import type { ScreenCounts, ScreenInput, ScreenResult, ScreenRow } from './screening-types';

/** The row's result from its matches: the strongest one decides. */
export function resultOf(matches: readonly Match[]): ScreenResult {
  let result: ScreenResult = 'clear';
  for (const m of matches) {
    if (m.level === 'flag') return 'flag';
    const removedOnly = m.evidence.some((e) => e.kind === 'delisted-only');
    if (!removedOnly) result = 'possible';
    else if (result === 'clear') result = 'removed';
  }
  return result;
}

interface Scan {
  matches: Match[];
  guards: GuardHit[];
}

/**
 * A screener remembers each distinct (name, role): supplier lists repeat names, and the
 * answer for a name does not depend on its row.
 */
export function createScreener(matcher: Matcher): (input: ScreenInput, row: number) => ScreenRow {
  const cache = new Map<string, Scan>();
  return (input, row) => {
    const key = `${input.field ?? ''}\u0000${input.input}`;
    let scan = cache.get(key);
    if (!scan) {
      const [s] = scanPage(matcher, [{ text: input.input, field: input.field }]);
      scan = { matches: s.matches, guards: s.guards };
      cache.set(key, scan);
    }
    return { ...input, row, result: resultOf(scan.matches), matches: scan.matches, guards: scan.guards };
  };
}

/** Screen one name (the popup's lookup and the context menu use this). */
export function screenName(matcher: Matcher, input: ScreenInput): ScreenRow {
  return createScreener(matcher)(input, 1);
}

/** Screen every name at once (CLI, tests). */
export function screenAll(matcher: Matcher, inputs: readonly ScreenInput[]): ScreenRow[] {
  const screen = createScreener(matcher);
  return inputs.map((input, i) => screen(input, i + 1));
}

export interface SliceOptions {
  /** Longest stretch of work between yields, in ms (default 12: keeps input and paint smooth). */
  sliceMs?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** How to give the event loop a turn (default: a macrotask). */
  yieldToEventLoop?: () => Promise<void>;
  now?: () => number;
}

const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Screen in time slices so a page stays responsive with 10,000 names, reporting progress
 * after each slice. Rejects with the signal's reason when aborted: a cancelled run gives no
 * rows at all rather than the first part of them.
 */
export async function screenInSlices(
  matcher: Matcher,
  inputs: readonly ScreenInput[],
  opts: SliceOptions = {},
): Promise<ScreenRow[]> {
  const sliceMs = opts.sliceMs ?? 12;
  const yieldNow = opts.yieldToEventLoop ?? macrotask;
  const now = opts.now ?? (() => performance.now());
  const screen = createScreener(matcher);
  const rows: ScreenRow[] = [];
  let i = 0;
  opts.onProgress?.(0, inputs.length);
  while (i < inputs.length) {
    opts.signal?.throwIfAborted();
    const start = now();
    do {
      rows.push(screen(inputs[i], i + 1));
      i++;
    } while (i < inputs.length && now() - start < sliceMs);
    opts.onProgress?.(i, inputs.length);
    if (i < inputs.length) await yieldNow();
  }
  opts.signal?.throwIfAborted();
  return rows;
}

export function countResults(rows: readonly ScreenRow[]): ScreenCounts {
  const counts: ScreenCounts = { checked: rows.length, flag: 0, possible: 0, removed: 0, clear: 0 };
  for (const r of rows) counts[r.result]++;
  return counts;
}
