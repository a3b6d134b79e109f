import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { click, installDom } from './helpers/dom';
import { fixtureData, fixtureResults } from './helpers/popup-fixtures';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('./helpers/fake-browser')).fakeBrowser }));

const { Popup } = await import('../../src/popup/components/Popup');
const { lookupFromCompiled } = await import('../../src/popup/lookup');
const { buildView } = await import('../../src/popup/view-model');

const lookup = lookupFromCompiled(fixtureData);

function renderPopup(overrides: Partial<Parameters<typeof Popup>[0]> = {}) {
  const { root } = installDom();
  const props = {
    view: buildView(fixtureResults(), lookup),
    lookup,
    paused: false,
    host: 'shop.example.com',
    checkState: 'idle' as const,
    revealFailed: false,
    optionsUrl: 'chrome-extension://x/src/options/index.html',
    onCheck: vi.fn(),
    onPause: vi.fn(),
    onResume: vi.fn(),
    onReveal: vi.fn(),
    onOpenOptions: vi.fn(),
    ...overrides,
  };
  render(<Popup {...props} />, root);
  return { root, props };
}

const section = (root: HTMLElement, id: string) => root.querySelector(`#${id}`) as HTMLElement | null;

describe('buildView', () => {
  it('puts flags, possible matches and removed entities in their own sections', () => {
    const view = buildView(fixtureResults(), lookup);
    expect(view.flags.map((e) => e.id)).toEqual(['acme', 'amana']);
    expect(view.possible.map((e) => e.id)).toEqual(['partner']);
    // 'gone' had a flag-level match, but its only entry is delisted: never a flag.
    expect(view.removed.map((e) => e.id)).toEqual(['gone']);
  });

  it('groups repeated page text and keeps every occurrence with its frame', () => {
    const view = buildView(fixtureResults(), lookup);
    const acme = view.flags.find((e) => e.id === 'acme')!;
    expect(acme.evidence).toHaveLength(1);
    expect(acme.evidence[0].occurrences).toEqual([
      { key: 'm1', frameId: 0 },
      { key: 'm2', frameId: 0 },
    ]);
    const amana = view.flags.find((e) => e.id === 'amana')!;
    expect(amana.evidence[0].occurrences).toEqual([{ key: 'f1', frameId: 3 }]);
    // Current listing first, the removed one after it.
    expect(amana.entries.map((e) => e.status)).toEqual(['listed', 'delisted']);
  });

  it('falls back to what the match carries for an entity missing from the data', () => {
    const results = fixtureResults();
    results.frames['0'].matches[0].entity = 'unknown';
    results.frames['0'].matches[0].entityName = 'Unknown Co';
    const view = buildView(results, lookup);
    const unknown = view.flags.find((e) => e.id === 'unknown')!;
    expect(unknown.displayName).toBe('Unknown Co');
    expect(unknown.entries.map((e) => e.entry)).toEqual(['<b>Acme</b> Holdings Ltd.']);
  });
});

