// Screening for procurement files in real Chromium and Firefox, on the built
// extension (dist/<target>-local): the popup's lookup, the context menu's "Check", the bulk
// screening page (paste, CSV and XLSX files, filters, sorting, exports, the printable
// record) and the popup's record of a page. One browser per describe block.
//
// How each part is observed:
//   - typing, pasting, choosing files and options: the drivers' own input (page-io.ts)
//   - exports: the file the browser saved (Chromium: Playwright's download event; Firefox:
//     the file in a download folder set by preferences), parsed and checked field by field
//   - list hashes: against sha256 of data/lists/*.json computed here (records.ts)
//   - the printable record: its DOM, the @page rule, and a PDF printed by the browser
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Browser from 'webextension-polyfill';
import writeXlsxFile from 'write-excel-file/universal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import compiledJson from '../../src/generated/compiled-lists.json';
import type { CompiledData } from '../../src/core/types';
import type { BulkAuditRecord, PageAuditRecord } from '../../src/ui/presentation/audit/types';
import { BULK_CSV_COLUMNS, PAGE_CSV_COLUMNS } from '../../src/ui/presentation/audit/csv';
import type { TabResults } from '../../src/shared/messages';
import { ensureLocalBuild, type Target } from '../../scripts/lib/harness/build';
import {
  allMatches,
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
  pdfPageSizes,
  pressKey,
  printToPdf,
  selectOption,
  typeInto,
  waitForTab,
} from '../../scripts/lib/harness/page-io';
import { bundledListHashes, parseCsvRecord, sha256 } from '../../scripts/lib/harness/records';
import { startServer, type StaticServer } from '../../scripts/lib/harness/server';
import type { BrowserName, ExtBrowser, TabPage } from '../../scripts/lib/harness/types';

const compiled = compiledJson as unknown as CompiledData;
const OHCHR = 'ohchr-bhr-database-hrc-31-36';
const SCREEN_PAGE = 'src/ui/screen/index.html';
const REPORT_PAGE = 'src/ui/record/index.html';
const MENU_ID = 'settlement-screen-check-selection';
const LIST_HASHES = bundledListHashes();
const listTitle = (id: string) => compiled.lists.find((l) => l.id === id)?.title ?? `<no list ${id}>`;

const CASES: [BrowserName, Target][] = [
  ['chromium', 'chrome'],
  ['firefox', 'firefox'],
];

// ---------------------------------------------------------------- the 300 bidder names
//
// What a careful screener would say about each hand-picked name (the matching rules), not what
// the code happens to return: listed names, a group member, acronyms in capitals and
// sanctioned organisations flag; weak aliases alone are for review; a removed entry is
// shown as removed; homonyms and common words are clear. `lists` are lists that must be
// among the match's lists.
type Expected = { result: 'flag' | 'possible' | 'removed' | 'clear'; lists?: string[]; lookalike?: string };
const PICKED: [string, Expected][] = [
  ['Heidelberg Materials AG', { result: 'flag', lists: [OHCHR, 'dbio-2024', 'whoprofits'] }],
  ['Motorola Solutions Belgium SA', { result: 'flag', lists: [OHCHR] }],
  ['Booking.com B.V.', { result: 'flag', lists: [OHCHR] }],
  ['Ackerstein Industries Ltd.', { result: 'flag', lists: [OHCHR] }],
  ['Bank Hapoalim', { result: 'flag', lists: [OHCHR] }],
  ['TripAdvisor, Inc.', { result: 'flag', lists: [OHCHR] }],
  ['Nachala Movement', { result: 'flag', lists: ['eu-sanctions-settler-violence', 'uk-sanctions-settler-violence'] }],
  ['Mount Hebron Fund', { result: 'flag', lists: ['ca-sanctions-extremist-settler-violence'] }],
  ['Regavim', { result: 'flag', lists: ['eu-sanctions-settler-violence'] }],
  ['Egis Rail SA', { result: 'flag', lists: [OHCHR] }],
  ['Volvo Group UK Limited', { result: 'flag', lists: ['whoprofits'] }],
  ['Partner Communications', { result: 'flag', lists: [OHCHR] }],
  ['Cisco Systems', { result: 'flag', lists: ['dbio-2024'] }],
  ['Elbit Systems', { result: 'flag', lists: ['dbio-2024'] }],
  ['JCB', { result: 'flag', lists: [OHCHR] }],
  ['Volvo', { result: 'possible' }],
  ['Partner', { result: 'possible' }],
  ['Electra', { result: 'possible' }],
  ['Egis', { result: 'possible' }],
  ['Caterpillar', { result: 'possible' }],
  ['eDreams ODIGEO S.A.', { result: 'removed' }],
  ['Volvo Cars', { result: 'clear', lookalike: 'Volvo Group' }],
  ['Motorola Mobility', { result: 'clear' }],
  ['Hyundai Motor Company', { result: 'clear' }],
  ['Egis Pharmaceuticals', { result: 'clear' }],
  ['HP Inc.', { result: 'clear' }],
  ['Delta Seguridad', { result: 'clear' }],
  ['Salomon', { result: 'clear' }],
  ['Extra', { result: 'clear' }],
  ['Matrix', { result: 'clear' }],
];
const PREFIXES = [
  'Bouwbedrijf',
  'Transport',
  'Schilderwerken',
  'Drukkerij',
  'Installatiebedrijf',
  'Groenvoorziening',
  'Schoonmaakbedrijf',
  'Adviesbureau',
  'Dakwerken',
  'Elektro',
];
const SURNAMES = [
  'Janssens',
  'Peeters',
  'Baert',
  'Jacobs',
  'Mertens',
  'Willems',
  'Claes',
  'Goossens',
  'Wouters',
  'De Smet',
  'Dubois',
  'Lambert',
  'Dupont',
  'Hermans',
  'Aerts',
  'Vermeulen',
  'Pauwels',
  'Verhoeven',
  'Cools',
  'Van Damme',
  'Leclercq',
  'Michiels',
  'Desmet',
  'Smets',
  'Stevens',
  'Bogaert',
  'Coppens',
];
const FORMS = ['BV', 'NV', 'bvba', '& Zonen', 'CV'];
/** 270 local suppliers with plain family names: all clear. */
const FILLER = Array.from(
  { length: 270 },
  (_, i) => `${PREFIXES[i % 10]} ${SURNAMES[Math.floor(i / 10)]} ${FORMS[i % 5]}`,
);
/** Every tenth name is a hand-picked one, so they are spread over the table's three pages. */
const BIDDERS: [string, Expected][] = [];
for (let i = 0, f = 0; BIDDERS.length < 300; i++) {
  BIDDERS.push(i % 10 === 0 && i / 10 < PICKED.length ? PICKED[i / 10] : [FILLER[f++], { result: 'clear' }]);
}
const count = (r: Expected['result']) => BIDDERS.filter(([, e]) => e.result === r).length;

