// Lists users bring, in real Chromium and Firefox, on the built extension
// (dist/<target>-local). One browser per describe block; the steps run in order:
//   a page naming a company on no bundled list is open -> a broken CSV is refused on the
//   options page with row and column -> a good CSV is imported through the form and the file
//   input -> the open page flags the company, attributed to the imported list (badge,
//   highlight, popup) -> a bulk screening record carries the list with the SHA-256 of the
//   file -> removing the list takes the flag away again.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkAuditRecord } from '../../src/ui/presentation/audit/types';
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
import {
  catchDownload,
  chooseFiles,
  firefoxDownloadPrefs,
  pasteInto,
  typeInto,
} from '../../scripts/lib/harness/page-io';
import { dumpHighlights } from '../../scripts/lib/harness/page-probes';
import { sha256 } from '../../scripts/lib/harness/records';
import { startServer, type StaticServer } from '../../scripts/lib/harness/server';
import type { BrowserName, ExtBrowser, TabPage } from '../../scripts/lib/harness/types';

const FLAG = 'settlement-screen-flag';
const COMPANY = 'Kastanjehof Bouwgroep NV';
const TITLE = 'Uitsluitingslijst Voorbeeldstad';
const LIST_ID = 'user:uitsluitingslijst-voorbeeldstad'; // docs/import-format.md: `user:` + the title's short form
const PUBLISHER = 'Gemeente Voorbeeldstad';
const RATIONALE = 'Bouwt woningen in nederzettingen (raadsbesluit 2026/14)';
const LIST_CSV = [
  'name,aliases,country,criterion,rationale,source_url,date',
  `${COMPANY},Kastanjehof Bouw,Belgium,Construction,${RATIONALE},https://example.org/kastanjehof,2026-01-15`,
  'Zeta Logistiek BV,,Netherlands,Transport,,https://example.org/zeta,',
  '',
].join('\n');
const BROKEN_CSV = [
  'name,aliases,country,criterion,rationale,source_url,date',
  `${COMPANY},,Belgium,Construction,,https://example.org/kastanjehof,2026-01-15`,
  'Zeta Logistiek BV,,Netherlands,Transport,,javascript:alert(1),',
  '',
].join('\n');

const CASES: [BrowserName, Target][] = [
  ['chromium', 'chrome'],
  ['firefox', 'firefox'],
];

