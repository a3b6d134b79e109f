import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { click, installDom, settle } from './helpers/dom';
import { fakeBrowser, resetFakeBrowser } from './helpers/fake-browser';
import { fixtureData } from './helpers/popup-fixtures';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('./helpers/fake-browser')).fakeBrowser }));

const { OptionsApp } = await import('../../src/ui/options/components/OptionsApp');

async function mount() {
  const { root, window } = installDom();
  render(<OptionsApp lists={fixtureData.lists} />, root);
  await settle(10);
  return { root, window };
}

const stored = () => fakeBrowser.storage.local.data.get('settings') as { enabledLists: object; pausedSites: string[] };

describe('options page', () => {
  beforeEach(() => resetFakeBrowser());

  it('shows every list with its provenance and a partial badge where partial', async () => {
    const { root } = await mount();
    const cards = [...root.querySelectorAll('[aria-labelledby="lists-heading"] .list-card')];
    expect(cards).toHaveLength(3);
    const wp = cards[2].textContent!;
    expect(wp).toContain('Who Profits company database (sample)');
    expect(wp).toContain('Who Profits Research Center');
    expect(wp).toContain('27 companies recovered of several hundred');
    expect(wp).toContain('not given'); // no publication date
    expect(cards[2].querySelector('.badge-partial')).not.toBeNull();
    expect(cards[0].querySelector('.badge-partial')).toBeNull();
    expect(cards[0].textContent).toContain('September 26, 2025');
    expect(cards[0].textContent).toContain('165');
  });

  it('switches a list off and on, saving each change and saying so', async () => {
    const { root, window } = await mount();
    const sw = root.querySelector('#list-eu') as HTMLInputElement;
    expect(sw.checked).toBe(true);
    sw.checked = false;
    sw.dispatchEvent(new (window as any).Event('change'));
    await settle(10);
    expect(stored().enabledLists).toEqual({ eu: false });
    expect(root.querySelector('.save-status')?.textContent).toBe('Saved.');
    const again = root.querySelector('#list-eu') as HTMLInputElement;
    again.checked = true;
    again.dispatchEvent(new (window as any).Event('change'));
    await settle(10);
    expect(stored().enabledLists).toEqual({ eu: true });
  });

  it('has review mode, off by default, explained in a sentence, and saves the switch', async () => {
    const { root, window } = await mount();
    const sw = root.querySelector('#review-mode') as HTMLInputElement;
    expect(sw.checked).toBe(false);
    expect(sw.getAttribute('role')).toBe('switch');
    const label = sw.closest('label')!.textContent;
    expect(label).toBe('Also mark possible matches on pages');
    const intro = root.querySelector(`#${sw.getAttribute('aria-describedby')}`)?.textContent;
    expect(intro).toContain('dotted underline');
    sw.checked = true;
    sw.dispatchEvent(new (window as any).Event('change'));
    await settle(10);
    expect((stored() as unknown as { reviewMode: boolean }).reviewMode).toBe(true);
    expect(root.querySelector('.save-status')?.textContent).toBe('Saved.');
    const again = root.querySelector('#review-mode') as HTMLInputElement;
    expect(again.checked).toBe(true);
    again.checked = false;
    again.dispatchEvent(new (window as any).Event('change'));
    await settle(10);
    expect((stored() as unknown as { reviewMode: boolean }).reviewMode).toBe(false);
  });

  it('adds a paused site (normalised), rejects nonsense, and removes one', async () => {
    fakeBrowser.storage.local.data.set('settings', { enabledLists: {}, pausedSites: ['old.test'] });
    const { root, window } = await mount();
    const input = root.querySelector('#paused-site-input') as HTMLInputElement;
    const form = root.querySelector('form.add-site') as HTMLFormElement;

    input.value = 'not a host!';
    input.dispatchEvent(new (window as any).Event('input'));
    await settle(0); // typing and submitting are separate tasks in a browser
    form.dispatchEvent(new (window as any).Event('submit', { cancelable: true }));
    await settle(10);
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('That is not a hostname');
    expect(stored().pausedSites).toEqual(['old.test']);

    input.value = 'https://www.Shop.Example.com/basket';
    input.dispatchEvent(new (window as any).Event('input'));
    await settle(0); // typing and submitting are separate tasks in a browser
    form.dispatchEvent(new (window as any).Event('submit', { cancelable: true }));
    await settle(10);
    expect(stored().pausedSites).toEqual(['old.test', 'shop.example.com']);
    expect(root.querySelector('[role="alert"]')).toBeNull();

    const remove = [...root.querySelectorAll('.paused-sites button')].find(
      (b) => b.getAttribute('aria-label') === 'Resume on old.test',
    );
    click(remove!);
    await settle(10);
    expect(stored().pausedSites).toEqual(['shop.example.com']);
    expect(root.querySelector('.paused-sites')?.textContent).not.toContain('old.test');
  });

  it('shows defaults for corrupt stored settings without overwriting them', async () => {
    fakeBrowser.storage.local.data.set('settings', { enabledLists: 'broken', pausedSites: 7 });
    const { root } = await mount();
    expect((root.querySelector('#list-ohchr') as HTMLInputElement).checked).toBe(true);
    expect(root.textContent).toContain('No sites are paused.');
    expect(fakeBrowser.storage.local.set).not.toHaveBeenCalled();
  });
});