/** The results table as rows of cell texts (the page shown). */
function tableRows(page: TabPage): Promise<string[][]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.results-table tbody tr:not(.details-row)')).map((tr) =>
      Array.from(tr.querySelectorAll('td')).map((td) => (td as HTMLElement).innerText.trim()),
    ),
  );
}
const COL = { row: 0, name: 1, role: 2, result: 3, entry: 4, lists: 5, criteria: 6, matchType: 7, source: 8 };

/** Clicks the sort button of a column header by its label. */
async function sortBy(page: TabPage, label: string): Promise<void> {
  const ok = await page.evaluate((label) => {
    const b = Array.from(document.querySelectorAll<HTMLButtonElement>('button.sort')).find((x) =>
      (x.textContent ?? '').trim().startsWith(label),
    );
    b?.click();
    return Boolean(b);
  }, label);
  expect(ok, `a sort button "${label}"`).toBe(true);
}

/** Clicks the button with exactly this text (buttons on the screening page share words). */
async function clickButton(page: TabPage, text: string): Promise<void> {
  const ok = await page.evaluate((text) => {
    const b = Array.from(document.querySelectorAll<HTMLButtonElement>('button')).find(
      (x) => (x.textContent ?? '').trim() === text && !x.disabled,
    );
    b?.click();
    return Boolean(b);
  }, text);
  expect(ok, `an enabled button "${text}"`).toBe(true);
}

const textOf = (page: TabPage, selector: string) =>
  page.evaluate((s) => (document.querySelector(s) as HTMLElement | null)?.innerText ?? null, selector);

/** The @page rules of the document's style sheets, as CSS text. */
function pageRules(page: TabPage): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const sheet of Array.from(document.styleSheets)) {
      for (const rule of Array.from(sheet.cssRules)) if (rule instanceof CSSPageRule) out.push(rule.cssText);
    }
    return out;
  });
}

/** Is every page of the PDF A4 (595 x 842 pt, to a point)? */
const isA4 = ([w, h]: [number, number]) => Math.abs(w - 595) <= 1 && Math.abs(h - 842) <= 1;

