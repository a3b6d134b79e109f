// Private mode: the settings that choose it (parsed defensively), the paint decision per
// site, the kinds of site behind the default, the messages, the scanner painting nothing
// and touching no part of the page's highlight registry, and the popup and options UI.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageReport, TabResults } from '../../src/shared/messages';
import { click, installDom, settle } from './helpers/dom';
import { fakeBrowser, resetFakeBrowser } from './helpers/fake-browser';
import { fixtureData } from './helpers/popup-fixtures';
import { bundledData as data, scannerOnPage } from './helpers/scanner-page';
import { localMatcher } from './helpers/local-matcher';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('./helpers/fake-browser')).fakeBrowser }));

const {
  defaultSettings,
  marksFor,
  parseSettings,
  withPageMarks,
  withSiteMarks,
  withoutSiteMarks,
  saveSettings,
  loadSettings,
} = await import('../../src/shared/settings');
const { siteKind } = await import('../../src/shared/site-kinds');
const { PageMarksState } = await import('../../src/content/page-marks');
const { isPopupToContent, isToBackground } = await import('../../src/shared/messages');
const { buildReport, reportSignature } = await import('../../src/content/frame-report');
const { reportedMarks } = await import('../../src/ui/popup/page-marks');
const { PageMarks } = await import('../../src/ui/popup/components/PageMarks');
const { OptionsApp } = await import('../../src/ui/options/components/OptionsApp');
const { ADAPTERS, manifestMatches, patternHost } = await import('../../src/formats/page/sites');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('settings: page marks', () => {
  it('default to "by site", unanswered, with no per-site choices', () => {
    const d = defaultSettings();
    expect([d.pageMarks, d.pageMarksChosen, d.privateSites, d.markedSites]).toEqual(['by-site', false, [], []]);
    // Settings stored before the choice existed read the same.
    expect(parseSettings({ enabledLists: {}, pausedSites: ['a.test'], reviewMode: true })).toMatchObject({
      pageMarks: 'by-site',
      pageMarksChosen: false,
      privateSites: [],
      markedSites: [],
    });
  });

  it('keep each valid choice', () => {
    for (const pageMarks of ['mark', 'private', 'by-site'] as const) {
      expect(parseSettings({ pageMarks }).pageMarks).toBe(pageMarks);
    }
    expect(parseSettings({ pageMarksChosen: true }).pageMarksChosen).toBe(true);
  });

  it('read a damaged choice for all sites as private, never as marks', () => {
    for (const raw of ['MARK', 'marks', '', 1, true, null, {}, ['mark']]) {
      expect(parseSettings({ pageMarks: raw }).pageMarks).toBe('private');
    }
  });

  it('count the question as answered only for a stored true', () => {
    for (const raw of ['true', 1, {}, null])
      expect(parseSettings({ pageMarksChosen: raw }).pageMarksChosen).toBe(false);
  });

  it('normalise the per-site lists, drop damage, and keep a site in both lists private', () => {
    const parsed = parseSettings({
      privateSites: ['WWW.Shop.example', 42, 'not a host!', 'shop.example', 'https://b.test/x'],
      markedSites: ['shop.example', 'tenders.test', null, 'tenders.test'],
      pageMarks: 'mark',
    });
    expect(parsed.privateSites).toEqual(['shop.example', 'b.test']);
    expect(parsed.markedSites).toEqual(['tenders.test']);
    expect(parseSettings({ privateSites: 'shop.example', markedSites: { a: 1 } })).toMatchObject({
      privateSites: [],
      markedSites: [],
    });
  });

  it('do not cost the other settings when damaged', () => {
    const parsed = parseSettings({
      enabledLists: { a: false },
      pausedSites: ['a.test'],
      reviewMode: true,
      pageMarks: 7,
      privateSites: 7,
    });
    expect(parsed).toMatchObject({ enabledLists: { a: false }, pausedSites: ['a.test'], reviewMode: true });
  });

  it('are written back clean', async () => {
    resetFakeBrowser();
    await saveSettings({ ...defaultSettings(), pageMarks: 'bogus', privateSites: ['A.test', '!'] } as never);
    expect(await loadSettings()).toEqual({ ...defaultSettings(), pageMarks: 'private', privateSites: ['a.test'] });
  });
});