describe.each(CASES)('imported lists in %s', (browserName, target) => {
  let b: ExtBrowser;
  let srv: StaticServer;
  let work: string;
  let page: TabPage;
  let url: string;
  let results: TabResults;
  let options: TabPage;

  beforeAll(async () => {
    const dir = ensureLocalBuild(target);
    work = mkdtempSync(join(tmpdir(), 'ss-import-'));
    srv = await startServer({ '/pages/': 'tests/e2e/pages' });
    b = await launchBrowser(browserName, dir, { firefoxPrefs: firefoxDownloadPrefs(join(work, 'downloads')) });
    url = srv.url('/pages/screening-imported.html');
    page = await b.newPage(url);
    await page.bringToFront();
    results = await waitForTabResults(b, url);
  });
  afterAll(async () => {
    await b?.close();
    await srv?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const companyFlags = (r: TabResults) => allMatches(r).filter((m) => m.entityName === COMPANY && m.level === 'flag');
  const flagHighlights = async () => [...((await page.evaluate(dumpHighlights))[FLAG] ?? [])];
  const optionsText = (selector: string) =>
    options.evaluate((s) => (document.querySelector(s) as HTMLElement | null)?.innerText ?? null, selector);

  it('to start with: the company is on no list, so nothing is flagged', async () => {
    expect(allMatches(results)).toEqual([]);
    expect(await badgeText(b, results.tabId)).toBe('');
    expect(await flagHighlights()).toEqual([]);
  });

  it('a broken CSV is refused before importing, with the row and column', async () => {
    options = await b.newPage(`${b.extensionOrigin}/${b.manifest.options!.replace(/^\//, '')}`);
    await waitFor(() => options.evaluate(() => document.getElementById('import-file') !== null), 'the import form');
    const file = join(work, 'kapot.csv');
    writeFileSync(file, BROKEN_CSV);
    await chooseFiles(options, '#import-file', [file]);
    const error = await waitFor(() => optionsText('.import-preview .import-error'), 'the import error');
    expect(error).toBe(
      enMessage('importAtRowColumn', 3, 'source_url') + enMessage('importErrBadUrl', 'javascript:alert(1)'),
    );
    expect(
      await options.evaluate(
        () => (document.querySelector('.import-form button[type=submit]') as HTMLButtonElement).disabled,
      ),
    ).toBe(true);
    expect(await visibleText(options)).toContain(enMessage('importedListsNone'));
  });

  it('the good CSV with its metadata: previewed, then imported and shown with its facts', async () => {
    const file = join(work, 'uitsluitingslijst.csv');
    writeFileSync(file, LIST_CSV);
    await chooseFiles(options, '#import-file', [file]);
    const preview = await waitFor(() => optionsText('.import-preview .import-count'), 'the import preview');
    expect(preview).toBe(enMessage('importPreviewEntries', '2', 'uitsluitingslijst.csv'));
    await typeInto(options, '#import-title', TITLE);
    await typeInto(options, '#import-publisher', PUBLISHER);
    await typeInto(options, '#import-date', '2026-02-01');
    await typeInto(options, '#import-version', 'raadsbesluit 2026/14');
    expect(await clickControl(options, enMessage('importButton'))).toBe(true);
    const done = await waitFor(async () => (await optionsText('.import-status')) || null, 'the import to finish');
    expect(done).toBe(enMessage('importDone', TITLE, '2'));
    const card = await waitFor(() => optionsText('.imported-lists .imported-list'), 'the imported list');
    expect(card).toContain(TITLE);
    expect(card).toContain(PUBLISHER);
    expect(card).toContain('raadsbesluit 2026/14');
    expect(card).toContain('uitsluitingslijst.csv');
    expect(card).toContain(sha256(LIST_CSV));
    expect(card).toMatch(new RegExp(`${enMessage('labelEntries')}\\s+2`));
  });

  it('the open page flags the company, attributed to the imported list', async () => {
    const now = await waitForTabResults(b, url, { until: (r) => companyFlags(r).length > 0 });
    const [m] = companyFlags(now);
    expect(m.text).toBe(COMPANY);
    expect(m.lists).toEqual([{ list: LIST_ID, entry: COMPANY, status: 'listed' }]);
    expect(allMatches(now).map((x) => x.text)).not.toContain('Drukkerij Janssens BV');
    await waitFor(async () => (await badgeText(b, results.tabId)) === '1', 'the badge to read 1');
    await waitFor(async () => (await flagHighlights()).join() === COMPANY, 'the company to be highlighted');
  });

  it('popup: the flag names the imported list, its publisher and the entry rationale', async () => {
    const popup = await openPopup(b, results.tabId, COMPANY);
    try {
      const text = await visibleText(popup);
      expect(text).toContain(TITLE);
      expect(text).toContain(PUBLISHER);
      expect(text).toContain(RATIONALE);
      expect(text).toContain(enMessage('summaryFlags', '1'));
      const links = await popup.evaluate(() =>
        Array.from(document.querySelectorAll('a[href]')).map((a) => (a as HTMLAnchorElement).href),
      );
      expect(links).toContain('https://example.org/kastanjehof');
    } finally {
      await popup.close();
    }
  });

  it('a bulk screening uses the list too, and its record carries it with the SHA-256 of the file', async () => {
    const screen = await b.newPage(`${b.extensionOrigin}/src/ui/screen/index.html`);
    try {
      await waitFor(() => screen.evaluate(() => document.querySelector('#paste-names') !== null), 'the paste box');
      await pasteInto(screen, '#paste-names', `${COMPANY}\nKastanjehof Bouw\nDrukkerij Janssens BV`);
      expect(await clickControl(screen, enMessage('screenPasteButton'))).toBe(true);
      await waitFor(() => screen.evaluate(() => document.querySelector('.counts') !== null), 'the results');
      const saved = await catchDownload(screen, join(work, 'downloads'), () =>
        clickControl(screen, enMessage('exportJson')),
      );
      const record = JSON.parse(saved.text) as BulkAuditRecord;
      const list = record.lists.find((l) => l.id === LIST_ID);
      expect(list).toMatchObject({
        title: TITLE,
        publisher: PUBLISHER,
        published: '2026-02-01',
        version: 'raadsbesluit 2026/14',
        origin: 'imported',
        sha256: sha256(LIST_CSV),
        entryCount: 2,
        enabled: true,
      });
      expect(record.rows.map((r) => [r.input, r.result])).toEqual([
        [COMPANY, 'flag'],
        ['Kastanjehof Bouw', 'flag'],
        ['Drukkerij Janssens BV', 'clear'],
      ]);
      expect(record.rows[0].matches[0].lists).toEqual([
        expect.objectContaining({
          list: LIST_ID,
          entry: COMPANY,
          status: 'listed',
          kind: 'imported',
          standing: 'listed',
        }),
      ]);
    } finally {
      await screen.close();
    }
  });

  it('removing the list (asked first) takes the flag away', async () => {
    expect(await clickControl(options, enMessage('importedRemoveLabel', TITLE))).toBe(true);
    const confirm = await waitFor(() => optionsText('.imported-list .confirm'), 'the confirmation');
    expect(confirm).toContain(enMessage('importedRemoveConfirm', TITLE));
    expect(await clickControl(options, enMessage('importedRemoveYes'))).toBe(true);
    await waitFor(
      async () => (await optionsText('.import-status')) === enMessage('importedRemoved', TITLE),
      'the removal to finish',
    );
    expect(await visibleText(options)).toContain(enMessage('importedListsNone'));
    const after = await waitForTabResults(b, url, { until: (r) => companyFlags(r).length === 0 });
    expect(allMatches(after)).toEqual([]);
    await waitFor(async () => (await badgeText(b, results.tabId)) === '', 'the badge to clear');
    await waitFor(async () => (await flagHighlights()).length === 0, 'the highlight to go');
    await options.close();
  });
});
