// Review mode in the page: which matches get a mark, and whether this tab shows possibles.
//
// A flag is marked on every page. A possible match (a short or common name with nothing to
// confirm it, a brand link that is not current, an entry removed from its list) is marked,
// dotted, only in review mode: marks on "Yes" or "Orange" on a shop page teach people to
// ignore the marks that matter. Possibles are still found and reported either way, so the
// popup lists them.
//
// The popup's per-tab choice is kept here, in each frame's content script, in memory, and
// not in the background. Its lifetime is the page's: when the tab navigates or closes the
// document goes and the choice with it, with nothing to clean up; a choice kept in the
// background would need its own navigation tracking to end at the same moment. The MV3
// background can be stopped at any time, and this script is not stopped with it, so a
// worker restart does not touch the choice. The popup reads the state back from the frame's
// report (PageReport.reviewMode), which the background keeps in storage.session with the
// rest of the tab's results, so that survives a restart as well.
import type { MatchLevel } from '../core/types';

export type MarkKind = 'flag' | 'possible';

/** The mark a match of `level` gets, or null when it is not marked on the page. */
export function markFor(level: MatchLevel, reviewMode: boolean): MarkKind | null {
  if (level === 'flag') return 'flag';
  return reviewMode ? 'possible' : null;
}

/** The option from the settings, overridden for this page by the popup's choice. */
export class ReviewModeState {
  #option = false;
  #override: boolean | null = null;

  /** The user's option (settings.reviewMode). */
  setOption(on: boolean): void {
    this.#option = on;
  }

  /** The popup's choice for this tab: wins over the option until the page goes away. */
  setOverride(on: boolean): void {
    this.#override = on;
  }

  get on(): boolean {
    return this.#override ?? this.#option;
  }
}