describe('the paint decision (marksFor)', () => {
  const s = defaultSettings();

  it('by kind of site: shops private, tender platforms and other sites marked', () => {
    expect(marksFor(s, 'www.amazon.de')).toEqual({ mark: false, reason: 'shop' });
    expect(marksFor(s, 'www.bol.com')).toEqual({ mark: false, reason: 'shop' });
    expect(marksFor(s, 'fd7-courses.leclercdrive.fr')).toEqual({ mark: false, reason: 'shop' });
    expect(marksFor(s, 'ted.europa.eu')).toEqual({ mark: true, reason: 'procurement' });
    expect(marksFor(s, 'enot.publicprocurement.be')).toEqual({ mark: true, reason: 'procurement' });
    expect(marksFor(s, 'tenders.example.org')).toEqual({ mark: true, reason: 'other' });
    // Look-alike hosts are not the shop.
    expect(marksFor(s, 'notamazon.de').reason).toBe('other');
    expect(marksFor(s, 'amazon.de.example.org').reason).toBe('other');
  });

  it('for all sites, whatever the kind', () => {
    expect(marksFor({ ...s, pageMarks: 'private' }, 'ted.europa.eu')).toEqual({ mark: false, reason: 'all-private' });
    expect(marksFor({ ...s, pageMarks: 'mark' }, 'www.amazon.de')).toEqual({ mark: true, reason: 'all-marked' });
  });

  it('per site (subdomains included) before the choice for all sites; private wins', () => {
    const per = { ...s, pageMarks: 'mark' as const, privateSites: ['shop.example'], markedSites: ['amazon.de'] };
    expect(marksFor(per, 'www.shop.example')).toEqual({ mark: false, reason: 'site-private' });
    expect(marksFor(per, 'a.b.shop.example').mark).toBe(false);
    expect(marksFor(per, 'othershop.example').mark).toBe(true);
    expect(marksFor({ ...per, pageMarks: 'private' }, 'www.amazon.de')).toEqual({ mark: true, reason: 'site-marked' });
    // A damaged value listing a site in both: private.
    const both = { ...s, privateSites: ['x.test'], markedSites: ['x.test'] };
    expect(marksFor(both, 'x.test').mark).toBe(false);
  });

  it('withSiteMarks keeps only real exceptions and replaces an earlier one', () => {
    let next = withSiteMarks(s, 'https://www.amazon.de/dp/1', true);
    expect([next.markedSites, next.privateSites]).toEqual([['amazon.de'], []]);
    expect(marksFor(next, 'www.amazon.de').mark).toBe(true);
    next = withSiteMarks(next, 'amazon.de', false);
    // Private is what a shop gets anyway: no entry is needed.
    expect([next.markedSites, next.privateSites]).toEqual([[], []]);
    next = withSiteMarks(next, 'ted.europa.eu', false);
    expect(next.privateSites).toEqual(['ted.europa.eu']);
    expect(withSiteMarks(next, 'not a host!', true)).toBe(next);
    expect(withoutSiteMarks(next, ['ted.europa.eu']).privateSites).toEqual([]);
  });

  it('withPageMarks answers the question and keeps the per-site choices', () => {
    const per = withSiteMarks(s, 'ted.europa.eu', false);
    const next = withPageMarks(per, 'mark');
    expect(next).toMatchObject({ pageMarks: 'mark', pageMarksChosen: true, privateSites: ['ted.europa.eu'] });
  });
});

