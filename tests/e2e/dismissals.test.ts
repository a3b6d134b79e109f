// "Not this company" (dismissals work in both browsers) in real Chromium and
// Firefox, on the built extension (dist/<target>-local). One browser per describe block;
// the steps run in order on one page, as a person would take them:
//   dismiss one company on this site from the popup -> badge, highlights, popup, options
//   page and the page's record follow, the other company stays flagged -> Undo in the popup
//   restores it -> dismiss the other company everywhere -> it is hidden on another page too
//   -> Undo on the options page restores it.
//
// Observed: the badge (action.getBadgeText), the highlights (CSS.highlights from the page's
// main world), the extension's report (storage.session), the popup, options and report
// pages as rendered text, clicked with DOM clicks and typed into with real key events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabResults } from '../../src/shared/messages';
import { ensureLocalBuild, type Target } from '../../scripts/lib/harness/build';
import {
  allMatches,
  badgeText,
  clickControl,
  openPopup,
  visibleText,
  waitFor,
  waitForTabResults,
} from '../../scripts/lib/harness/extension';
import { launchBrowser } from '../../scripts/lib/harness/launch';
import { enMessage } from '../../scripts/lib/harness/messages';
import { typeInto } from '../../scripts/lib/harness/page-io';
import { dumpHighlights } from '../../scripts/lib/harness/page-probes';
import { startServer, type StaticServer } from '../../scripts/lib/harness/server';
import type { BrowserName, ExtBrowser, TabPage } from '../../scripts/lib/harness/types';

const FLAG = 'settlement-screen-flag';
const BOOKING = 'Booking.com B.V.';
const MOTOROLA = 'Motorola Solutions, Inc.';
const REASON = 'Our travel agency, not the booking site';

const CASES: [BrowserName, Target][] = [
  ['chromium', 'chrome'],
  ['firefox', 'firefox'],
];

/** The flag highlights of a page, sorted. */
async function flagHighlights(page: TabPage): Promise<string[]> {
  return [...((await page.evaluate(dumpHighlights))[FLAG] ?? [])].sort();
}

/** Opens every collapsed section (sections can appear after the popup first rendered). */
async function expandedText(page: TabPage): Promise<string> {
  await page.evaluate(() => {
    for (const d of Array.from(document.querySelectorAll('details:not([open])'))) d.querySelector('summary')?.click();
  });
  return visibleText(page);
}

/** The text of the popup section with this id ("dismissed", "review", ...), or null. */
function sectionText(page: TabPage, id: string): Promise<string | null> {
  return page.evaluate((id) => (document.getElementById(id) as HTMLElement | null)?.innerText ?? null, id);
}

/** The text of the popup's flag sections ("flags", or one per role: "flags-awarded", ...). */
function flagSectionsText(page: TabPage): Promise<string> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('section[id^="flags"]'))
      .map((s) => s.innerText)
      .join('\n'),
  );
}

