// Structured context in real Chromium and Firefox, on the built extension
// (dist/<target>-local): the role a page states for a name decides what the user sees.
//   - fields-award.html: a weak name ("Volvo") alone in the contractor field flags and the
//     popup puts it under "Awarded to"; a tenderer in the bidders table goes under "Bidders";
//     the homonym "Volvo Cars" in the notes stays clear.
//   - fields-prose.html: the same weak name in running text is only seen, not flagged.
//   - fields-product.html: a brand (JSON-LD and a "Merk" row) goes under "Brand of this product".
// Observed: the extension's report (storage.session), the badge, the highlights
// (CSS.highlights) and the popup as rendered text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabResults } from '../../src/shared/messages';
import { ensureLocalBuild, type Target } from '../../scripts/lib/harness/build';
import { allMatches, badgeText, openPopup, visibleText, waitForTabResults } from '../../scripts/lib/harness/extension';
import { launchBrowser } from '../../scripts/lib/harness/launch';
import { enMessage } from '../../scripts/lib/harness/messages';
import { dumpHighlights } from '../../scripts/lib/harness/page-probes';
import { startServer, type StaticServer } from '../../scripts/lib/harness/server';
import type { BrowserName, ExtBrowser, TabPage } from '../../scripts/lib/harness/types';

const FLAG = 'settlement-screen-flag';
const POSSIBLE = 'settlement-screen-possible';

const CASES: [BrowserName, Target][] = [
  ['chromium', 'chrome'],
  ['firefox', 'firefox'],
];

/** The popup's sections in order, as [heading, text] (flag groups, also seen, ...). */
function popupSections(popup: TabPage): Promise<[string, string][]> {
  return popup.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('section.entity-section')).map(
      (s) => [(s.querySelector('h2') as HTMLElement).innerText.trim(), s.innerText] as [string, string],
    ),
  );
}

describe.each(CASES)('structured context in %s', (browserName, target) => {
  let b: ExtBrowser;
  let srv: StaticServer;

  beforeAll(async () => {
    const dir = ensureLocalBuild(target);
    srv = await startServer({ '/pages/': 'tests/e2e/pages' });
    b = await launchBrowser(browserName, dir);
  });
  afterAll(async () => {
    await b?.close();
    await srv?.close();
  });

  async function open(name: string): Promise<{ page: TabPage; results: TabResults }> {
    const url = srv.url(`/pages/${name}`);
    const page = await b.newPage(url);
    await page.bringToFront();
    return { page, results: await waitForTabResults(b, url) };
  }

  describe('award notice: a weak name in the contractor field', () => {
    let page: TabPage;
    let results: TabResults;
    beforeAll(async () => {
      ({ page, results } = await open('fields-award.html'));
    });
    afterAll(() => page?.close());

    it('flags "Volvo" as the winner and "Egis Rail SA" as a tenderer; "Volvo Cars" stays clear', async () => {
      const flags = allMatches(results).filter((m) => m.level === 'flag');
      expect(flags.map((m) => [m.text, m.entityName, m.field]).sort()).toEqual([
        ['Egis Rail SA', 'Egis Rail', 'tenderer'],
        ['Volvo', 'Volvo Group', 'winner'],
      ]);
      const volvo = flags.find((m) => m.text === 'Volvo')!;
      expect(volvo.matchType).toBe('weak-alias');
      // The field is what confirms the short name.
      expect(volvo.evidence).toContainEqual(expect.objectContaining({ kind: 'field', field: 'winner' }));
      expect(allMatches(results).some((m) => m.text === 'Volvo Cars')).toBe(false);
      const guards = Object.values(results.frames).flatMap((f) => f.guards);
      expect(guards.map((g) => g.text)).toContain('Volvo Cars');
      expect(await badgeText(b, results.tabId)).toBe('2');
      const hl = await page.evaluate(dumpHighlights);
      expect([...(hl[FLAG] ?? [])].sort()).toEqual(['Egis Rail SA', 'Volvo']);
      expect(hl[POSSIBLE] ?? []).toEqual([]);
    });

    it('popup: "Awarded to" first, with the reason, then "Bidders"', async () => {
      const popup = await openPopup(b, results.tabId, 'Volvo Group');
      try {
        const sections = await popupSections(popup);
        const headings = sections.map(([h]) => h);
        const awarded = headings.indexOf(enMessage('groupAwarded'));
        const bidders = headings.indexOf(enMessage('groupBidders'));
        expect(awarded).toBe(0);
        expect(bidders).toBeGreaterThan(awarded);
        expect(sections[awarded][1]).toContain('Volvo Group');
        expect(sections[awarded][1]).not.toContain('Egis Rail');
        expect(sections[awarded][1]).toContain(
          enMessage('matchWeakConfirmed', enMessage('evidenceField', enMessage('fieldWinner'))),
        );
        expect(sections[bidders][1]).toContain('Egis Rail');
        expect(sections[bidders][1]).not.toContain('Volvo Group');
        // No plain "mentioned" section: every flag has a stated role here.
        expect(headings).not.toContain(enMessage('groupMentioned'));
        expect(await visibleText(popup)).toContain(`Volvo Cars ${enMessage('lookalikeNotEntity', 'Volvo Group')}`);
      } finally {
        await popup.close();
      }
    });
  });

  it('prose: the same weak name in running text is only seen, not flagged', async () => {
    const { page, results } = await open('fields-prose.html');
    try {
      const matches = allMatches(results);
      expect(matches.map((m) => [m.text, m.entityName, m.level, m.field])).toEqual([
        ['Volvo', 'Volvo Group', 'possible', null],
      ]);
      expect(matches[0].evidence.map((e) => e.kind)).toContain('no-corroboration');
      expect(await badgeText(b, results.tabId)).toBe('');
      const hl = await page.evaluate(dumpHighlights);
      expect(hl[FLAG] ?? []).toEqual([]);
      const popup = await openPopup(b, results.tabId, 'Volvo Group');
      try {
        const sections = await popupSections(popup);
        expect(sections.map(([h]) => h)).toEqual([enMessage('notFlaggedHeading', '1')]);
        expect(sections[0][1]).toContain('Volvo Group');
        expect(sections[0][1]).toContain(enMessage('matchWeakUnconfirmed'));
        const text = await visibleText(popup);
        // The summary counts flags only: a possible match is no listed company found.
        expect(text).toContain(enMessage('summaryNothingFound'));
        expect(text).not.toContain(enMessage('groupAwarded'));
      } finally {
        await popup.close();
      }
    } finally {
      await page.close();
    }
  });

  it('product page: the brand goes under "Brand of this product"', async () => {
    const { page, results } = await open('fields-product.html');
    try {
      const flags = allMatches(results).filter((m) => m.level === 'flag');
      expect(new Set(flags.map((m) => m.entityName))).toEqual(new Set(['Ahava – Dead Sea Laboratories Ltd.']));
      expect(flags.map((m) => m.field)).toContain('brand');
      expect(await badgeText(b, results.tabId)).toBe('1');
      expect((await page.evaluate(dumpHighlights))[FLAG]).toContain('AHAVA');
      const popup = await openPopup(b, results.tabId, 'Ahava');
      try {
        const sections = await popupSections(popup);
        expect(sections[0][0]).toBe(enMessage('groupBrand'));
        expect(sections[0][1]).toContain('Ahava – Dead Sea Laboratories Ltd.');
        expect(sections.map(([h]) => h)).not.toContain(enMessage('groupAwarded'));
      } finally {
        await popup.close();
      }
    } finally {
      await page.close();
    }
  });
});
