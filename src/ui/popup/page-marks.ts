// What the popup needs to say about marks on this tab: whether the page shows them now (from
// the frames' reports), and what the settings decide for the site. Pure, for unit tests.
import type { TabResults } from '../../shared/messages';

/**
 * Whether the page shows its marks, as the top frame (or else any frame) reports it; null
 * when no frame that is not paused said (no content script, or a report from before the
 * field existed).
 */
export function reportedMarks(results: TabResults | null): boolean | null {
  if (!results) return null;
  const top = results.frames['0'];
  const frames = top ? [top, ...Object.values(results.frames)] : Object.values(results.frames);
  for (const f of frames) if (!f.paused && typeof f.marks === 'boolean') return f.marks;
  return null;
}
