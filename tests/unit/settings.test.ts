import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, resetFakeBrowser } from './helpers/fake-browser';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('./helpers/fake-browser')).fakeBrowser }));

const {
  SETTINGS_KEY,
  defaultSettings,
  enabledListSet,
  isListEnabled,
  isSitePaused,
  loadSettings,
  normalizeHostname,
  parseSettings,
  pausedEntriesFor,
  saveSettings,
  withListEnabled,
  withPausedSite,
  withReviewMode,
  withoutPausedSites,
} = await import('../../src/shared/settings');

describe('parseSettings', () => {
  it.each([undefined, null, 42, 'settings', [], [{ enabledLists: { a: false } }]])(
    'gives defaults for a non-object (%j)',
    (raw) => {
      expect(parseSettings(raw)).toEqual(defaultSettings());
    },
  );

  it('keeps valid parts and drops damaged ones', () => {
    const parsed = parseSettings({
      enabledLists: { ohchr: false, eu: true, bad: 'no', '': false, nested: { x: 1 } },
      pausedSites: ['Example.com', 42, '', 'not a host!', 'https://www.shop.test/path?q=1', 'example.com'],
      unknown: 'dropped',
    });
    expect(parsed).toEqual({
      ...defaultSettings(),
      enabledLists: { ohchr: false, eu: true },
      pausedSites: ['example.com', 'shop.test'],
      reviewMode: false,
    });
  });

  it('replaces a non-object enabledLists and a non-array pausedSites by defaults separately', () => {
    expect(parseSettings({ enabledLists: ['a'], pausedSites: ['a.test'] })).toEqual({
      ...defaultSettings(),
      enabledLists: {},
      pausedSites: ['a.test'],
      reviewMode: false,
    });
    expect(parseSettings({ enabledLists: { a: false }, pausedSites: 'a.test' })).toEqual({
      ...defaultSettings(),
      enabledLists: { a: false },
      pausedSites: [],
      reviewMode: false,
    });
  });
});

describe('review mode', () => {
  it('is off by default and in settings stored before it existed', () => {
    expect(defaultSettings().reviewMode).toBe(false);
    expect(parseSettings({ enabledLists: { a: false }, pausedSites: ['a.test'] }).reviewMode).toBe(false);
  });

  it('is on only for a stored true; anything else keeps pages quiet', () => {
    expect(parseSettings({ reviewMode: true }).reviewMode).toBe(true);
    for (const raw of [false, 'true', 1, null, {}, ['true']]) {
      expect(parseSettings({ reviewMode: raw }).reviewMode).toBe(false);
    }
  });

  it('does not cost the other settings when damaged', () => {
    expect(parseSettings({ enabledLists: { a: false }, pausedSites: ['a.test'], reviewMode: 'yes' })).toEqual({
      ...defaultSettings(),
      enabledLists: { a: false },
      pausedSites: ['a.test'],
      reviewMode: false,
    });
  });

  it('withReviewMode switches it without touching the rest', () => {
    const s = withPausedSite(defaultSettings(), 'example.com');
    const on = withReviewMode(s, true);
    expect(on).toEqual({ ...s, reviewMode: true });
    expect(s.reviewMode).toBe(false);
    expect(withReviewMode(on, false).reviewMode).toBe(false);
  });
});

describe('isListEnabled', () => {
  it('treats a missing list as on and only an explicit false as off', () => {
    const s = { ...defaultSettings(), enabledLists: { off: false, on: true } };
    expect(isListEnabled(s, 'missing')).toBe(true);
    expect(isListEnabled(s, 'on')).toBe(true);
    expect(isListEnabled(s, 'off')).toBe(false);
    expect([...enabledListSet(s, ['off', 'on', 'missing'])]).toEqual(['on', 'missing']);
  });

  it('withListEnabled switches one list without touching others', () => {
    const s = withListEnabled({ ...defaultSettings(), enabledLists: { a: false } }, 'b', false);
    expect(s.enabledLists).toEqual({ a: false, b: false });
  });
});

describe('isSitePaused', () => {
  const s = { ...defaultSettings(), pausedSites: ['example.com', 'tenders.gov.test'] };

  it.each([
    ['example.com', true],
    ['www.example.com', true],
    ['shop.example.com', true],
    ['a.b.example.com', true],
    ['EXAMPLE.COM', true],
    ['example.com.', true],
    ['notexample.com', false],
    ['example.com.evil.test', false],
    ['gov.test', false],
    ['x.tenders.gov.test', true],
    ['', false],
  ])('%s -> %s', (host, paused) => {
    expect(isSitePaused(s, host)).toBe(paused);
  });

  it('lists the entries that cover a host (what Resume removes)', () => {
    const many = { ...defaultSettings(), pausedSites: ['example.com', 'shop.example.com', 'other.test'] };
    expect(pausedEntriesFor(many, 'shop.example.com')).toEqual(['example.com', 'shop.example.com']);
    expect(withoutPausedSites(many, pausedEntriesFor(many, 'shop.example.com')).pausedSites).toEqual(['other.test']);
  });
});

describe('normalizeHostname', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM  ', 'example.com'],
    ['www.example.com', 'example.com'],
    ['*.example.com', 'example.com'],
    ['https://shop.example.com:8443/a/b?c#d', 'shop.example.com'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['', null],
    ['not a host', null],
    ['ftp://example.com', null],
    ['javascript:alert(1)', null],
    ['a'.repeat(400), null],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeHostname(input)).toBe(expected);
  });

  it('withPausedSite normalises and does not duplicate', () => {
    let s = withPausedSite(defaultSettings(), 'https://www.Example.com/x');
    s = withPausedSite(s, 'example.com');
    s = withPausedSite(s, 'not valid!');
    expect(s.pausedSites).toEqual(['example.com']);
  });
});

describe('loadSettings / saveSettings', () => {
  beforeEach(() => resetFakeBrowser());

  it('gives defaults for a corrupt stored value and leaves it in place', async () => {
    fakeBrowser.storage.local.data.set(SETTINGS_KEY, 'corrupt');
    expect(await loadSettings()).toEqual(defaultSettings());
    expect(fakeBrowser.storage.local.set).not.toHaveBeenCalled();
    expect(fakeBrowser.storage.local.data.get(SETTINGS_KEY)).toBe('corrupt');
  });

  it('does not throw when storage fails', async () => {
    fakeBrowser.storage.local.get.mockRejectedValueOnce(new Error('boom'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await loadSettings()).toEqual(defaultSettings());
    warn.mockRestore();
  });

  it('round-trips valid settings and writes only clean data', async () => {
    await saveSettings({
      enabledLists: { a: false },
      pausedSites: ['WWW.Example.com', 'bad host'],
      reviewMode: 'on',
    } as never);
    expect(fakeBrowser.storage.local.data.get(SETTINGS_KEY)).toEqual({
      ...defaultSettings(),
      enabledLists: { a: false },
      pausedSites: ['example.com'],
      reviewMode: false,
    });
    expect(await loadSettings()).toEqual({
      ...defaultSettings(),
      enabledLists: { a: false },
      pausedSites: ['example.com'],
      reviewMode: false,
    });
    await saveSettings(withReviewMode(await loadSettings(), true));
    expect((await loadSettings()).reviewMode).toBe(true);
  });
});
