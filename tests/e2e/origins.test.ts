// Origin findings in real Chromium and Firefox, on the built extension (dist/<target>-local):
//   - origin-producer-zone.html: the producer line names a settlement industrial zone under
//     "Herkomst: Israël": the report has the finding, the badge does not count it, and the
//     popup shows "Origin named on this page" with the origin field beside it, the list's
//     source and its caveat.
//   - origin-ariel-powder.html, origin-made-in-israel.html, origin-jordan.html: no finding.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabResults } from '../../src/shared/messages';
import { ensureLocalBuild, type Target } from '../../scripts/lib/harness/build';
import { badgeText, openPopup, visibleText, waitForTabResults } from '../../scripts/lib/harness/extension';
import { launchBrowser } from '../../scripts/lib/harness/launch';
import { enMessage } from '../../scripts/lib/harness/messages';
import { startServer, type StaticServer } from '../../scripts/lib/harness/server';
import type { BrowserName, ExtBrowser } from '../../scripts/lib/harness/types';

const CASES: [BrowserName, Target][] = [
  ['chromium', 'chrome'],
  ['firefox', 'firefox'],
];

const originsOf = (r: TabResults) => Object.values(r.frames).flatMap((f) => f.origins?.findings ?? []);

describe.each(CASES)('origin findings in %s', (browserName, target) => {
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

  async function open(name: string): Promise<TabResults> {
    const url = srv.url(`/pages/${name}`);
    const page = await b.newPage(url);
    await page.bringToFront();
    return waitForTabResults(b, url, { until: (r) => Object.values(r.frames).some((f) => f.origins !== undefined) });
  }

  it('a producer line in a settlement industrial zone: the finding, in the popup, beside the origin field', async () => {
    const results = await open('origin-producer-zone.html');
    const findings = originsOf(results);
    expect(findings.map((f) => [f.placeName, f.category, f.contextKind, f.label, f.spelling])).toEqual([
      ['Mishor Edomim Industrial Zone', 'industrial_zone', 'producer', 'Producent', 'variant'],
    ]);
    expect(
      Object.values(results.frames)
        .flatMap((f) => f.origins?.stated ?? [])
        .map((s) => s.value),
    ).toEqual(['Israël']);
    // Origins are not company flags: the badge counts none.
    expect(await badgeText(b, results.tabId)).toBe('');
    const popup = await openPopup(b, results.tabId, 'Mishor Edomim Industrial Zone');
    try {
      const text = await visibleText(popup);
      expect(text).toContain(
        enMessage('originNamed', 'Mishor Edomim Industrial Zone', enMessage('originKindIndustrialZone')),
      );
      expect(text).toContain('SodaStream Ltd., Mishor Adumim Industrial Zone');
      expect(text).toContain('Israël');
      expect(text).toContain(enMessage('originCaveat'));
      expect(text).toContain(enMessage('originSource'));
    } finally {
      await popup.close();
    }
  });

  it.each(['origin-ariel-powder.html', 'origin-made-in-israel.html', 'origin-jordan.html'])(
    '%s: no finding',
    async (name) => {
      const results = await open(name);
      expect(originsOf(results)).toEqual([]);
    },
  );
});
