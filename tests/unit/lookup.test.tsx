// The popup's lookup (one name, same matcher and cards as the page results), its place in
// the popup next to the export menu, and the context menu "Check '<selection>'".
import { render } from 'preact';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildCompiledData } from '../../scripts/build-data';
import { Matcher } from '../../src/core/matcher';
import type { CompiledData } from '../../src/core/types';
import { click, installDom, settle } from './helpers/dom';
import { fakeBrowser, resetFakeBrowser } from './helpers/fake-browser';
import { fixtureData, fixtureResults } from './helpers/popup-fixtures';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('./helpers/fake-browser')).fakeBrowser }));

const { Lookup, rowEntityViews } = await import('../../src/ui/common/Lookup');
const { Popup } = await import('../../src/ui/popup/components/Popup');
const { lookupFromCompiled } = await import('../../src/ui/presentation/lookup');
const { buildView } = await import('../../src/ui/presentation/view-model');
const { defaultSettings } = await import('../../src/shared/settings');
const { screenName } = await import('../../src/core/screening');
const contextMenu = await import('../../src/background/context-menu');

let data: CompiledData;
let load: () => Promise<import('../../src/ui/common/extension-data').ExtensionData>;
beforeAll(() => {
  data = buildCompiledData();
  const extensionData = {
    data,
    lookup: lookupFromCompiled(data),
    settings: defaultSettings(),
    matcher: Matcher.fromData(data),
  };
  load = () => Promise.resolve(extensionData);
});

beforeEach(() => {
  resetFakeBrowser();
  // The shared fake has no tabs.create (nothing else opens tabs).
  (fakeBrowser.tabs as any).create = vi.fn(async () => ({}));
});

async function lookUp(root: HTMLElement, name: string) {
  const input = root.querySelector('#lookup-input') as HTMLInputElement;
  input.value = name;
  input.dispatchEvent(new (window as any).Event('input'));
  await settle();
  root.querySelector('form[role="search"]')!.dispatchEvent(new (window as any).Event('submit', { cancelable: true }));
  await settle();
}

describe('Lookup', () => {
  it('flags a listed name with its entries, list and how it matched', async () => {
    const { root } = installDom();
    render(<Lookup load={load} />, root);
    await settle();
    await lookUp(root, 'Elbit Systems Ltd');
    expect(root.querySelector('.lookup-summary')?.textContent).toBe(
      '“Elbit Systems Ltd” is named on a list switched on.',
    );
    const card = root.querySelector('article.entity-flag');
    expect(card?.querySelector('.entity-name')?.textContent).toMatch(/Elbit/);
    expect(card?.querySelectorAll('.entry').length).toBeGreaterThan(0);
    expect(card?.querySelector('.attribution')?.textContent).toMatch(/^Listed by /);
    // Nothing to show on a page: no "Show on page" buttons.
    expect(card?.querySelector('button.reveal')).toBeNull();
  });

  it('shows a near miss as "for review" with the reason', async () => {
    const { root } = installDom();
    render(<Lookup load={load} />, root);
    await settle();
    await lookUp(root, 'CAT');
    expect(root.querySelector('.lookup-summary')?.textContent).toMatch(/may be a listed company/);
    expect(root.querySelector('article.entity-possible')).not.toBeNull();
    expect(root.querySelector('.caution')?.textContent).toMatch(/\S/);
  });

  it('says when nothing is found, and names look-alikes left clear', async () => {
    const { root } = installDom();
    render(<Lookup load={load} />, root);
    await settle();
    await lookUp(root, 'Volvo Cars');
    expect(root.querySelector('.lookup-summary')?.textContent).toBe(
      'No listed company found in “Volvo Cars” on the lists switched on.',
    );
    expect(root.querySelector('article.entity')).toBeNull();
    expect(root.querySelector('.lookalikes')?.textContent).toMatch(/Volvo Cars.*is not Volvo Group/);
  });

  it('checks the text it was opened with (context menu) at once', async () => {
    const { root } = installDom();
    render(<Lookup load={load} initialQuery={'  Heidelberg   Materials AG '} />, root);
    await settle();
    await settle();
    expect((root.querySelector('#lookup-input') as HTMLInputElement).value).toBe('  Heidelberg   Materials AG ');
    expect(root.querySelector('.lookup-summary')?.textContent).toMatch(/“Heidelberg Materials AG” is named on a list/);
  });

  it('renders names and list data as text, never as markup', async () => {
    const { root } = installDom();
    const fixtureLoad = () =>
      Promise.resolve({
        data: fixtureData,
        lookup: lookupFromCompiled(fixtureData),
        settings: defaultSettings(),
        matcher: Matcher.fromData(fixtureData),
      });
    render(<Lookup load={fixtureLoad} />, root);
    await settle();
    await lookUp(root, '<img src=x onerror=alert(1)> Acme Holdings');
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)> Acme Holdings');
  });

  it('groups a name’s matches into popup-style entity views', () => {
    const matcher = Matcher.fromData(data);
    const row = screenName(matcher, {
      input: 'Elbit Systems Ltd and Volvo',
      field: null,
      source: { kind: 'line', line: 1 },
    });
    const views = rowEntityViews(row, lookupFromCompiled(data));
    expect(views.map((v) => v.section)).toEqual(['flag', 'possible']);
    expect(views.every((v) => v.evidence.every((e) => e.occurrences.length === 0))).toBe(true);
  });
});