describe.each(CASES)('dismissals in %s', (browserName, target) => {
  let b: ExtBrowser;
  let srv: StaticServer;
  let page: TabPage;
  let url: string;
  let results: TabResults;
  let popup: TabPage;

  beforeAll(async () => {
    const dir = ensureLocalBuild(target);
    srv = await startServer({ '/pages/': 'tests/e2e/pages' });
    b = await launchBrowser(browserName, dir);
    url = srv.url('/pages/dismiss-suppliers.html');
    page = await b.newPage(url);
    await page.bringToFront();
    results = await waitForTabResults(b, url);
  });
  afterAll(async () => {
    await b?.close();
    await srv?.close();
  });

  const badgeIs = (text: string, tabId = results.tabId) =>
    waitFor(async () => (await badgeText(b, tabId)) === text, `the badge to read "${text}"`);
  const highlightsAre = (want: string[], p: TabPage = page) =>
    waitFor(
      async () => JSON.stringify(await flagHighlights(p)) === JSON.stringify([...want].sort()),
      `the highlights to be ${JSON.stringify(want)}`,
    );

  it('to start with: both companies flagged, counted and highlighted', async () => {
    const flags = allMatches(results).filter((m) => m.level === 'flag');
    expect(new Set(flags.map((m) => m.entityName))).toEqual(new Set([BOOKING, MOTOROLA]));
    expect(await badgeText(b, results.tabId)).toBe('2');
    expect(await flagHighlights(page)).toEqual([BOOKING, BOOKING, MOTOROLA]);
  });

  it('popup: "Not this company" on this site, with a reason', async () => {
    popup = await openPopup(b, results.tabId, BOOKING);
    expect(await clickControl(popup, enMessage('dismissButtonLabel', BOOKING))).toBe(true);
    const form = await waitFor(
      () => popup.evaluate(() => (document.querySelector('.dismiss-form') as HTMLElement | null)?.innerText),
      'the dismiss form',
    );
    expect(form).toContain(enMessage('dismissQuestion', BOOKING));
    expect(form).toContain(enMessage('dismissScopeSite', '127.0.0.1'));
    expect(form).toContain(enMessage('dismissOnlyThis'));
    // "On this site" is the default choice on a web page.
    expect(
      await popup.evaluate(
        () => (document.querySelector('.dismiss-form input[value="site"]') as HTMLInputElement).checked,
      ),
    ).toBe(true);
    await typeInto(popup, '.dismiss-form .dismiss-reason', REASON);
    expect(await clickControl(popup, enMessage('dismissConfirm'))).toBe(true);
  });

  it('the badge drops to 1 and only that company loses its highlights', async () => {
    await badgeIs('1');
    await highlightsAre([MOTOROLA]);
    // Still in the report (so the popup can offer Undo), never silently dropped.
    const now = await waitForTabResults(b, url);
    expect(allMatches(now).filter((m) => m.entityName === BOOKING && m.level === 'flag')).toHaveLength(2);
  });

  it('popup: the company is under "Dismissed by you" with the reason and Undo; the other stays flagged', async () => {
    const dismissed = await waitFor(async () => {
      await expandedText(popup);
      return sectionText(popup, 'dismissed');
    }, 'the "Dismissed by you" section');
    expect(dismissed).toContain(enMessage('sectionDismissed', '1'));
    expect(dismissed).toContain(BOOKING);
    expect(dismissed).toMatch(
      new RegExp(escapeRe(enMessage('dismissedOnSite', '127.0.0.1', '@@')).replace('@@', '[^)]+')),
    );
    expect(dismissed).toContain(REASON);
    expect(dismissed).toContain(enMessage('dismissUndo'));
    expect(dismissed).not.toContain(MOTOROLA);
    const flags = await flagSectionsText(popup);
    expect(flags).toContain(MOTOROLA);
    expect(flags).not.toContain(BOOKING);
    expect(await visibleText(popup)).toContain(enMessage('summaryFlags', '1'));
  });

  it('options page: the dismissal is listed with company, site, reason and Undo', async () => {
    const options = await b.newPage(`${b.extensionOrigin}/${b.manifest.options!.replace(/^\//, '')}`);
    try {
      const text = await waitFor(async () => {
        const t = await options.evaluate(
          () => (document.querySelector('.dismissals') as HTMLElement | null)?.innerText,
        );
        return t?.includes(BOOKING) ? t : null;
      }, 'the dismissal on the options page');
      expect(text).toContain(enMessage('dismissalScopeSite', '127.0.0.1'));
      expect(text).toContain(REASON);
      expect(text).not.toContain(MOTOROLA);
      expect(await options.evaluate(() => document.querySelectorAll('.dismissals > li').length)).toBe(1);
    } finally {
      await options.close();
    }
  });

  it("the page's record lists the dismissal in force and marks the dismissed company", async () => {
    const report = await b.newPage(`${b.extensionOrigin}/src/ui/record/index.html?tab=${results.tabId}`);
    try {
      const text = await waitFor(async () => {
        const t = await visibleText(report);
        return t.includes(enMessage('reportDismissalsHeading')) ? t : null;
      }, 'the report');
      expect(text).toContain(enMessage('reportDismissedBecause', REASON));
      expect(text).toContain(enMessage('reportDismissalSite', '127.0.0.1'));
      expect(text).not.toContain(enMessage('reportNoDismissals'));
    } finally {
      await report.close();
    }
  });

  it('Undo in the popup: the flag, the badge and the highlights come back', async () => {
    expect(await clickControl(popup, enMessage('dismissUndoLabel', BOOKING))).toBe(true);
    await badgeIs('2');
    await highlightsAre([BOOKING, BOOKING, MOTOROLA]);
    await waitFor(async () => (await sectionText(popup, 'dismissed')) === null, 'the "Dismissed by you" section to go');
    expect(await flagSectionsText(popup)).toContain(BOOKING);
    expect(await visibleText(popup)).toContain(enMessage('summaryFlags', '2'));
  });

  it('dismissed everywhere: hidden on another page too, where the other flags stay', async () => {
    expect(await clickControl(popup, enMessage('dismissButtonLabel', MOTOROLA))).toBe(true);
    await waitFor(() => popup.evaluate(() => document.querySelector('.dismiss-form') !== null), 'the dismiss form');
    await popup.click('.dismiss-form input[value="everywhere"]');
    expect(await clickControl(popup, enMessage('dismissConfirm'))).toBe(true);
    await badgeIs('1');
    await highlightsAre([BOOKING, BOOKING]);
    // Another page naming Motorola Solutions and Heidelberg Materials.
    const otherUrl = srv.url('/pages/tender-nl.html');
    const other = await b.newPage(otherUrl);
    try {
      await other.bringToFront();
      const r = await waitForTabResults(b, otherUrl);
      await badgeIs('1', r.tabId);
      await highlightsAre(['Heidelberg Materials AG'], other);
      expect(allMatches(r).some((m) => m.entityName === MOTOROLA && m.level === 'flag')).toBe(true);
    } finally {
      await other.close();
      await page.bringToFront();
    }
  });

  it('Undo on the options page: the company is flagged again', async () => {
    const options = await b.newPage(`${b.extensionOrigin}/${b.manifest.options!.replace(/^\//, '')}`);
    try {
      const text = await waitFor(async () => {
        const t = await options.evaluate(
          () => (document.querySelector('.dismissals') as HTMLElement | null)?.innerText,
        );
        return t?.includes(MOTOROLA) ? t : null;
      }, 'the dismissal on the options page');
      expect(text).toContain(enMessage('dismissalScopeEverywhere'));
      expect(text).toContain(enMessage('dismissalNoReason'));
      expect(await clickControl(options, enMessage('dismissUndoLabel', MOTOROLA))).toBe(true);
      await waitFor(
        async () => (await visibleText(options)).includes(enMessage('dismissalsNone')),
        'the options page to list no dismissals',
      );
      expect(await visibleText(options)).toContain(enMessage('dismissalUndone', MOTOROLA));
    } finally {
      await options.close();
    }
    await badgeIs('2');
    await highlightsAre([BOOKING, BOOKING, MOTOROLA]);
    await waitFor(async () => (await sectionText(popup, 'dismissed')) === null, 'the popup to show no dismissals');
    await popup.close();
  });
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
