// Small display helpers shared by the extension pages. Pure apart from the locale.
import { uiLanguage } from './i18n';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A list date for display. Full ISO dates ("2025-09-26") are formatted in the UI
 * language; partial or free-form dates ("2023", "June 2024") are shown as the list
 * prints them, because inventing a day would misstate the source.
 */
export function formatListDate(value: string, locale: string = uiLanguage()): string {
  const m = ISO_DATE.exec(value.trim());
  if (!m) return value;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(date.getTime())) return value;
  try {
    return new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    }).format(date);
  } catch {
    return value;
  }
}

/** A count formatted for the UI language (1.234 in Dutch, 1,234 in English). */
export function formatCount(n: number, locale: string = uiLanguage()): string {
  try {
    return new Intl.NumberFormat(locale).format(n);
  } catch {
    return String(n);
  }
}

/** Hostname of a URL, or null for URLs without one (about:, data:, invalid). */
export function hostnameOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname;
    return host || null;
  } catch {
    return null;
  }
}