describe('Popup with lookup and export', () => {
  const props = (over = {}) => ({
    view: buildView(fixtureResults(), lookupFromCompiled(fixtureData)),
    lookup: lookupFromCompiled(fixtureData),
    paused: false,
    host: 'shop.example.com',
    checkState: 'idle' as const,
    revealFailed: false,
    reviewMode: null,
    onReviewModeChange: vi.fn(),
    optionsUrl: 'chrome-extension://x/src/ui/options/index.html',
    onCheck: vi.fn(),
    onPause: vi.fn(),
    onResume: vi.fn(),
    onReveal: vi.fn(),
    onOpenOptions: vi.fn(),
    ...over,
  });

  it('has the lookup box, a link to the screening page and the export buttons', async () => {
    const { root } = installDom();
    render(<Popup {...props()} />, root);
    await settle();
    expect(root.querySelector('#lookup-input')).not.toBeNull();
    const link = root.querySelector('.screen-link a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('chrome-extension://testextensionid/src/ui/screen/index.html');
    const buttons = [...root.querySelectorAll('.export-menu button')].map((b) => b.textContent);
    expect(buttons).toEqual(['Print or save as PDF', 'Download CSV', 'Download JSON']);
  });

  it('opens the report page for this tab with the export asked for', async () => {
    const { root } = installDom();
    (globalThis as any).location = { search: '' };
    (window as any).close = vi.fn();
    render(<Popup {...props()} />, root);
    await settle();
    click(root.querySelectorAll('.export-menu button')[1]);
    await settle();
    expect((fakeBrowser.tabs as any).create).toHaveBeenCalledWith({
      url: 'chrome-extension://testextensionid/src/ui/record/index.html?tab=7&export=csv',
    });
  });

  it('offers no export before the page was checked or while paused', async () => {
    const { root } = installDom();
    render(<Popup {...props({ paused: true })} />, root);
    await settle();
    expect(root.querySelector('.export-menu')).toBeNull();
  });
});

describe('context menu', () => {
  it('builds the screening page URL for a selection, or nothing for an empty one', () => {
    const getURL = (p: string) => `chrome-extension://id/${p}`;
    expect(contextMenu.screeningUrlFor('  Elbit \n Systems ', getURL)).toBe(
      'chrome-extension://id/src/ui/screen/index.html?q=Elbit%20Systems',
    );
    expect(contextMenu.screeningUrlFor('A&B=C#d', getURL)).toBe(
      'chrome-extension://id/src/ui/screen/index.html?q=A%26B%3DC%23d',
    );
    expect(contextMenu.screeningUrlFor('   ', getURL)).toBeNull();
    expect(contextMenu.screeningUrlFor(undefined, getURL)).toBeNull();
    const long = contextMenu.screeningUrlFor('x'.repeat(5000), getURL)!;
    expect(decodeURIComponent(long.split('?q=')[1])).toHaveLength(contextMenu.MAX_SELECTION_LENGTH);
  });

  it('creates one "Check" item for selections, and opens a tab next to the page when clicked', async () => {
    const menus = {
      removeAll: vi.fn(async () => undefined),
      create: vi.fn(),
      onClicked: { addListener: vi.fn() },
    };
    Object.assign(fakeBrowser, { contextMenus: menus });
    await contextMenu.createCheckMenu();
    expect(menus.removeAll).toHaveBeenCalledBefore(menus.create);
    expect(menus.create).toHaveBeenCalledWith({
      id: contextMenu.CHECK_MENU_ID,
      title: 'Check “%s” with Settlement Screen',
      contexts: ['selection'],
    });
    await contextMenu.onCheckMenuClicked(
      { menuItemId: contextMenu.CHECK_MENU_ID, selectionText: 'Volvo Cars' },
      { id: 12, index: 3 },
    );
    expect((fakeBrowser.tabs as any).create).toHaveBeenCalledWith({
      url: 'chrome-extension://testextensionid/src/ui/screen/index.html?q=Volvo%20Cars',
      index: 4,
      openerTabId: 12,
    });
    await contextMenu.onCheckMenuClicked({ menuItemId: 'other', selectionText: 'x' }, { id: 12, index: 3 });
    expect((fakeBrowser.tabs as any).create).toHaveBeenCalledTimes(1);
  });
});
