import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { click, installDom, settle } from './helpers/dom';
import { fakeBrowser, resetFakeBrowser } from './helpers/fake-browser';
import { fixtureData, fixtureResults } from './helpers/popup-fixtures';
import type { TabResults } from '../../src/shared/messages';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('./helpers/fake-browser')).fakeBrowser }));

const { App } = await import('../../src/ui/popup/components/App');
const { lookupFromCompiled } = await import('../../src/ui/presentation/lookup');
const { tabIdFromQuery } = await import('../../src/ui/popup/tab-target');
const { defaultSettings } = await import('../../src/shared/settings');

const lookup = lookupFromCompiled(fixtureData);

/** Background stand-in: answers the popup's requests from `state`. */
function backgroundWith(state: { results: TabResults | null; onCheck?: () => void }) {
  fakeBrowser.runtime.sendMessage.mockImplementation(async (message: any) => {
    if (message.type === 'get-tab-results') return state.results;
    if (message.type === 'check-page') {
      state.onCheck?.();
      return { ok: true };
    }
    return undefined;
  });
}

async function mount(tabId = 7) {
  const { root } = installDom();
  render(<App tabId={tabId} lookup={lookup} />, root);
  await settle(10);
  return root;
}

const buttonByText = (root: HTMLElement, text: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === text) ?? null;

describe('popup App', () => {
  beforeEach(() => resetFakeBrowser());

  it('sends "show on page" to the frame the match is in', async () => {
    backgroundWith({ results: fixtureResults(7) });
    const root = await mount(7);
    const amana = [...root.querySelectorAll('article')].find((a) => a.querySelector('h3')?.textContent === 'Amana')!;
    click(amana.querySelector('button.reveal'));
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'reveal-match', key: 'f1' }, { frameId: 3 });
  });

  it('checks the page on request and shows the results when they arrive', async () => {
    const state: { results: TabResults | null; onCheck?: () => void } = { results: null };
    state.onCheck = () => {
      state.results = fixtureResults(7);
    };
    backgroundWith(state);
    const root = await mount(7);
    expect(root.querySelector('#flags')).toBeNull();
    click(buttonByText(root, 'Check this page'));
    await settle(20);
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'check-page', tabId: 7 });
    expect(root.querySelector('#flags')?.textContent).toContain('Amana');
    expect(buttonByText(root, 'Check this page')).toBeNull();
  });

  it('updates when the background stores new results for the tab', async () => {
    const state = { results: null as TabResults | null };
    backgroundWith(state);
    const root = await mount(7);
    state.results = fixtureResults(7);
    await fakeBrowser.storage.session.set({ 'tab:7': state.results });
    await settle(10);
    expect(root.querySelector('#flags')?.textContent).toContain('Amana');
  });

  it('resumes a paused site: removes the covering entry and asks the page to rescan', async () => {
    fakeBrowser.storage.local.data.set('settings', { enabledLists: {}, pausedSites: ['example.com', 'other.test'] });
    backgroundWith({ results: fixtureResults(7) });
    const root = await mount(7);
    expect(root.textContent).toContain('Paused on shop.example.com.');
    click(buttonByText(root, 'Resume on this site'));
    await settle(10);
    expect(fakeBrowser.storage.local.data.get('settings')).toEqual({
      ...defaultSettings(),
      pausedSites: ['other.test'],
    });
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'rescan' });
    expect(root.querySelector('#flags')?.textContent).toContain('Amana');
  });

  it('pauses the current site from the footer', async () => {
    backgroundWith({ results: fixtureResults(7) });
    const root = await mount(7);
    click(buttonByText(root, 'Pause on this site'));
    await settle(10);
    expect(fakeBrowser.storage.local.data.get('settings')).toEqual({
      ...defaultSettings(),
      pausedSites: ['shop.example.com'],
    });
    expect(root.textContent).toContain('Resume on this site');
  });

  it('"Show possible matches on this page" asks every frame of the tab, and follows its report', async () => {
    const results = fixtureResults(7);
    results.frames['0'] = { ...results.frames['0'], reviewMode: false };
    backgroundWith({ results });
    const root = await mount(7);
    const toggle = () => root.querySelector('.review-toggle input') as HTMLInputElement;
    expect(toggle().checked).toBe(false);
    toggle().checked = true;
    toggle().dispatchEvent(new (window as any).Event('change'));
    await settle(10);
    // No frameId: every frame applies it to its own part of the page.
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'set-review-mode', on: true });
    expect(toggle().checked).toBe(true);
    // The page reports again with review mode on; nothing was saved as a setting.
    results.frames['0'] = { ...results.frames['0'], reviewMode: true };
    await fakeBrowser.storage.session.set({ 'tab:7': structuredClone(results) });
    await settle(10);
    expect(toggle().checked).toBe(true);
    expect(fakeBrowser.storage.local.data.get('settings')).toBeUndefined();
  });

  it("shows the page's own state again when no content script takes the choice", async () => {
    const results = fixtureResults(7);
    results.frames['0'] = { ...results.frames['0'], reviewMode: false };
    backgroundWith({ results });
    fakeBrowser.tabs.sendMessage.mockRejectedValueOnce(new Error('Could not establish connection'));
    const root = await mount(7);
    const toggle = () => root.querySelector('.review-toggle input') as HTMLInputElement;
    toggle().checked = true;
    toggle().dispatchEvent(new (window as any).Event('change'));
    await settle(10);
    expect(toggle().checked).toBe(false);
  });
});

describe('tabIdFromQuery', () => {
  it.each([
    ['?tab=12', 12],
    ['?tab=0', 0],
    ['', null],
    ['?tab=-1', null],
    ['?tab=1e3', null],
    ['?tab=12abc', null],
  ])('%s -> %j', (search, id) => {
    expect(tabIdFromQuery(search)).toBe(id);
  });
});
