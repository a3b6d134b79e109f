// Every UI string goes through the browser's i18n (public/_locales/<lang>/messages.json).
// tests/unit/locales.test.ts scans src/ for calls of t() with a literal key and checks each key exists in
// every locale, so keys must be written literally at the call site (a string literal as the first
// argument), never computed.
import { browser } from './browser';

export type Substitution = string | number;

const warned = new Set<string>();
const isDev = (): boolean => Boolean((import.meta as { env?: { DEV?: boolean } }).env?.DEV);

/**
 * The message for `key` in the browser's UI language, with $1..$9 substitutions.
 * Falls back to the key itself (never throws, never an empty string) when missing.
 */
export function t(key: string, substitutions?: Substitution | readonly Substitution[]): string {
  const subs =
    substitutions === undefined
      ? undefined
      : (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
  let message = '';
  try {
    message = browser.i18n.getMessage(key, subs);
  } catch {
    // getMessage throws only when the extension context is gone; the key still reads.
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
  try {
    return browser.i18n.getMessage('uiLocale') || browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}