describe('kinds of site', () => {
  const sitesDir = fileURLToPath(new URL('../../src/formats/page/sites/', import.meta.url));

  it.each(ADAPTERS.map((a) => [a.id, a.kind]))('%s: its test URLs are of its kind (%s)', (id, kind) => {
    const header = readFileSync(`${sitesDir}${id}.ts`, 'utf8').split('\nimport ')[0];
    const urls = [...(header.split('## Test URLs')[1] ?? '').matchAll(/^\/\/ - (https:\/\/\S+)/gm)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(siteKind(new URL(u).hostname), u).toBe(kind);
  });

  it('every site the content script runs on by itself has its adapter’s kind', () => {
    const matches = manifestMatches();
    expect(matches.length).toBeGreaterThan(10);
    for (const m of matches) {
      const host = patternHost(m)!;
      expect(siteKind(host), m).toBe(ADAPTERS.find((a) => a.hosts.includes(m))!.kind);
    }
  });

  it('are tender platforms for the procurement sites, shops for the webshops', () => {
    expect(siteKind('ted.europa.eu')).toBe('procurement');
    expect(siteKind('enot.publicprocurement.be')).toBe('procurement');
    expect(siteKind('app.mercell.com')).toBe('procurement');
    expect(siteKind('www.amazon.de')).toBe('shop');
    expect(siteKind('fd7-courses.leclercdrive.fr')).toBe('shop');
    expect(siteKind('WWW.BOL.COM.')).toBe('shop');
  });

  it('other sites have none', () => {
    for (const h of ['127.0.0.1', 'localhost', 'example.org', 'ted.europa.eu.example.org', '']) {
      expect(siteKind(h), h).toBeNull();
    }
  });
});

describe('PageMarksState', () => {
  it('paints nothing before the settings are read, then follows them until the popup chooses', () => {
    const s = new PageMarksState();
    expect(s.on).toBe(false);
    s.setOption(true);
    expect(s.on).toBe(true);
    s.setOverride(false);
    s.setOption(true);
    expect(s.on).toBe(false);
    s.setOverride(true);
    s.setOption(false);
    expect(s.on).toBe(true);
    // Back to the settings.
    s.setOverride(null);
    expect(s.on).toBe(false);
  });
});

describe('messages', () => {
  it('take "set-page-marks" with a boolean or null only', () => {
    for (const on of [true, false, null]) expect(isPopupToContent({ type: 'set-page-marks', on })).toBe(true);
    for (const on of ['true', 1, undefined, {}]) expect(isPopupToContent({ type: 'set-page-marks', on })).toBe(false);
  });

  it('report whether a frame paints, and a change of it alone is a new report', () => {
    const meta = { url: 'https://shop.example/x', title: 'T', scannedAt: '2026-01-01T00:00:00.000Z' };
    const base = buildReport([], [], { blocks: 1, chars: 10 }, meta);
    const on: PageReport = { ...base, marks: true };
    const off: PageReport = { ...base, marks: false };
    expect(reportSignature(on)).not.toBe(reportSignature(off));
    expect(isToBackground({ type: 'page-report', report: off })).toBe(true);
    expect(isToBackground({ type: 'page-report', report: { ...off, marks: 'no' } })).toBe(false);
  });

  it('the popup reads the top frame first, and nothing from paused frames', () => {
    const frame = (marks: boolean | undefined, paused = false): PageReport => ({
      url: 'https://x.test/',
      title: '',
      scannedAt: '',
      matches: [],
      guards: [],
      blocks: 0,
      chars: 0,
      paused,
      ...(marks === undefined ? {} : { marks }),
    });
    const results = (frames: Record<string, PageReport>): TabResults => ({ tabId: 1, frames });
    expect(reportedMarks(null)).toBeNull();
    expect(reportedMarks(results({ '0': frame(undefined) }))).toBeNull();
    expect(reportedMarks(results({ '0': frame(false), '5': frame(true) }))).toBe(false);
    expect(reportedMarks(results({ '0': frame(undefined, true), '5': frame(true) }))).toBe(true);
  });
});

// ---------------------------------------------------------------- the scanner

class FakeHighlight {
  ranges: FakeStaticRange[] = [];
  priority = 0;
  add(r: FakeStaticRange) {
    this.ranges.push(r);
    return this;
  }
}
class FakeStaticRange {
  constructor(public init: { startContainer: Text; startOffset: number; endOffset: number }) {}
}
class FakeSheet {
  text = '';
  replaceSync(text: string) {
    this.text = text;
  }
}

/** The page's highlight registry, recording every call made on it. */
class SpyRegistry extends Map<string, FakeHighlight> {
  calls: string[] = [];
  override get(k: string) {
    this.calls.push(`get ${k}`);
    return super.get(k);
  }
  override set(k: string, v: FakeHighlight) {
    this.calls?.push(`set ${k}`);
    return super.set(k, v);
  }
  override delete(k: string) {
    this.calls.push(`delete ${k}`);
    return super.delete(k);
  }
}

describe('PageScanner in private mode', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  const PAGE =
    '<!doctype html><html lang="en"><head><title>Shop</title></head><body>' +
    '<p>We sell Ahava cream.</p><p>Colour: Orange</p></body></html>';

  /** A scanner on `html`, with the page's registry and the document's adopted sheets watched. */
  async function scanner(html = PAGE) {
    const registry = new SpyRegistry();
    vi.stubGlobal('Highlight', FakeHighlight);
    vi.stubGlobal('StaticRange', FakeStaticRange);
    vi.stubGlobal('CSS', { highlights: registry });
    vi.stubGlobal('CSSStyleSheet', FakeSheet);
    const page = await scannerOnPage(html);
    // The document's adoptedStyleSheets, every assignment counted.
    let adopted: FakeSheet[] = [];
    let assignments = 0;
    Object.defineProperty(page.document, 'adoptedStyleSheets', {
      configurable: true,
      get: () => adopted,
      set: (v: FakeSheet[]) => {
        assignments++;
        adopted = v;
      },
    });
    const { FLAG_HIGHLIGHT, FOCUS_HIGHLIGHT } = await import('../../src/content/highlight');
    const painted = (name: string) =>
      (registry.get(name)?.ranges ?? []).map((r) =>
        r.init.startContainer.data.slice(r.init.startOffset, r.init.endOffset),
      );
    /** Sheets the scanner adopted (vitest gives the ?inline CSS as ''), and how often the list was set. */
    const styles = () => ({ sheets: adopted.filter((x) => x instanceof FakeSheet).length, assignments });
    return { ...page, registry, styles, FLAG_HIGHLIGHT, FOCUS_HIGHLIGHT, painted };
  }

  it('finds and reports as usual, and never touches the registry or the style sheets', async () => {
    const p = await scanner();
    p.scanner.setMarks(false);
    p.scanner.setReviewMode(true);
    p.scanner.configure({ paused: false, matcher: localMatcher(data) });
    await sleep(700);
    const report = p.reports.at(-1)!;
    expect(report.matches.filter((m) => m.level === 'flag').map((m) => m.text)).toEqual(['Ahava']);
    expect(report.marks).toBe(false);
    expect(p.registry.calls).toEqual([]);
    expect(p.styles()).toEqual({ sheets: 0, assignments: 0 });
    // A rescan after a change, a pause and a resume: still nothing.
    p.document.body.appendChild(p.document.createElement('p')).textContent = 'Elbit Systems Ltd';
    await sleep(1200);
    p.scanner.configure({ paused: true, matcher: localMatcher(data) });
    p.scanner.configure({ paused: false, matcher: localMatcher(data) });
    await sleep(700);
    expect(p.reports.at(-1)!.matches.map((m) => m.text)).toContain('Elbit Systems Ltd');
    p.scanner.stop();
    expect(p.registry.calls).toEqual([]);
    expect(p.styles()).toEqual({ sheets: 0, assignments: 0 });
  });

  it('"Show on page" paints, styled, without scanning again; off again removes marks and styles', async () => {
    const p = await scanner();
    p.scanner.setMarks(false);
    p.scanner.configure({ paused: false, matcher: localMatcher(data) });
    await sleep(700);
    const before = p.reports.at(-1)!;
    p.scanner.setMarks(true);
    await sleep(700);
    const shown = p.reports.at(-1)!;
    expect(shown.marks).toBe(true);
    expect(p.painted(p.FLAG_HIGHLIGHT)).toEqual(['Ahava']);
    expect(p.styles().sheets).toBe(1);
    expect(shown.matches.map((m) => m.key)).toEqual(before.matches.map((m) => m.key));
    p.scanner.setMarks(false);
    await sleep(700);
    expect(p.reports.at(-1)!.marks).toBe(false);
    expect(p.registry.has(p.FLAG_HIGHLIGHT)).toBe(false);
    expect(p.styles().sheets).toBe(0);
    p.scanner.stop();
  });

  it('a page with nothing to mark is left alone in marking mode too', async () => {
    const p = await scanner('<!doctype html><html><body><p>Nothing listed here.</p></body></html>');
    p.scanner.configure({ paused: false, matcher: localMatcher(data) });
    await sleep(700);
    expect(p.reports.at(-1)!.marks).toBe(true);
    expect(p.registry.calls).toEqual([]);
    expect(p.styles()).toEqual({ sheets: 0, assignments: 0 });
    p.scanner.stop();
  });

  it('marks that leave the page keep their styles, adopted once, until the marks are turned off', async () => {
    // Taking the sheet out, and adopting it again for the next mark, would each restyle
    // every element of the page: on a framework's re-render of a large list, twice.
    const p = await scanner(
      '<!doctype html><html><body><div id="list"><p id="row">We sell Ahava cream.</p></div></body></html>',
    );
    p.scanner.configure({ paused: false, matcher: localMatcher(data) });
    await sleep(700);
    expect(p.painted(p.FLAG_HIGHLIGHT)).toEqual(['Ahava']);
    expect(p.styles()).toEqual({ sheets: 1, assignments: 1 });
    p.document.getElementById('row')!.remove();
    await sleep(1200);
    expect(p.reports.at(-1)!.matches).toEqual([]);
    expect(p.registry.has(p.FLAG_HIGHLIGHT)).toBe(false);
    expect(p.styles()).toEqual({ sheets: 1, assignments: 1 });
    p.document.getElementById('list')!.appendChild(p.document.createElement('p')).textContent = 'Ahava again';
    await sleep(1200);
    expect(p.painted(p.FLAG_HIGHLIGHT)).toEqual(['Ahava']);
    expect(p.styles()).toEqual({ sheets: 1, assignments: 1 });
    p.scanner.setMarks(false);
    await sleep(700);
    expect(p.registry.has(p.FLAG_HIGHLIGHT)).toBe(false);
    expect(p.styles().sheets).toBe(0);
    p.scanner.stop();
  });

  it('a page that replaced its adopted sheets gets the styles back at the next paint', async () => {
    const p = await scanner();
    p.scanner.configure({ paused: false, matcher: localMatcher(data) });
    await sleep(700);
    expect(p.styles().sheets).toBe(1);
    (p.document as unknown as { adoptedStyleSheets: unknown[] }).adoptedStyleSheets = [];
    p.document.body.appendChild(p.document.createElement('p')).textContent = 'Elbit Systems Ltd';
    await sleep(1200);
    expect(p.styles().sheets).toBe(1);
    p.scanner.stop();
  });

  it('one name shown on request in private mode: the emphasis only, styled', async () => {
    const p = await scanner();
    p.scanner.setMarks(false);
    p.scanner.configure({ paused: false, matcher: localMatcher(data) });
    await sleep(700);
    const key = p.reports.at(-1)!.matches.find((m) => m.text === 'Ahava')!.key;
    // linkedom has no scrollIntoView; the reveal scrolls where the browser can.
    expect(p.scanner.reveal(key)).toBe(true);
    expect(p.painted(p.FOCUS_HIGHLIGHT)).toEqual(['Ahava']);
    expect(p.registry.has(p.FLAG_HIGHLIGHT)).toBe(false);
    expect(p.styles().sheets).toBe(1);
    // Once the emphasis is over, nothing of ours stays on a page in private mode.
    await sleep(2200);
    expect(p.registry.has(p.FOCUS_HIGHLIGHT)).toBe(false);
    expect(p.styles().sheets).toBe(0);
    p.scanner.stop();
  });
});

