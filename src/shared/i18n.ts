// Every UI string goes through the browser's i18n (public/_locales/<lang>/messages.json).
// tests/unit/locales.test.ts scans src/ for calls of t() with a literal key and checks each key exists in
// every locale, so keys must be written literally at the call site (a string literal as the first
// argument), never computed.
//
// The browser picks the locale from its own UI language, and chrome.i18n cannot switch at run
// time. When the user chooses a language in the options (settings.uiLanguage), the extension
// pages call loadUiLanguage() before their first render: it reads that locale's messages.json
// from the extension package and t() answers from it, falling back to browser.i18n for a key the
// file lacks (or when it cannot be read).
import { browser } from './browser';
import { UI_LANGUAGES, loadSettings, type UiLanguageChoice } from './settings';

export type Substitution = string | number;

/** One entry of a messages.json file, as the browser reads it. */
export interface LocaleMessage {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type LocaleMessages = Record<string, LocaleMessage>;

const warned = new Set<string>();
const isDev = (): boolean => Boolean((import.meta as { env?: { DEV?: boolean } }).env?.DEV);

/** The chosen locale's messages when the user overrides the browser's language; null otherwise. */
let chosen: LocaleMessages | null = null;

/**
 * chrome.i18n.getMessage semantics on one entry: named placeholders ($NAME$, case-insensitive)
 * become their content, $1..$9 in a content the substitutions, "$$" a dollar sign.
 */
export function formatLocaleMessage(entry: LocaleMessage, subs: readonly string[]): string {
  const placeholders = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content] as const),
  );
  const fill = (s: string) => s.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  return entry.message
    .replace(/\$([a-z0-9_@]+)\$/gi, (whole, name: string) => {
      const content = placeholders.get(name.toLowerCase());
      return content === undefined ? whole : fill(content);
    })
    .replace(/\$\$/g, '$');
}

/**
 * The message for `key` in the chosen language (or the browser's UI language), with $1..$9
 * substitutions. Falls back to the key itself (never throws, never an empty string) when missing.
 */
export function t(key: string, substitutions?: Substitution | readonly Substitution[]): string {
  const subs =
    substitutions === undefined
      ? undefined
      : (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
  let message = '';
  const own = chosen && Object.prototype.hasOwnProperty.call(chosen, key) ? chosen[key] : undefined;
  if (own && typeof own.message === 'string') message = formatLocaleMessage(own, subs ?? []);
  if (!message) {
    try {
      message = browser.i18n.getMessage(key, subs);
    } catch {
      // getMessage throws only when the extension context is gone; the key still reads.
    }
  }
  if (message) return message;
  if (isDev() && !warned.has(key)) {
    warned.add(key);
    console.warn(`Settlement Screen: missing i18n message "${key}"`);
  }
  return key;
}

/**
 * BCP 47 tag for Intl formatting: the language of the messages actually shown (each
 * locale states its own tag in `uiLocale`), so dates read in the same language as the
 * sentence around them even when the browser picked a fallback locale.
 */
export function uiLanguage(): string {
  const own = chosen?.uiLocale?.message;
  if (typeof own === 'string' && own) return own;
  try {
    return browser.i18n.getMessage('uiLocale') || browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

/** Use these messages ahead of the browser's (null: the browser's only). For tests and loadUiLanguage. */
export function setLocaleMessages(messages: LocaleMessages | null): void {
  chosen = messages;
}

/**
 * Reads the chosen locale's messages.json from the extension package. A page of the extension
 * may fetch its own files (no web_accessible_resources needed). Null for 'auto', or when the
 * file cannot be read or is not a messages object: then the browser's language applies.
 */
export async function fetchLocaleMessages(language: UiLanguageChoice): Promise<LocaleMessages | null> {
  if (language === 'auto' || !(UI_LANGUAGES as readonly string[]).includes(language)) return null;
  try {
    const response = await fetch(browser.runtime.getURL(`_locales/${language}/messages.json`));
    if (!response.ok) return null;
    const data: unknown = await response.json();
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
    return data as LocaleMessages;
  } catch {
    return null;
  }
}

/**
 * Before an extension page renders: honour the language chosen in the settings, and set the
 * document's language to the one shown.
 */
export async function loadUiLanguage(): Promise<void> {
  const settings = await loadSettings();
  setLocaleMessages(await fetchLocaleMessages(settings.uiLanguage));
  if (typeof document !== 'undefined') document.documentElement.lang = uiLanguage();
}
