// Small display helpers shared by the extension pages. Pure apart from the locale.
import { uiLanguage } from './i18n';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/**
 * A list date for display. Full ISO dates ("2025-09-26") are formatted in the UI
 * language, a month ("2021-06") as month and year; years and free-form dates ("2023",
 * "June 2024") are shown as the list prints them, because inventing a day would misstate
 * the source.
 */
export function formatListDate(value: string, locale: string = uiLanguage()): string {
  const month = ISO_MONTH.exec(value.trim());
  if (month) {
    const n = Number(month[2]);
    if (n < 1 || n > 12) return value;
    try {
      return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
        new Date(Date.UTC(Number(month[1]), n - 1, 1)),
      );
    } catch {
      return value;
    }
  }
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

/** How old a list is, from whole months: "this month", "14 months ago", "3 years ago". */
export function formatListAge(months: number, locale: string = uiLanguage()): string {
  try {
    const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    if (months < 24) return rtf.format(-months, 'month');
    return rtf.format(-Math.floor(months / 12), 'year');
  } catch {
    return `${months}`;
  }
}
