import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { click, installDom } from './helpers/dom';
import { fixtureData, fixtureResults } from './helpers/popup-fixtures';
import { match } from './helpers/reports';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('./helpers/fake-browser')).fakeBrowser }));

const { Popup } = await import('../../src/ui/popup/components/Popup');
const { lookupFromCompiled } = await import('../../src/ui/presentation/lookup');
const { buildView } = await import('../../src/ui/presentation/view-model');

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
    reviewMode: false as boolean | null,
    onReviewModeChange: vi.fn(),
    optionsUrl: 'chrome-extension://x/src/ui/options/index.html',
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

  it('counts flagged companies only, not the names that are not flags', () => {
    const { root } = renderPopup();
    expect(root.querySelector('.summary')?.textContent).toContain('Listed companies on this page: 2');
    expect(root.querySelector('.summary')?.textContent).not.toMatch(/possible|review/i);
    // Only possible matches on the page: nothing listed was found.
    const results = fixtureResults();
    results.frames = { '0': { ...results.frames['0'], matches: results.frames['0'].matches.slice(3) } };
    const quiet = renderPopup({ view: buildView(results, lookup) });
    expect(quiet.root.querySelector('.summary')?.textContent).toContain('No listed companies found on this page.');
    expect(quiet.root.querySelector('.count-flags')).toBeNull();
  });

  it('shows a removed entry as removed, outside the flags', () => {
    const { root } = renderPopup();
    const flags = section(root, 'flags')!;
    const removed = section(root, 'not-flagged')!;
    expect(flags.textContent).not.toContain('Gone Construction S.A.');
    expect(removed.textContent).toContain('Gone Construction S.A.');
    expect(removed.textContent).toContain('Removed from the list by OHCHR on December 8, 2025.');
    expect(removed.querySelector('details')?.hasAttribute('open')).toBe(false);
    // A flagged entity's removed entry is marked removed, its current one listed.
    const amana = [...flags.querySelectorAll('article')].find((a) => a.querySelector('h3')?.textContent === 'Amana')!;
    const lines = [...amana.querySelectorAll('.entry summary')].map((d) => d.textContent);
    expect(lines).toEqual(['EU Global Human Rights… listed', 'OHCHR database of business… removed from the list']);
    expect(amana.querySelectorAll('.chip-removed')).toHaveLength(1);
  });

  it('says when a list is partial, with its coverage note', () => {
    const { root } = renderPopup();
    const card = (name: string) =>
      [...section(root, 'not-flagged')!.querySelectorAll('article')].find(
        (a) => a.querySelector('h3')?.textContent === name,
      )!;
    const partner = card('Partner Communications Company Ltd.');
    expect(partner.querySelector('.badge-partial')?.textContent).toBe('partial list');
    const note = partner.querySelector('.partial-note') as HTMLElement;
    expect(note.querySelector('summary')?.textContent).toContain('Partial list');
    expect(note.textContent).toContain('27 companies recovered of several hundred');
    // Complete lists carry no partial note.
    expect(card('Gone Construction S.A.').querySelector('.partial-note')).toBeNull();
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

  it('shows each company compactly: one closed line per list and per matched text, each fact once', () => {
    const { root } = renderPopup();
    const flags = section(root, 'flags')!;
    // Nothing opens by itself: details wait for the user.
    expect([...flags.querySelectorAll('details')].filter((d) => d.hasAttribute('open'))).toEqual([]);
    const acme = [...flags.querySelectorAll('article')].find((a) =>
      a.querySelector('h3')?.textContent?.includes('Acme'),
    )!;
    const summaries = [...acme.querySelectorAll('summary')].map((d) => d.textContent);
    expect(summaries).toEqual([
      'OHCHR database of business… activities (a), (g)',
      'Acme listed name, shortened (2× on this page)',
    ]);
    // The attributed sentence names the publisher and date, so no row repeats them.
    const text = acme.textContent!;
    expect(text.split('OHCHR').length - 1).toBe(3); // the chip, the full title and the sentence
    expect(text.split('September 26, 2025').length - 1).toBe(1);
    expect([...acme.querySelectorAll('.facts dt')].map((d) => d.textContent)).not.toContain('Publisher');
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
    const review = section(root, 'not-flagged')!.textContent!;
    expect(review).toContain('A short or common name; nothing nearby confirms that it is this company.');
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
    // The accessible name begins with the visible text, then says which page text.
    expect(button.getAttribute('aria-label')).toBe('Show on page (1 of 2): “Acme”');
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

describe('"Also seen, not flagged"', () => {
  beforeEach(() => installDom());

  /** The fixture page plus possible matches of each kind the matcher reports. */
  function withPossibles() {
    const results = fixtureResults();
    const possible = (key: string, entity: string, text: string, evidence: object[]) =>
      match({
        key,
        entity,
        entityName: `${entity} Ltd.`,
        text,
        level: 'possible',
        matchType: 'weak-alias',
        evidence: evidence as never,
        lists: [{ list: 'ohchr', entry: `${entity} Ltd.`, status: 'listed' }],
        frameId: 0,
      });
    results.frames['0'].matches.push(
      possible('p1', 'orange-co', 'Orange', [
        { kind: 'no-corroboration', reason: 'common-word' },
        { kind: 'link-not-current', status: 'historical', note: 'Brand licence ended in February 2016.' },
        { kind: 'runs-on', text: 'Is' },
      ]),
      possible('p2', 'stake-co', 'Tom Tailor', [{ kind: 'link-not-current', status: 'weak-source', note: null }]),
      possible('p3', 'volvo-co', 'Volvo', [
        { kind: 'runs-on', text: 'Amazon' },
        { kind: 'no-corroboration', reason: 'homonym' },
      ]),
      possible('p4', 'yes-co', 'Yes', [{ kind: 'no-corroboration', reason: 'short' }]),
      possible('p5', 'yes-co', 'Yes', [{ kind: 'no-corroboration', reason: 'short' }]),
    );
    return buildView(results, lookup);
  }

  const cardText = (root: HTMLElement, name: string) =>
    [...section(root, 'not-flagged')!.querySelectorAll('article')]
      .find((a) => a.querySelector('h3')?.textContent === name)
      ?.querySelector('.not-flagged-reasons')?.textContent;

  it('lists possibles and removed companies under one collapsed, counted heading', () => {
    const { root } = renderPopup({ view: withPossibles() });
    const s = section(root, 'not-flagged')!;
    // A native <details>/<summary>: closed at first, opened by keyboard or click.
    const details = s.querySelector('details')!;
    expect(details.hasAttribute('open')).toBe(false);
    expect(details.querySelector('summary h2')?.textContent).toBe('Also seen, not flagged (6)');
    const names = [...s.querySelectorAll('article h3')].map((h) => h.textContent);
    expect(names).toEqual([
      'orange-co Ltd.',
      'Partner Communications Company Ltd.',
      'stake-co Ltd.',
      'volvo-co Ltd.',
      'yes-co Ltd.',
      'Gone Construction S.A.',
    ]);
    // No other section holds them, and the old separate sections are gone.
    expect(section(root, 'flags')!.textContent).not.toContain('yes-co');
    expect(section(root, 'review')).toBeNull();
    expect(section(root, 'removed')).toBeNull();
  });

  it('says in plain words why each name is not a flag', () => {
    const { root } = renderPopup({ view: withPossibles() });
    expect(cardText(root, 'Partner Communications Company Ltd.')).toBe(
      '“Partner” is also an ordinary word, and nothing on the page confirms that it means this company.',
    );
    expect(cardText(root, 'Gone Construction S.A.')).toBe(
      'Only entries that were removed from the list name this company.',
    );
    // A link that is not current is the reason, with the curators' note, whatever else applies.
    expect(cardText(root, 'orange-co Ltd.')).toBe(
      '“Orange” was linked to this company in the past; the link has ended, so it is not a flag.' +
        ' About this link: Brand licence ended in February 2016.',
    );
    expect(cardText(root, 'stake-co Ltd.')).toBe(
      'The link between “Tom Tailor” and this company rests on a weak source only, so it is not a flag.',
    );
    const volvo = cardText(root, 'volvo-co Ltd.');
    expect(volvo).toContain('“Volvo” runs on into “Amazon”: this may be another company with a longer name.');
    expect(volvo).toContain('Other companies are also called “Volvo”, and nothing on the page confirms');
    // A name repeated on the page is explained once.
    const yes = [...section(root, 'not-flagged')!.querySelectorAll('article')].find(
      (a) => a.querySelector('h3')?.textContent === 'yes-co Ltd.',
    )!;
    expect(yes.querySelectorAll('.not-flagged-reasons li')).toHaveLength(1);
    expect(yes.textContent).toContain('“Yes” is a very short name');
  });

  it('does not repeat the reason as a caution under each matched text', () => {
    const { root } = renderPopup({ view: withPossibles() });
    expect(section(root, 'not-flagged')!.querySelectorAll('.caution')).toHaveLength(0);
    expect(section(root, 'not-flagged')!.textContent).not.toContain('Nothing confirms that this is the listed company');
  });

  it('is not there when every name on the page is a flag', () => {
    const results = fixtureResults();
    results.frames['0'].matches = results.frames['0'].matches.slice(0, 2);
    const { root } = renderPopup({ view: buildView(results, lookup) });
    expect(section(root, 'not-flagged')).toBeNull();
    expect(section(root, 'flags')).not.toBeNull();
  });
});

describe('review mode switch for this tab', () => {
  beforeEach(() => installDom());

  const toggle = (root: HTMLElement) => root.querySelector('.review-toggle input') as HTMLInputElement | null;

  it('is offered, off, where there are names to mark, and says it is for this tab', () => {
    const { root } = renderPopup();
    expect(toggle(root)?.checked).toBe(false);
    expect(toggle(root)?.getAttribute('role')).toBe('switch');
    expect(root.querySelector('.review-toggle')?.textContent).toContain('Show possible matches on this page');
    expect(root.querySelector('.review-toggle')?.textContent).toContain('For this tab only');
  });

  it('asks to turn review mode on and off', () => {
    const { root, props } = renderPopup();
    const input = toggle(root)!;
    input.checked = true;
    input.dispatchEvent(new (window as any).Event('change'));
    expect(props.onReviewModeChange).toHaveBeenLastCalledWith(true);
    const on = renderPopup({ reviewMode: true });
    expect(toggle(on.root)?.checked).toBe(true);
    toggle(on.root)!.checked = false;
    toggle(on.root)!.dispatchEvent(new (window as any).Event('change'));
    expect(on.props.onReviewModeChange).toHaveBeenLastCalledWith(false);
  });

  it('is not offered without a page to ask, while paused, or with nothing to mark', () => {
    expect(toggle(renderPopup({ reviewMode: null }).root)).toBeNull();
    expect(toggle(renderPopup({ paused: true }).root)).toBeNull();
    const results = fixtureResults();
    results.frames['0'].matches = results.frames['0'].matches.slice(0, 2);
    const view = buildView(results, lookup);
    expect(toggle(renderPopup({ view }).root)).toBeNull();
    // ...but when review mode is on, it stays so it can be turned off.
    expect(toggle(renderPopup({ view, reviewMode: true }).root)?.checked).toBe(true);
  });

  it('reads the state from what the page reports (top frame first, paused frames aside)', () => {
    expect(buildView(null, lookup).reviewMode).toBeNull();
    const results = fixtureResults();
    expect(buildView(results, lookup).reviewMode).toBeNull(); // reports without the field
    results.frames['3'] = { ...results.frames['3'], reviewMode: false };
    expect(buildView(results, lookup).reviewMode).toBe(false);
    results.frames['0'] = { ...results.frames['0'], reviewMode: true };
    expect(buildView(results, lookup).reviewMode).toBe(true);
    results.frames['0'] = { ...results.frames['0'], paused: true };
    expect(buildView(results, lookup).reviewMode).toBe(false);
  });
});