// ---------------------------------------------------------------- popup and options

describe('popup: marks on this page', () => {
  const decision = (mark: boolean) => ({ mark, reason: mark ? ('procurement' as const) : ('shop' as const) });
  function renderMarks(overrides: Partial<Parameters<typeof PageMarks>[0]> = {}) {
    const { root } = installDom();
    const props = {
      host: 'www.amazon.de',
      decision: decision(false),
      shown: false as boolean | null,
      chosen: true,
      hasMarks: true,
      onShow: vi.fn(),
      onSite: vi.fn(),
      onChoose: vi.fn(),
      ...overrides,
    };
    render(<PageMarks {...props} />, root);
    return { root, props };
  }
  const button = (root: HTMLElement, text: string) =>
    [...root.querySelectorAll('button')].find((b) => b.textContent === text) ?? null;

  it('private: says the site sees nothing and why, offers "Show marks on this page"', () => {
    const { root, props } = renderMarks();
    expect(root.textContent).toContain('Private on this page: the site sees nothing.');
    expect(root.textContent).toContain('Shops are private unless you choose otherwise.');
    click(button(root, 'Show marks on this page'));
    expect(props.onShow).toHaveBeenCalledWith(true);
  });

  it('shown on request: says the site can see them, offers to take them off', () => {
    const { root, props } = renderMarks({ shown: true });
    expect(root.textContent).toContain('Marked on this page because you asked');
    expect(root.textContent).toContain("The site's own scripts can see which names are marked.");
    click(button(root, 'Take the marks off this page'));
    expect(props.onShow).toHaveBeenCalledWith(false);
  });

  it('marked by the settings: says the site can see which; the site switch makes it private', () => {
    const { root, props } = renderMarks({ decision: decision(true), shown: true, host: 'ted.europa.eu' });
    expect(root.textContent).toContain("Names are marked on this page. The site's own scripts can see which.");
    expect(button(root, 'Show marks on this page')).toBeNull();
    const sw = root.querySelector('input[role="switch"]') as HTMLInputElement;
    expect(sw.checked).toBe(false);
    expect(sw.parentElement!.textContent).toBe('Show results only in the toolbar on ted.europa.eu');
    sw.checked = true;
    sw.dispatchEvent(new (window as any).Event('change'));
    expect(props.onSite).toHaveBeenCalledWith(false);
  });

  it('asks the first-run question in plain words until it is answered', () => {
    const { root, props } = renderMarks({ chosen: false, shown: null });
    expect(root.textContent).toContain(
      "Mark names on the page (the site's own scripts can see which names are marked)",
    );
    click(button(root, 'Show results only in the toolbar (sites see nothing)'));
    expect(props.onChoose).toHaveBeenCalledWith('private');
    expect(renderMarks({ chosen: true, shown: null }).root.textContent).toBe('');
  });
});

