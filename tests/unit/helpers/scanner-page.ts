// A PageScanner on a linkedom page, as the content script runs it: the page's globals stubbed
// (document, window, location, MutationObserver) and the scanner module loaded fresh, so
// module state (highlights, observers) never leaks between tests. Callers restore the
// globals with vi.unstubAllGlobals() in afterEach.
import { expect, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import compiled from '../../../src/generated/compiled-lists.json';
import type { CompiledData } from '../../../src/core/types';
import type { PageReport } from '../../../src/shared/messages';
import type { Delivery, PageScanner } from '../../../src/content/page-scanner';
import type { PageReader } from '../../../src/content/page-reader-api';

export const bundledData = compiled as unknown as CompiledData;

export interface ScannerPage {
  scanner: PageScanner;
  /** Every report the scanner sent (with the default host). */
  reports: PageReport[];
  document: Document;
  /** How often the scanner loaded the page reader. */
  readerLoads: () => number;
}

export async function scannerOnPage(
  html: string,
  opts: {
    href?: string;
    send?: (report: PageReport) => Promise<Delivery>;
    /** Instead of the page reader's module (src/content/page-reader.ts), as the content script imports it. */
    loadReader?: () => Promise<PageReader>;
    /** As the content script asks for the user's dismissals (none by default: marks at once). */
    wantDismissals?: () => void;
  } = {},
): Promise<ScannerPage> {
  const w = parseHTML(html);
  const url = new URL(opts.href ?? 'https://shop.example/x');
  vi.stubGlobal('document', w.document);
  vi.stubGlobal('window', w.window);
  vi.stubGlobal('location', { href: url.href, hostname: url.hostname });
  vi.stubGlobal('MutationObserver', w.MutationObserver);
  vi.resetModules();
  const { PageScanner } = await import('../../../src/content/page-scanner');
  const reports: PageReport[] = [];
  const send =
    opts.send ??
    (async (report: PageReport): Promise<Delivery> => {
      reports.push(report);
      return 'sent';
    });
  let loads = 0;
  const loadReader = async (): Promise<PageReader> => {
    loads++;
    if (opts.loadReader) return opts.loadReader();
    return (await import('../../../src/content/page-reader')).reader;
  };
  return {
    scanner: new PageScanner({ send, loadReader, wantDismissals: opts.wantDismissals }),
    reports,
    document: w.document as unknown as Document,
    readerLoads: () => loads,
  };
}

/** Waits (real clocks) until the scanner's last report is a complete one, and returns it. */
export async function completeReport(reports: readonly PageReport[]): Promise<PageReport> {
  await vi.waitFor(() => expect(reports.length > 0 && reports.at(-1)!.scanning !== true).toBe(true), {
    timeout: 5000,
    interval: 20,
  });
  return reports.at(-1)!;
}