describe('Popup', () => {
  beforeEach(() => installDom());

  it('shows counts of flags and possible matches', () => {
    const { root } = renderPopup();
    expect(root.querySelector('.count-flags')?.textContent).toBe('Listed companies on this page: 2');
    expect(root.querySelector('.count-possible')?.textContent).toBe('Possible matches for review: 1');
  });

  it('shows a removed entry as removed, outside the flags', () => {
    const { root } = renderPopup();
    const flags = section(root, 'flags')!;
    const removed = section(root, 'removed')!;
    expect(flags.textContent).not.toContain('Gone Construction S.A.');
    expect(removed.textContent).toContain('Gone Construction S.A.');
    expect(removed.textContent).toContain('Removed from the list on December 8, 2025');
    expect(removed.textContent).toContain('Removed from the list by OHCHR on December 8, 2025.');
    expect(removed.querySelector('details')?.hasAttribute('open')).toBe(false);
    // A flagged entity's removed entry is marked removed, its current one listed.
    const amana = [...flags.querySelectorAll('article')].find((a) => a.querySelector('h3')?.textContent === 'Amana')!;
    const statuses = [...amana.querySelectorAll('.status')].map((d) => d.textContent);
    expect(statuses).toEqual(['Listed', 'Removed from the list on September 26, 2025']);
  });

  it('says when a list is partial, with its coverage note', () => {
    const { root } = renderPopup();
    const review = section(root, 'review')!;
    expect(review.querySelector('.badge-partial')?.textContent).toBe('partial list');
    const note = review.querySelector('.partial-note') as HTMLElement;
    expect(note.querySelector('summary')?.textContent).toContain('Partial list');
    expect(note.textContent).toContain('27 companies recovered of several hundred');
    // Complete lists carry no partial note.
    expect(section(root, 'removed')!.querySelector('.partial-note')).toBeNull();
  });

  it('shows criteria with their full text and the attributed sentence', () => {
    const { root } = renderPopup();
    const text = section(root, 'flags')!.textContent!;
    expect(text).toContain('(a) The supply of equipment and materials facilitating the construction of settlements');
    expect(text).toContain('(g) The use of natural resources, in particular water and land, for business purposes');
    expect(text).toContain('Listed by OHCHR for (a), (g), in the list published on September 26, 2025.');
    // Sanctions: regime and listing date; long internal codes are not shown as codes.
    expect(text).toContain('Council Regulation (EU) 2020/1998');
    expect(text).toContain('Listed by Council of the European Union on May 28, 2026.');
    expect(text).not.toContain('asset_freeze');
  });

  it('renders list data and page text containing markup literally', () => {
    const { root } = renderPopup();
    expect(root.textContent).toContain('<b>Acme</b> Holdings Ltd.');
    expect(root.textContent).toContain('<b>markup</b> stays text.');
    expect(root.textContent).toContain('Supplier: Acme <script>alert(1)</script> delivered');
    expect(root.querySelectorAll('b')).toHaveLength(0);
    expect(root.querySelectorAll('script')).toHaveLength(0);
  });

  it('explains how each text matched, in words', () => {
    const { root } = renderPopup();
    expect(section(root, 'flags')!.textContent).toContain('The listed name in a shorter form: “Acme”');
    const review = section(root, 'review')!.textContent!;
    expect(review).toContain('A short or common name; nothing nearby confirms that it is this company.');
    expect(review).toContain('Nothing confirms that this is the listed company (also an ordinary word)');
  });

  it('links sources safely and never links a javascript: URL', () => {
    const { root } = renderPopup();
    const links = [...root.querySelectorAll('a[target="_blank"]')];
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) {
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(a.getAttribute('href')).toMatch(/^https?:/);
    }
    expect(root.querySelector('a[href^="javascript"]')).toBeNull();
  });

  it('asks to show a match on the page, stepping through occurrences in their frames', () => {
    const { root, props } = renderPopup();
    const button = section(root, 'flags')!.querySelector('button.reveal') as HTMLButtonElement;
    expect(button.getAttribute('aria-label')).toBe('Show “Acme” on the page');
    click(button);
    expect(props.onReveal).toHaveBeenLastCalledWith({ key: 'm1', frameId: 0 });
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        click(section(root, 'flags')!.querySelector('button.reveal'));
        expect(props.onReveal).toHaveBeenLastCalledWith({ key: 'm2', frameId: 0 });
        resolve();
      }, 0),
    );
  });

  it('lists look-alikes left clear with their reason', () => {
    const { root } = renderPopup();
    const text = section(root, 'lookalikes')!.textContent!;
    expect(text).toContain('Volvo Cars');
    expect(text).toContain('is not AB Volvo.');
    expect(text).toContain('Volvo Cars is owned by Geely');
  });

  it('says when the page is still being read, with the results so far', () => {
    const results = fixtureResults();
    results.frames['0'] = { ...results.frames['0'], scanning: true };
    const { root } = renderPopup({ view: buildView(results, lookup) });
    expect(root.textContent).toContain('Still reading this page: these are the results so far.');
    expect(root.querySelector('.count-flags')?.textContent).toBe('Listed companies on this page: 2');
    // Nothing found yet is "so far", not a verdict on the page.
    const empty = { tabId: 7, frames: { '0': { ...results.frames['0'], matches: [], guards: [] } } };
    const again = renderPopup({ view: buildView(empty, lookup) });
    expect(again.root.textContent).toContain('No listed companies found so far.');
    expect(again.root.textContent).not.toContain('No listed companies found on this page.');
    // Complete: no note.
    const done = renderPopup();
    expect(done.root.textContent).not.toContain('Still reading');
  });

  it('offers "Check this page" when no content script has reported', () => {
    const { root, props } = renderPopup({ view: buildView(null, lookup) });
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Check this page');
    expect(button).toBeDefined();
    click(button!);
    expect(props.onCheck).toHaveBeenCalledOnce();
    expect(section(root, 'flags')).toBeNull();
  });

  it('says the site is paused and offers to resume instead of results', () => {
    const { root, props } = renderPopup({ paused: true });
    expect(root.textContent).toContain('Paused on shop.example.com.');
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Resume on this site');
    click(button!);
    expect(props.onResume).toHaveBeenCalledOnce();
    expect(section(root, 'flags')).toBeNull();
    expect(root.textContent).not.toContain('Pause on this site');
  });
});
