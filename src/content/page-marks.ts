// Whether this frame paints its marks on the page, or keeps to private mode.
//
// Marks are CSS Custom Highlights: the highlight registry is one per document, shared by the
// page and the content script, so the page's own scripts can read every marked range, and
// the ::highlight() styles the marks need are visible to getComputedStyle. In private mode
// the scanner still reads the page and reports to the background (badge, popup), but it
// touches nothing the page can read: no highlight is registered, no style is inserted, no
// style sheet is adopted into a shadow root (docs/privacy.md, tests/e2e/private-mode.test.ts).
//
// The option comes from the settings (settings.ts, marksFor: per site, for all sites, or by
// kind of site). The popup's "Show on page" overrides it for this page until the page goes
// away, kept here in memory for the same reasons as review mode's per-tab choice
// (review-mode.ts): its lifetime is the document's, and a background restart cannot touch it.

/** The option from the settings, overridden for this page by the popup's choice. */
export class PageMarksState {
  // Nothing is painted until the settings say so: a page must not see marks for the moment
  // before a private-mode setting is read.
  #option = false;
  #override: boolean | null = null;

  /** What the settings decide for this site (marksFor(...).mark). */
  setOption(on: boolean): void {
    this.#option = on;
  }

  /** The popup's choice for this page; null goes back to the settings. */
  setOverride(on: boolean | null): void {
    this.#override = on;
  }

  get on(): boolean {
    return this.#override ?? this.#option;
  }
}
