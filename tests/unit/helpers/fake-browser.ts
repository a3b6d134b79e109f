// An in-memory stand-in for the parts of the WebExtension API the extension pages and
// the background use, for unit tests (there is no `chrome` or `browser` outside an
// extension). Tests swap it in with:
//   vi.mock('../../src/shared/browser', async () => ({ browser: (await import('./helpers/fake-browser')).fakeBrowser }));
// i18n answers from the real public/_locales/en/messages.json, placeholders included,
// so tests see the strings users see.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { vi } from 'vitest';

interface LocaleMessage {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export function loadLocale(lang: string): Record<string, LocaleMessage> {
  return JSON.parse(readFileSync(resolve(__dirname, `../../../public/_locales/${lang}/messages.json`), 'utf8'));
}

/** chrome.i18n.getMessage semantics: named placeholders -> $n substitutions, "$$" -> "$". */
export function formatMessage(entry: LocaleMessage | undefined, subs?: string | string[]): string {
  if (!entry) return '';
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  const fill = (s: string) => s.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  const placeholders = Object.fromEntries(
    Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]),
  );
  return entry.message
    .replace(/\$([a-z0-9_@]+)\$/gi, (whole, name: string) => {
      const content = placeholders[name.toLowerCase()];
      return content === undefined ? whole : fill(content);
    })
    .replace(/\$\$/g, '$');
}

type Listener = (...args: any[]) => any;

function event() {
  const listeners = new Set<Listener>();
  return {
    listeners,
    addListener: (l: Listener) => void listeners.add(l),
    removeListener: (l: Listener) => void listeners.delete(l),
    hasListener: (l: Listener) => listeners.has(l),
    emit: (...args: unknown[]) => [...listeners].map((l) => l(...args)),
  };
}

const storageChanged = event();

function area(name: string) {
  const data = new Map<string, unknown>();
  const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));
  return {
    data,
    get: vi.fn(async (keys?: string | string[] | null) => {
      const wanted = keys == null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      const out: Record<string, unknown> = {};
      for (const k of wanted) if (data.has(k)) out[k] = clone(data.get(k));
      return out;
    }),
    set: vi.fn(async (items: Record<string, unknown>) => {
      const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: data.get(k), newValue: clone(v) };
        data.set(k, clone(v));
      }
      storageChanged.emit(changes, name);
    }),
    remove: vi.fn(async (keys: string | string[]) => {
      const changes: Record<string, { oldValue?: unknown }> = {};
      for (const k of Array.isArray(keys) ? keys : [keys]) {
        if (data.has(k)) changes[k] = { oldValue: data.get(k) };
        data.delete(k);
      }
      if (Object.keys(changes).length > 0) storageChanged.emit(changes, name);
    }),
  };
}

const EXTENSION_BASE = 'chrome-extension://testextensionid/';

function makeFake() {
  const en = loadLocale('en');
  return {
    i18n: {
      getMessage: vi.fn((key: string, subs?: string | string[]) => formatMessage(en[key], subs)),
      getUILanguage: vi.fn(() => 'en'),
    },
    storage: {
      local: area('local'),
      session: area('session'),
      onChanged: storageChanged,
    },
    runtime: {
      id: 'testextensionid',
      getURL: vi.fn((path: string) => EXTENSION_BASE + path.replace(/^\//, '')),
      getManifest: vi.fn(() => ({
        options_ui: { page: 'src/ui/options/index.html' },
        content_scripts: [{ js: ['assets/content-abc123.js'], css: ['assets/highlight-def456.css'] }],
      })),
      sendMessage: vi.fn(async (_message: unknown): Promise<unknown> => undefined),
      openOptionsPage: vi.fn(async () => undefined),
      onMessage: event(),
    },
    action: {
      setBadgeText: vi.fn(async (_d: unknown) => undefined),
      setBadgeBackgroundColor: vi.fn(async (_d: unknown) => undefined),
      setBadgeTextColor: vi.fn(async (_d: unknown) => undefined),
      setTitle: vi.fn(async (_d: unknown) => undefined),
    },
    tabs: {
      query: vi.fn(async (_q: unknown) => [{ id: 7, url: 'https://shop.example.com/item' }]),
      get: vi.fn(async (id: number) => ({ id, url: 'https://shop.example.com/item' })),
      sendMessage: vi.fn(async (_tabId: number, _message: unknown, _options?: unknown): Promise<unknown> => undefined),
      onRemoved: event(),
      onUpdated: event(),
      onReplaced: event(),
    },
    scripting: {
      executeScript: vi.fn(async (_i: unknown) => [] as unknown[]),
      insertCSS: vi.fn(async (_i: unknown) => undefined),
    },
  };
}

export type FakeBrowser = ReturnType<typeof makeFake>;

export const fakeBrowser: FakeBrowser = makeFake();

export const extensionBase = EXTENSION_BASE;

/** Forget stored data and recorded calls between tests. */
export function resetFakeBrowser(): void {
  fakeBrowser.storage.local.data.clear();
  fakeBrowser.storage.session.data.clear();
  storageChanged.listeners.clear();
  vi.clearAllMocks();
}