describe('options: what sites can see', () => {
  beforeEach(() => resetFakeBrowser());

  async function mount() {
    const { root, window } = installDom();
    render(<OptionsApp lists={fixtureData.lists} />, root);
    await settle(10);
    return { root, window };
  }
  const stored = () => fakeBrowser.storage.local.data.get('settings') as Record<string, unknown>;

  it('names the default until the question is answered, then saves the answer', async () => {
    const { root, window } = await mount();
    const section = root.querySelector('.page-marks-section')!;
    expect(section.textContent).toContain('Choose once');
    const radios = [...section.querySelectorAll('input[type="radio"]')] as HTMLInputElement[];
    expect(radios.map((r) => r.value)).toEqual(['mark', 'private', 'by-site']);
    expect(radios.some((r) => r.checked)).toBe(false);
    radios[1].dispatchEvent(new (window as any).Event('change'));
    await settle(10);
    expect(stored()).toMatchObject({ pageMarks: 'private', pageMarksChosen: true });
    expect(root.querySelector('.page-marks-section')!.textContent).not.toContain('Choose once');
  });

  it('adds a site of its own choice and removes it', async () => {
    const { root, window } = await mount();
    const input = root.querySelector('#marks-site-input') as HTMLInputElement;
    input.value = 'https://ted.europa.eu/en/notice';
    input.dispatchEvent(new (window as any).Event('input'));
    await settle(0);
    root.querySelector('form.marks-add-site')!.dispatchEvent(new (window as any).Event('submit', { cancelable: true }));
    await settle(10);
    expect(stored()).toMatchObject({ privateSites: ['ted.europa.eu'] });
    const remove = root.querySelector('button[aria-label="Remove the choice for ted.europa.eu"]');
    click(remove);
    await settle(10);
    expect(stored()).toMatchObject({ privateSites: [] });
  });
});