describe.each(CASES)('screening in %s', (browserName, target) => {
  let b: ExtBrowser;
  let srv: StaticServer;
  let work: string;
  let downloads: string;

  beforeAll(async () => {
    const dir = ensureLocalBuild(target);
    work = mkdtempSync(join(tmpdir(), 'ss-screening-'));
    downloads = join(work, 'downloads');
    srv = await startServer({ '/pages/': 'tests/e2e/pages' });
    b = await launchBrowser(browserName, dir, { firefoxPrefs: firefoxDownloadPrefs(downloads) });
  });
  afterAll(async () => {
    await b?.close();
    await srv?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const extUrl = (path: string) => `${b.extensionOrigin}/${path}`;

  /** Opens a test page and waits for the extension's settled report on it. */
  async function openPage(name: string): Promise<{ page: TabPage; url: string; results: TabResults }> {
    const url = srv.url(`/pages/${name}`);
    const page = await b.newPage(url);
    await page.bringToFront();
    return { page, url, results: await waitForTabResults(b, url) };
  }

  /** The lookup's answer once it shows the summary sentence for `name`. */
  async function lookupText(page: TabPage, name: string, summaryKey: string): Promise<string> {
    const want = enMessage(summaryKey, name);
    return waitFor(async () => {
      const t = await textOf(page, '.lookup');
      return t && t.includes(want) ? t : null;
    }, `the lookup to say: ${want}`);
  }

  // ------------------------------------------------------------------ lookup in the popup

  describe('lookup in the popup', () => {
    let page: TabPage;
    let popup: TabPage;
    beforeAll(async () => {
      let results: TabResults;
      ({ page, results } = await openPage('tender-nl.html'));
      popup = await openPopup(b, results.tabId, 'Heidelberg Materials AG');
    });
    afterAll(async () => {
      await popup?.close().catch(() => {});
      await page?.close();
    });

    it('a listed name typed in: listed, with the list entries and how it matched', async () => {
      await typeInto(popup, '#lookup-input', 'Booking.com B.V.');
      await pressKey(popup, 'Enter');
      const text = await lookupText(popup, 'Booking.com B.V.', 'lookupSummaryFlag');
      expect(text).toContain(enMessage('resultFlag'));
      expect(text).toContain(listTitle(OHCHR));
      expect(text).toContain(enMessage('matchExact'));
      // The page's own flags are still there below the lookup (the lookup is separate).
      const page = await visibleText(popup);
      expect(page).toContain(enMessage('summaryFlags', '2'));
    });

    it('a group member: listed, with the group reasoning in words', async () => {
      await typeInto(popup, '#lookup-input', 'Heidelberg Materials Belgium NV');
      await pressKey(popup, 'Enter');
      const text = await lookupText(popup, 'Heidelberg Materials Belgium NV', 'lookupSummaryFlag');
      expect(text).toContain(enMessage('matchGroupMember', 'Heidelberg Materials'));
      expect(text).toContain('Heidelberg Materials AG');
    });

    it('a weak alias alone: for review, never listed, with the reason', async () => {
      await typeInto(popup, '#lookup-input', 'Volvo');
      await pressKey(popup, 'Enter');
      const text = await lookupText(popup, 'Volvo', 'lookupSummaryPossible');
      expect(text).toContain(enMessage('resultPossible'));
      expect(text).not.toContain(enMessage('lookupSummaryFlag', 'Volvo'));
      expect(text).toContain(enMessage('matchWeakUnconfirmed'));
      expect(text).toContain(enMessage('evidenceNoCorroboration', enMessage('weakReasonHomonym')));
      expect(text).toContain('Volvo Group');
    });

    it('a trap (homonym): clear, with the note that it is not the listed group', async () => {
      await typeInto(popup, '#lookup-input', 'Volvo Cars');
      await pressKey(popup, 'Enter');
      const text = await lookupText(popup, 'Volvo Cars', 'lookupSummaryClear');
      expect(text).toContain(`Volvo Cars ${enMessage('lookalikeNotEntity', 'Volvo Group')}`);
      expect(text).not.toContain(enMessage('resultFlag'));
      expect(text).not.toContain(enMessage('resultPossible'));
    });

    it('a removed entry: shown as removed, not as a flag', async () => {
      await typeInto(popup, '#lookup-input', 'eDreams ODIGEO S.A.');
      await pressKey(popup, 'Enter');
      const text = await lookupText(popup, 'eDreams ODIGEO S.A.', 'lookupSummaryRemoved');
      expect(text).toContain(enMessage('resultRemoved'));
      expect(text).toContain(enMessage('evidenceDelistedOnly'));
    });
  });

  // ------------------------------------------------------------------ context menu

  describe('context menu "Check"', () => {
    it('the menu item exists after install, with the id the click handler answers to', async () => {
      // Neither browser lists menu items; update() rejects for an id that does not exist, so
      // a no-op update proves the item is there (and the bogus id proves the probe can fail).
      const probe = (id: string) =>
        b.inExtension(async (id: string) => {
          const g = globalThis as unknown as { browser?: Browser.Browser; chrome: Browser.Browser };
          const api = g.browser ?? g.chrome;
          try {
            await api.contextMenus.update(id, { contexts: ['selection'] });
            return 'ok';
          } catch (e) {
            return String(e);
          }
        }, id);
      // Created on runtime.onInstalled, which runs just after the browser started.
      await waitFor(async () => (await probe(MENU_ID)) === 'ok', 'the context menu item');
      expect(await probe('settlement-screen-no-such-item')).toMatch(/cannot find menu item/i);
    });

    if (browserName === 'firefox') {
      it('Firefox: a real right-click shows the item for selected text (with the selection), and not without a selection', async () => {
        // menus.onShown reports which of the add-on's items the browser's own context menu
        // shows, with the selected text. Headless Firefox never closes that menu (no Escape,
        // no onHidden), so each right-click happens in a window of its own, closed after.
        await b.inExtension(() => {
          const g = globalThis as unknown as { browser: Browser.Browser; __shown?: unknown[] };
          g.__shown = [];
          g.browser.contextMenus.onShown.addListener((info: unknown) => g.__shown!.push(info));
        });
        type Shown = { menuIds: (string | number)[]; contexts: string[]; selectionText?: string };
        const shown = () => b.inExtension(() => (globalThis as unknown as { __shown: Shown[] }).__shown);
        const anchor = await b.newPage(srv.url('/pages/clean.html'));
        const raw = anchor.raw!;
        if (raw.kind !== 'firefox') throw new Error('expected Firefox');
        const rightClickInWindow = async (select: boolean): Promise<Shown> => {
          const before = (await shown()).length;
          const win = await raw.page.browser().newPage({ type: 'window' });
          try {
            await win.goto(srv.url('/pages/tender-nl.html'));
            if (select) {
              await win.evaluate(() => {
                const r = document.createRange();
                r.selectNodeContents(document.getElementById('contractor')!);
                getSelection()!.removeAllRanges();
                getSelection()!.addRange(r);
              });
            }
            const box = (await (await win.$('#contractor'))!.boundingBox())!;
            await win.mouse.click(box.x + 5, box.y + box.height / 2, { button: 'right' });
            return await waitFor(async () => (await shown())[before], 'the context menu to be shown');
          } finally {
            await win.close();
          }
        };
        try {
          const plain = await rightClickInWindow(false);
          expect(plain.menuIds).not.toContain(MENU_ID);
          expect(plain.contexts).not.toContain('selection');
          const selected = await rightClickInWindow(true);
          expect(selected.menuIds).toEqual([MENU_ID]);
          expect(selected.contexts).toContain('selection');
          expect(selected.selectionText).toBe('Heidelberg Materials AG');
        } finally {
          await anchor.close();
        }
      });
    }

    if (browserName === 'chromium') {
      it('Chromium: a click on the item (the real onClicked listener) opens the check of the selection next to the tab', async () => {
        // Chromium has no way to click an extension's menu item from a test; its event
        // objects do have dispatch(), which runs the listeners the background registered,
        // exactly as a click would (with the OnClickData and tab a click passes).
        const { page, results } = await openPage('tender-nl.html');
        const prefix = extUrl(`${SCREEN_PAGE}?q=`);
        try {
          const opened = await b.inExtension(
            async ({ tabId, menuId, prefix }) => {
              const api = (globalThis as unknown as { chrome: Browser.Browser }).chrome;
              const tab = await api.tabs.get(tabId);
              const screenTabs = async () => (await api.tabs.query({})).filter((t) => t.url?.startsWith(prefix));
              const event = api.contextMenus.onClicked as unknown as { dispatch?(i: unknown, t: unknown): void };
              if (typeof event.dispatch !== 'function') {
                throw new Error('this Chromium no longer offers Event.dispatch(): the click cannot be simulated');
              }
              const dispatch = (info: Record<string, unknown>) =>
                event.dispatch!({ editable: false, pageUrl: tab.url, ...info }, tab);
              // Nothing to check, or another item: the handler opens nothing.
              dispatch({ menuItemId: menuId, selectionText: '   ' });
              dispatch({ menuItemId: 'some-other-item', selectionText: 'Booking.com B.V.' });
              dispatch({ menuItemId: menuId, selectionText: '  Heidelberg\n Materials   AG ' });
              for (let i = 0; i < 50; i++) {
                const found = await screenTabs();
                if (found.length > 0) {
                  await new Promise((r) => setTimeout(r, 300));
                  return {
                    tabIndex: tab.index,
                    tabs: (await screenTabs()).map((t) => ({ url: t.url, index: t.index, opener: t.openerTabId })),
                  };
                }
                await new Promise((r) => setTimeout(r, 100));
              }
              return { tabIndex: tab.index, tabs: [] };
            },
            { tabId: results.tabId, menuId: MENU_ID, prefix },
          );
          // One tab, for the real selection, with its white space collapsed, right of the page's tab.
          expect(opened.tabs).toEqual([
            {
              url: `${prefix}${encodeURIComponent('Heidelberg Materials AG')}`,
              index: opened.tabIndex + 1,
              opener: results.tabId,
            },
          ]);
          const tab = await waitForTab(page, prefix);
          try {
            const text = await waitFor(async () => {
              const t = await tab.evaluate(() => (document.querySelector('.lookup') as HTMLElement | null)?.innerText);
              return t?.includes(enMessage('lookupSummaryFlag', 'Heidelberg Materials AG')) ? t : null;
            }, 'the lookup of the selection');
            expect(text).toContain(listTitle(OHCHR));
            expect(await tab.evaluate(() => (document.getElementById('lookup-input') as HTMLInputElement).value)).toBe(
              'Heidelberg Materials AG',
            );
          } finally {
            await tab.close();
          }
        } finally {
          await page.close();
        }
      });
    }

    it('the page the click opens (?q=<selection>) checks the selection at once', async () => {
      // What the handler opens (src/background/context-menu.ts: SCREEN_PAGE?q=<selection>),
      // loaded directly: in Firefox this is the part of the click a test can reach.
      const page = await b.newPage(extUrl(`${SCREEN_PAGE}?q=${encodeURIComponent('Volvo')}`));
      try {
        const text = await lookupText(page, 'Volvo', 'lookupSummaryPossible');
        expect(text).toContain(enMessage('matchWeakUnconfirmed'));
        // The bulk screening is right there too.
        expect(await visibleText(page)).toContain(enMessage('screenPasteLabel'));
      } finally {
        await page.close();
      }
    });
  });

  // ------------------------------------------------------------------ bulk screening

  describe('bulk screening page', () => {
    let page: TabPage;
    let bulkJson: BulkAuditRecord;
    const pasted = BIDDERS.map(([n]) => n).join('\n');

    beforeAll(async () => {
      page = await b.newPage(extUrl(SCREEN_PAGE));
    });
    afterAll(() => page?.close());

    it('300 pasted names: checked in seconds, with the right counts', async () => {
      await waitFor(() => page.evaluate(() => document.querySelector('#paste-names') !== null), 'the paste box');
      await pasteInto(page, '#paste-names', pasted);
      const started = Date.now();
      await clickButton(page, enMessage('screenPasteButton'));
      const counts = await waitFor(() => textOf(page, '.counts'), 'the results');
      const seconds = (Date.now() - started) / 1000;
      expect(seconds).toBeLessThan(10);
      expect(counts).toBe(
        enMessage(
          'screenCounts',
          '300',
          String(count('flag')),
          String(count('possible')),
          String(count('removed')),
          String(count('clear')),
        ),
      );
      // Hard numbers too, so a wrong oracle cannot hide behind the same wrong count.
      expect([count('flag'), count('possible'), count('removed'), count('clear')]).toEqual([15, 5, 1, 279]);
      expect(await textOf(page, '.filters .note')).toBe(enMessage('screenShowing', '300', '300'));
      const first = await tableRows(page);
      expect(first).toHaveLength(100); // one page at a time
      expect(first[0][COL.name]).toBe('Heidelberg Materials AG');
      expect(first[0][COL.result]).toBe(enMessage('resultFlag'));
      expect(first[0][COL.source]).toBe(enMessage('screenWhereLine', 1));
      expect(await visibleText(page)).toContain(enMessage('screenPageOf', 1, 3));
    });

    it('the table, page by page: every name with the expected result', async () => {
      const shown: string[][] = [];
      for (let p = 1; p <= 3; p++) {
        expect(await textOf(page, '.pager')).toContain(enMessage('screenPageOf', p, 3));
        shown.push(...(await tableRows(page)));
        if (p < 3) await clickButton(page, enMessage('screenPageNext'));
      }
      const label = { flag: 'resultFlag', possible: 'resultPossible', removed: 'resultRemoved', clear: 'resultClear' };
      expect(shown.map((r) => [r[COL.row], r[COL.name], r[COL.result]])).toEqual(
        BIDDERS.map(([name, want], i) => [String(i + 1), name, enMessage(label[want.result])]),
      );
      // Matched entries and lists are filled in for what was found, empty for the clear ones.
      const nachala = shown.find((r) => r[COL.name] === 'Nachala Movement')!;
      expect(nachala[COL.entry]).toBe('Nachala Movement');
      expect(nachala[COL.lists]).toContain('Council of the European Union');
      const clear = shown.filter((r) => r[COL.result] === enMessage('resultClear'));
      expect(clear.every((r) => r[COL.entry] === '' && r[COL.lists] === '')).toBe(true);
      await clickButton(page, enMessage('screenPagePrev'));
      await clickButton(page, enMessage('screenPagePrev'));
      expect(await textOf(page, '.pager')).toContain(enMessage('screenPageOf', 1, 3));
    });

    it('the JSON record: every name with its result, lists with title, version and SHA-256', async () => {
      const saved = await catchDownload(page, downloads, () => clickButton(page, enMessage('exportJson')));
      expect(saved.fileName).toMatch(/^settlement-screen-bulk-\d{4}-\d\d-\d\dT\d{4}Z\.json$/);
      bulkJson = JSON.parse(saved.text) as BulkAuditRecord;
      expect(bulkJson.format).toBe('settlement-screen-audit-record');
      expect(bulkJson.kind).toBe('bulk');
      expect(Math.abs(Date.parse(bulkJson.createdAt) - Date.now())).toBeLessThan(5 * 60_000);
      expect(bulkJson.input).toMatchObject({ fileName: null, sha256: sha256(pasted), format: 'lines' });
      // Every list, switched on, with the hash of its file as bundled.
      expect(bulkJson.lists.map((l) => l.id).sort()).toEqual(compiled.lists.map((l) => l.id).sort());
      for (const l of bulkJson.lists) {
        expect(l.sha256, l.id).toBe(LIST_HASHES.get(l.id));
        expect(l.title).toBe(listTitle(l.id));
        expect(l.version).toBe(compiled.lists.find((x) => x.id === l.id)?.version);
        expect(l.enabled).toBe(true);
        expect(bulkJson.settings.enabledLists[l.id]).not.toBe(false);
      }
      expect(bulkJson.counts).toEqual({ checked: 300, flag: 15, possible: 5, removed: 1, clear: 279 });
      expect(bulkJson.dismissals).toEqual([]);
      // Row by row against the expectations.
      expect(bulkJson.rows.map((r) => r.input)).toEqual(BIDDERS.map(([n]) => n));
      for (const [i, [name, want]] of BIDDERS.entries()) {
        const row = bulkJson.rows[i];
        expect({ name, result: row.result }).toEqual({ name, result: want.result });
        expect(row.row).toBe(i + 1);
        const lists = new Set(row.matches.flatMap((m) => m.lists.map((l) => l.list)));
        for (const l of want.lists ?? []) expect(lists, `${name} on ${l}`).toContain(l);
        if (want.lookalike) expect(row.lookalikes.map((g) => g.notEntityName)).toContain(want.lookalike);
        if (want.result === 'clear') expect(row.matches).toEqual([]);
      }
      // The evidence a colleague needs: the exact text, the listed name, the match type.
      const jcb = bulkJson.rows.find((r) => r.input === 'JCB')!;
      expect(jcb.matches[0]).toMatchObject({ text: 'JCB', entityName: 'J.C. Bamford Excavators Ltd.', level: 'flag' });
      const volvo = bulkJson.rows.find((r) => r.input === 'Volvo')!;
      expect(volvo.matches[0]).toMatchObject({ level: 'possible', matchType: 'weak-alias' });
      expect(volvo.matches[0].evidence.map((e) => e.kind)).toContain('no-corroboration');
    });

    it('the CSV record: one line per list entry, each with the list version and SHA-256', async () => {
      const saved = await catchDownload(page, downloads, () => clickButton(page, enMessage('exportCsv')));
      expect(saved.fileName).toMatch(/^settlement-screen-bulk-.*\.csv$/);
      const csv = parseCsvRecord(saved.text);
      expect(csv.header).toEqual([...BULK_CSV_COLUMNS]);
      // Every name is there, in order, clear ones included.
      expect([...new Set(csv.rows.map((r) => Number(r.row)))]).toEqual(BIDDERS.map((_, i) => i + 1));
      for (const [i, [name, want]] of BIDDERS.entries()) {
        const lines = csv.rows.filter((r) => Number(r.row) === i + 1);
        expect(
          lines.every((l) => l.input === name && l.result === want.result),
          name,
        ).toBe(true);
        for (const l of want.lists ?? [])
          expect(
            lines.map((x) => x.list_id),
            `${name} on ${l}`,
          ).toContain(l);
      }
      for (const line of csv.rows) {
        expect(line.input_sha256).toBe(sha256(pasted));
        if (line.list_id) {
          expect(line.list_sha256, line.list_id).toBe(LIST_HASHES.get(line.list_id));
          expect(line.list_version).toBe(compiled.lists.find((x) => x.id === line.list_id)?.version);
        }
        expect(line.lists_checked.split('; ').sort()).toEqual(compiled.lists.map((l) => `${l.id}@${l.version}`).sort());
      }
      const heidelberg = csv.rows.filter((r) => r.input === 'Heidelberg Materials AG');
      expect(heidelberg.find((r) => r.list_id === OHCHR)).toMatchObject({
        list_entry: 'Heidelberg Materials AG',
        entry_status: 'listed',
        match_type: 'exact',
        source: enMessage('screenWhereLine', 1),
      });
      expect(heidelberg.find((r) => r.list_id === OHCHR)?.criteria).toContain('(g)');
    });

    it('filters: by result, by list and by text', async () => {
      await selectOption(page, '#filter-result', 'flag');
      let rows = await tableRows(page);
      expect(rows.map((r) => r[COL.name])).toEqual(BIDDERS.filter(([, e]) => e.result === 'flag').map(([n]) => n));
      expect(rows.every((r) => r[COL.result] === enMessage('resultFlag'))).toBe(true);
      expect(await textOf(page, '.filters .note')).toBe(enMessage('screenShowing', '15', '300'));

      await selectOption(page, '#filter-result', 'found');
      rows = await tableRows(page);
      expect(rows).toHaveLength(21);
      expect(rows.some((r) => r[COL.result] === enMessage('resultClear'))).toBe(false);

      await selectOption(page, '#filter-result', 'all');
      await selectOption(page, '#filter-list', 'eu-sanctions-settler-violence');
      rows = await tableRows(page);
      expect(rows.map((r) => r[COL.name]).sort()).toEqual(['Nachala Movement', 'Regavim']);

      await selectOption(page, '#filter-list', 'all');
      await typeInto(page, '#filter-text', 'volvo');
      rows = await tableRows(page);
      expect(rows.map((r) => [r[COL.name], r[COL.result]])).toEqual([
        ['Volvo Group UK Limited', enMessage('resultFlag')],
        ['Volvo', enMessage('resultPossible')],
        ['Volvo Cars', enMessage('resultClear')],
      ]);
      // The group member's matched entry and match type are in their columns.
      expect(rows[0][COL.entry]).toBe('Volvo Group');
      expect(rows[0][COL.matchType]).toBe(enMessage('matchTypeGroupMember'));
      await typeInto(page, '#filter-text', '');
      expect(await textOf(page, '.filters .note')).toBe(enMessage('screenShowing', '300', '300'));
    });

    it('sorting: by result (listed first, then the reverse) and by name', async () => {
      const rank = [
        enMessage('resultFlag'),
        enMessage('resultPossible'),
        enMessage('resultRemoved'),
        enMessage('resultClear'),
      ];
      await sortBy(page, enMessage('screenColResult'));
      let rows = await tableRows(page);
      expect(rows.slice(0, 15).every((r) => r[COL.result] === rank[0])).toBe(true);
      expect(rows.slice(15, 20).every((r) => r[COL.result] === rank[1])).toBe(true);
      expect(rows[20][COL.result]).toBe(rank[2]);
      expect(rows[21][COL.result]).toBe(rank[3]);
      await sortBy(page, enMessage('screenColResult'));
      rows = await tableRows(page);
      expect(rows[0][COL.result]).toBe(rank[3]);
      expect(await page.evaluate(() => document.querySelector('th[aria-sort="descending"]')?.textContent)).toContain(
        enMessage('screenColResult'),
      );
      await sortBy(page, enMessage('screenColName'));
      rows = await tableRows(page);
      const names = rows.map((r) => r[COL.name]);
      const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
      expect(names).toEqual([...names].sort(collator.compare));
      expect(names[0]).toBe('Ackerstein Industries Ltd.');
      // Back to input order for the next steps.
      await sortBy(page, enMessage('screenColRow'));
      expect((await tableRows(page))[0][COL.row]).toBe('1');
    });

    it('a row opens to the same explanation as the lookup', async () => {
      await typeInto(page, '#filter-text', 'Nachala');
      await page.evaluate(() => (document.querySelector('.results-table .row-name') as HTMLButtonElement).click());
      const details = await waitFor(() => textOf(page, '.details-row'), 'the row details');
      expect(details).toContain(enMessage('lookupSummaryFlag', 'Nachala Movement'));
      expect(details).toContain(listTitle('eu-sanctions-settler-violence'));
      expect(details).toContain(listTitle('uk-sanctions-settler-violence'));
      await typeInto(page, '#filter-text', '');
    });

    it('the printable record: A4, every list with its hash, the findings and the names found clear', async () => {
      await page.evaluate(() => {
        // The browser's print dialog would block the test: count the calls instead.
        const w = window as unknown as { __printed: number };
        w.__printed = 0;
        window.print = () => void w.__printed++;
      });
      await clickButton(page, enMessage('exportPrint'));
      await waitFor(() => page.evaluate(() => (window as unknown as { __printed: number }).__printed === 1), 'print()');
      const report = await page.evaluate(
        () => (document.querySelector('.print-only .report') as HTMLElement).textContent ?? '',
      );
      expect(report).toContain(enMessage('reportTitleBulk'));
      expect(report).toContain(enMessage('reportPasted'));
      expect(report).toContain(sha256(pasted));
      for (const l of compiled.lists) {
        expect(report).toContain(l.title);
        expect(report).toContain(LIST_HASHES.get(l.id)!);
      }
      expect(report).toContain(enMessage('reportFindingsHeading', '21'));
      expect(report).toContain(enMessage('reportClearHeading', '279'));
      for (const [name] of BIDDERS) expect(report).toContain(name);
      // (The quotation marks around it come from the <q> element's CSS, not the text.)
      expect(report).toContain(`Volvo Cars ${enMessage('lookalikeNotEntity', 'Volvo Group')}`);
      // Shown only in print.
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.print-only')!).display)).toBe('none');
      expect((await pageRules(page)).join('\n')).toMatch(/size:\s*a4/i);
      // Printed by the browser: every page is A4.
      const sizes = pdfPageSizes(await printToPdf(page));
      expect(sizes.length).toBeGreaterThan(1);
      expect(sizes.filter((s) => !isA4(s))).toEqual([]);
    });

    it('control: a page without an @page rule does not print as A4 (the PDF check can fail)', async () => {
      const plain = await b.newPage(srv.url('/pages/clean.html'));
      try {
        const sizes = pdfPageSizes(await printToPdf(plain));
        expect(sizes.length).toBeGreaterThan(0);
        expect(sizes.some(isA4)).toBe(false);
      } finally {
        await plain.close();
      }
    });

    it('a CSV file: choose the column and the header row, then the names in it are checked', async () => {
      await clickButton(page, enMessage('screenNew'));
      const csv = [
        'Perceel,Contactpersoon,Inschrijving',
        '1,Jan Peeters,Heidelberg Materials AG',
        '2,An Claes,"Motorola Solutions, Inc."',
        '3,Els Wouters,Volvo Cars',
        '4,Tom Smets,Schilderwerken Claes BV',
        '',
      ].join('\r\n');
      const file = join(work, 'inschrijvingen.csv');
      writeFileSync(file, csv);
      await chooseFiles(page, '#screen-file', [file]);
      await waitFor(() => page.evaluate(() => document.querySelector('#column-select') !== null), 'the column choice');
      // No header the page recognises: the person must choose.
      const options = await page.evaluate(() =>
        Array.from((document.getElementById('column-select') as HTMLSelectElement).options).map((o) => [
          o.value,
          o.text,
        ]),
      );
      expect(options.map(([, t]) => t)).toEqual(['A', 'B', 'C']);
      await page.click('#header-row');
      await waitFor(
        () => page.evaluate(() => (document.getElementById('column-select') as HTMLSelectElement).options[2]?.text),
        'the column titles',
      ).then((t) => expect(t).toBe('C (Inschrijving)'));
      await selectOption(page, '#column-select', '2');
      expect(await textOf(page, '.preview td.chosen')).toBe('Inschrijving');
      await clickButton(page, enMessage('screenChooseConfirm'));
      await waitFor(() => textOf(page, '.counts'), 'the results');
      expect(await textOf(page, '.counts')).toBe(enMessage('screenCounts', '4', '2', '0', '0', '2'));
      const rows = await tableRows(page);
      expect(rows.map((r) => [r[COL.name], r[COL.result], r[COL.source]])).toEqual([
        ['Heidelberg Materials AG', enMessage('resultFlag'), enMessage('screenWhereRowColumn', 2, 'C (Inschrijving)')],
        ['Motorola Solutions, Inc.', enMessage('resultFlag'), enMessage('screenWhereRowColumn', 3, 'C (Inschrijving)')],
        ['Volvo Cars', enMessage('resultClear'), enMessage('screenWhereRowColumn', 4, 'C (Inschrijving)')],
        ['Schilderwerken Claes BV', enMessage('resultClear'), enMessage('screenWhereRowColumn', 5, 'C (Inschrijving)')],
      ]);
      const saved = await catchDownload(page, downloads, () => clickButton(page, enMessage('exportJson')));
      const record = JSON.parse(saved.text) as BulkAuditRecord;
      expect(record.input).toEqual({
        fileName: 'inschrijvingen.csv',
        sha256: sha256(csv),
        bytes: Buffer.byteLength(csv),
        format: 'csv',
        sheet: null,
        column: 'C (Inschrijving)',
        header: true,
      });
      // The file's closing line break is not an empty name: no warning about skipped rows.
      expect(record.warnings).toEqual([]);
      expect(await page.evaluate(() => document.querySelectorAll('.results .note.warn').length)).toBe(0);
      expect(record.rows.map((r) => r.input)).toEqual([
        'Heidelberg Materials AG',
        'Motorola Solutions, Inc.',
        'Volvo Cars',
        'Schilderwerken Claes BV',
      ]);
    });

    it('an XLSX workbook: choose the column, then the names in it are checked', async () => {
      await clickButton(page, enMessage('screenNew'));
      const data = [
        [{ value: 'Kavel' }, { value: 'Bedrag' }, { value: 'Inschrijving' }],
        [{ value: 1 }, { value: 125000 }, { value: 'Bank Hapoalim' }],
        [{ value: 2 }, { value: 98000 }, { value: 'Egis' }],
        [{ value: 3 }, { value: 101500 }, { value: 'Egis Pharmaceuticals' }],
        [{ value: 4 }, { value: 87250 }, { value: 'Dakwerken Coppens NV' }],
      ];
      const blob = await (writeXlsxFile as unknown as (d: unknown, o: unknown) => { toBlob(): Promise<Blob> })(data, {
        sheet: 'Inschrijvingen',
      }).toBlob();
      const bytes = new Uint8Array(await blob.arrayBuffer());
      const file = join(work, 'inschrijvingen.xlsx');
      writeFileSync(file, bytes);
      await chooseFiles(page, '#screen-file', [file]);
      await waitFor(() => page.evaluate(() => document.querySelector('#column-select') !== null), 'the column choice');
      expect(await page.evaluate(() => document.querySelector('.column-chooser .note')?.textContent)).toBe(
        'inschrijvingen.xlsx',
      );
      if (!(await page.evaluate(() => (document.getElementById('header-row') as HTMLInputElement).checked))) {
        await page.click('#header-row');
      }
      await selectOption(page, '#column-select', '2');
      await clickButton(page, enMessage('screenChooseConfirm'));
      await waitFor(() => textOf(page, '.counts'), 'the results');
      const rows = await tableRows(page);
      expect(rows.map((r) => [r[COL.name], r[COL.result]])).toEqual([
        ['Bank Hapoalim', enMessage('resultFlag')],
        ['Egis', enMessage('resultPossible')],
        ['Egis Pharmaceuticals', enMessage('resultClear')],
        ['Dakwerken Coppens NV', enMessage('resultClear')],
      ]);
      expect(rows[0][COL.source]).toBe(enMessage('screenWhereRowColumn', 2, 'C (Inschrijving)'));
      const saved = await catchDownload(page, downloads, () => clickButton(page, enMessage('exportJson')));
      const record = JSON.parse(saved.text) as BulkAuditRecord;
      expect(record.input).toEqual({
        fileName: 'inschrijvingen.xlsx',
        sha256: sha256(bytes),
        bytes: bytes.length,
        format: 'xlsx',
        sheet: 'Inschrijvingen',
        column: 'C (Inschrijving)',
        header: true,
      });
      expect(record.counts).toEqual({ checked: 4, flag: 1, possible: 1, removed: 0, clear: 2 });
    });

    it('a malformed CSV: the message says what and where (row, column), and there is no partial table', async () => {
      await clickButton(page, enMessage('screenNew'));
      const cases: [string, string, string][] = [
        // A name with a comma, not quoted: row 3 has a cell too many.
        [
          'komma.csv',
          'Lot,Name\n1,Heidelberg Materials AG\n2,Motorola Solutions, Inc.\n3,Schilderwerken Claes BV\n',
          enMessage('screenErrExtraColumns', enMessage('screenWhereRowColumn', 3, 'C'), 3, 2),
        ],
        // A quote never closed: the rest of the file would be one cell.
        [
          'aanhalingsteken.csv',
          'Lot;Name\n1;Heidelberg Materials AG\n2;"Booking.com B.V.\n3;Schilderwerken Claes BV\n',
          enMessage('screenErrUnclosedQuote', enMessage('screenWhereRowColumn', 3, 'B')),
        ],
      ];
      for (const [name, text, message] of cases) {
        const file = join(work, name);
        writeFileSync(file, text);
        await chooseFiles(page, '#screen-file', [file]);
        const shown = await waitFor(() => textOf(page, '.error-box'), `the error for ${name}`);
        expect(shown).toBe(`${name}: ${message}`);
        expect(
          await page.evaluate(() => ({
            table: document.querySelector('.results-table, .column-chooser, .preview') !== null,
            counts: document.querySelector('.counts') !== null,
          })),
        ).toEqual({ table: false, counts: false });
      }
    });
  });

  // ------------------------------------------------------------------ popup: record of a page

  describe("popup: the record of a page's findings", () => {
    let page: TabPage;
    let url: string;
    let results: TabResults;
    beforeAll(async () => {
      ({ page, url, results } = await openPage('tender-nl.html'));
    });
    afterAll(() => page?.close());

    /** Clicks an export button in a freshly opened popup; returns the file the report tab saves. */
    async function exportFromPopup(label: string) {
      const popup = await openPopup(b, results.tabId, 'Heidelberg Materials AG');
      const saved = await catchDownload(popup, downloads, () =>
        clickControl(popup, label).then((ok) => expect(ok).toBe(true)),
      );
      // The report tab the popup opened, for this tab and this export.
      const kind = label === enMessage('exportCsv') ? 'csv' : 'json';
      const tab = await waitForTab(page, extUrl(`${REPORT_PAGE}?tab=${results.tabId}&export=${kind}`));
      await tab.close();
      await popup.close().catch(() => {}); // the popup closes itself after opening the tab
      return saved;
    }

    const expectedFlags = ['Heidelberg Materials AG', 'Motorola Solutions, Inc.'];

    it('CSV: the page URL, the lists with version and SHA-256, and every finding', async () => {
      const saved = await exportFromPopup(enMessage('exportCsv'));
      expect(saved.fileName).toMatch(/^settlement-screen-page-\d{4}-\d\d-\d\dT\d{4}Z\.csv$/);
      const csv = parseCsvRecord(saved.text);
      expect(csv.header).toEqual([...PAGE_CSV_COLUMNS]);
      expect(new Set(csv.rows.map((r) => r.page_url))).toEqual(new Set([url]));
      const flags = csv.rows.filter((r) => r.section === 'flag');
      expect([...new Set(flags.map((r) => r.entity))].sort()).toEqual(expectedFlags);
      const ohchr = flags.find((r) => r.entity === 'Heidelberg Materials AG' && r.list_id === OHCHR)!;
      expect(ohchr).toMatchObject({
        matched_text: 'Heidelberg Materials AG',
        list_entry: 'Heidelberg Materials AG',
        entry_status: 'listed',
        list_sha256: LIST_HASHES.get(OHCHR),
        list_version: compiled.lists.find((l) => l.id === OHCHR)?.version,
      });
      for (const r of flags) expect(r.list_sha256, r.list_id).toBe(LIST_HASHES.get(r.list_id));
      // The look-alike left unmarked is recorded too.
      expect(csv.rows.find((r) => r.section === 'lookalike' && r.matched_text === 'Volvo Cars')).toMatchObject({
        entity: 'not Volvo Group',
      });
      // Nothing the page does not name (the hidden "Booking.com B.V." is not scanned).
      expect(csv.rows.some((r) => r.entity.startsWith('Booking'))).toBe(false);
    });

    it('JSON: the same record, with page, lists, settings, findings and dismissals', async () => {
      const saved = await exportFromPopup(enMessage('exportJson'));
      const record = JSON.parse(saved.text) as PageAuditRecord;
      expect(record.kind).toBe('page');
      expect(record.page.url).toBe(url);
      expect(record.page.title).toBe('Aankondiging van een gegunde opdracht – Gemeente Voorbeeldstad');
      expect(record.lists.map((l) => [l.id, l.sha256]).sort()).toEqual(
        compiled.lists.map((l) => [l.id, LIST_HASHES.get(l.id)]).sort(),
      );
      expect(Object.values(record.settings.enabledLists).every((v) => v !== false)).toBe(true);
      expect(record.counts).toMatchObject({ flag: 2 });
      expect(
        record.findings
          .filter((f) => f.section === 'flag')
          .map((f) => f.entityName)
          .sort(),
      ).toEqual(expectedFlags);
      const motorola = record.findings.find((f) => f.entityName === 'Motorola Solutions, Inc.')!;
      expect(motorola.matches[0]).toMatchObject({ text: 'Motorola Solutions, Inc.', level: 'flag', occurrences: 1 });
      expect(motorola.matches[0].context).toContain('Motorola Solutions, Inc.');
      expect(record.lookalikes.map((g) => g.text)).toContain('Volvo Cars');
      expect(record.dismissals).toEqual([]);
      // The page's findings are what the extension reported for the tab.
      expect(
        new Set(
          allMatches(results)
            .filter((m) => m.level === 'flag')
            .map((m) => m.entityName),
        ),
      ).toEqual(new Set(expectedFlags));
    });

    it('the printable record of the page: A4, URL, lists with hashes, findings', async () => {
      const report = await b.newPage(extUrl(`${REPORT_PAGE}?tab=${results.tabId}`));
      try {
        const text = await waitFor(async () => {
          const t = await visibleText(report);
          return t.includes(enMessage('reportTitlePage')) ? t : null;
        }, 'the report');
        expect(text).toContain(url);
        for (const l of compiled.lists) expect(text).toContain(LIST_HASHES.get(l.id)!);
        for (const name of expectedFlags) expect(text).toContain(name);
        // One look-alike left unmarked: "Volvo Cars". ("Delta", the river delta in the
        // text, is an ordinary word and no longer noted as DELTA Fiber.)
        expect(text).toContain(enMessage('reportCountsPage', '2', '0', '0', '1'));
        expect((await pageRules(report)).join('\n')).toMatch(/size:\s*a4/i);
        const sizes = pdfPageSizes(await printToPdf(report));
        expect(sizes.length).toBeGreaterThan(0);
        expect(sizes.filter((s) => !isA4(s))).toEqual([]);
      } finally {
        await report.close();
      }
    });
  });
});
