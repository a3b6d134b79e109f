// Checks the browser-test harness itself with a tiny probe extension (tests/e2e/probe-ext),
// independent of the real extension: if these fail, the harness or the machine's browsers
// are broken, not the product.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/harness/launch';
import { startServer, type StaticServer } from '../../scripts/lib/harness/server';
import { allMatches, badgeText, waitForTabResults } from '../../scripts/lib/harness/extension';
import { domSnapshot, dumpHighlights } from '../../scripts/lib/harness/page-probes';
import type { BrowserName, ExtBrowser } from '../../scripts/lib/harness/types';

const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

describe.each(BROWSERS)('harness in %s', (name) => {
  let b: ExtBrowser;
  let srv: StaticServer;
  let ref: StaticServer;

  beforeAll(async () => {
    srv = await startServer({ '/pages/': 'tests/e2e/pages' });
    ref = await startServer({ '/pages/': 'tests/e2e/pages' }, '127.0.0.2');
    b = await launchBrowser(name, 'tests/e2e/probe-ext');
  });
  afterAll(async () => {
    await b?.close();
    await srv?.close();
    await ref?.close();
  });

  it('loads the extension and sees its report, badge and highlights', async () => {
    expect(b.extensionOrigin).toMatch(/^(chrome|moz)-extension:\/\/[\w-]+$/);
    const url = srv.url('/pages/probe.html');
    const page = await b.newPage(url);
    const results = await waitForTabResults(b, url);
    expect(allMatches(results).map((m) => m.text)).toEqual(['Probe Target']);
    expect(await badgeText(b, results.tabId)).toBe('1');
    const hl = await page.evaluate(dumpHighlights);
    expect(hl['settlement-screen-flag']).toEqual(['Probe Target']);
    await page.close();
  });

  it('the content script does not run on the 127.0.0.2 reference copy', async () => {
    const page = await b.newPage(ref.url('/pages/probe.html'));
    await new Promise((r) => setTimeout(r, 500));
    expect(await page.evaluate(dumpHighlights)).toEqual({});
    // The same page with the extension has the same DOM: the probe only highlights.
    const withExt = await b.newPage(srv.url('/pages/probe.html'));
    await waitForTabResults(b, srv.url('/pages/probe.html'));
    expect(await withExt.evaluate(domSnapshot)).toEqual(await page.evaluate(domSnapshot));
    // And the comparison does catch a rewrite: wrapping the name in <mark> (what the
    // extension must never do) changes the snapshot, as does an added attribute.
    const clean = await withExt.evaluate(domSnapshot);
    await withExt.evaluate(() => {
      const text = document.querySelector('p')!.firstChild as Text;
      const i = text.data.indexOf('Probe Target');
      const range = document.createRange();
      range.setStart(text, i);
      range.setEnd(text, i + 'Probe Target'.length);
      range.surroundContents(document.createElement('mark'));
    });
    expect(await withExt.evaluate(() => document.querySelector('mark')?.textContent)).toBe('Probe Target');
    expect(await withExt.evaluate(domSnapshot)).not.toEqual(clean);
    await page.evaluate(() => document.body.setAttribute('data-x', '1'));
    expect(await page.evaluate(domSnapshot)).not.toEqual(clean);
    await page.close();
    await withExt.close();
  });
});
