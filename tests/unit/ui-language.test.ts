// The language setting: parsed defensively, and honoured by t() and uiLanguage() through the
// chosen locale's messages.json, with browser.i18n (English in these tests) as the fallback.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, resetFakeBrowser } from './helpers/fake-browser';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('./helpers/fake-browser')).fakeBrowser }));

const { parseSettings, saveSettings, defaultSettings, withUiLanguage } = await import('../../src/shared/settings');
const { t, uiLanguage, loadUiLanguage, setLocaleMessages, fetchLocaleMessages } = await import('../../src/shared/i18n');

const localeFile = (lang: string) =>
  readFileSync(resolve(__dirname, `../../public/_locales/${lang}/messages.json`), 'utf8');

/** fetch as an extension page sees its own package: only _locales files exist. */
function servePackage() {
  const fetchMock = vi.fn(async (url: string) => {
    const m = /\/_locales\/(\w+)\/messages\.json$/.exec(url);
    if (!m) return new Response('', { status: 404 });
    try {
      return new Response(localeFile(m[1]), { status: 200 });
    } catch {
      return new Response('', { status: 404 });
    }
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

beforeEach(() => resetFakeBrowser());
afterEach(() => {
  setLocaleMessages(null);
  vi.unstubAllGlobals();
});

describe('settings.uiLanguage', () => {
  it('defaults to the browser language', () => {
    expect(defaultSettings().uiLanguage).toBe('auto');
    expect(parseSettings({ pausedSites: ['a.test'] }).uiLanguage).toBe('auto');
  });

  it('keeps a shipped locale and reads anything else as the browser language', () => {
    for (const lang of ['en', 'nl', 'fr', 'de'] as const)
      expect(parseSettings({ uiLanguage: lang }).uiLanguage).toBe(lang);
    for (const raw of ['DE', 'es', '', 'auto ', 1, null, {}, ['de'], '__proto__'])
      expect(parseSettings({ uiLanguage: raw }).uiLanguage).toBe('auto');
  });

  it('does not cost the other settings when damaged', () => {
    const parsed = parseSettings({ uiLanguage: 42, reviewMode: true, pausedSites: ['a.test'] });
    expect(parsed).toMatchObject({ uiLanguage: 'auto', reviewMode: true, pausedSites: ['a.test'] });
  });
});

describe('t() with a chosen language', () => {
  it('answers from the chosen locale, placeholders filled, and sets the document language', async () => {
    const fetchMock = servePackage();
    const documentElement = { lang: 'en' };
    vi.stubGlobal('document', { documentElement });
    await saveSettings(withUiLanguage(defaultSettings(), 'de'));
    await loadUiLanguage();
    expect(fetchMock).toHaveBeenCalledWith(fakeBrowser.runtime.getURL('_locales/de/messages.json'));
    expect(uiLanguage()).toBe('de');
    expect(t('summaryFlags', 2)).toBe('Gelistete Unternehmen auf dieser Seite: 2');
    expect(t('attributionCodesDate', ['OHCHR', '(d)', '30. Juni 2023'])).toBe(
      'Gelistet von OHCHR wegen (d) am 30. Juni 2023.',
    );
    expect(documentElement.lang).toBe('de');
  });

  it('follows the browser for "auto" without reading any file', async () => {
    const fetchMock = servePackage();
    await loadUiLanguage();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(t('summaryFlags', 2)).toBe('Listed companies on this page: 2');
    expect(uiLanguage()).toBe('en');
  });

  it('falls back to the browser for a key the chosen file lacks, and when the file cannot be read', async () => {
    setLocaleMessages({ uiLocale: { message: 'nl' } });
    expect(t('checkThisPage')).toBe('Check this page');
    expect(uiLanguage()).toBe('nl');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('not json', { status: 200 })),
    );
    expect(await fetchLocaleMessages('fr')).toBeNull();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new Error('gone'))),
    );
    expect(await fetchLocaleMessages('fr')).toBeNull();
  });
});
