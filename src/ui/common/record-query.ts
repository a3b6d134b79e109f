// The report page's address: the popup's "Save a record" opens it for a tab and an export
// kind, and the report page reads them back. Both ends of that address live here.
import { browser } from '../../shared/browser';

export type ExportKind = 'print' | 'csv' | 'json';

/** Path of the report page in the built extension (CRXJS keeps source paths). */
export const REPORT_PAGE = 'src/ui/record/index.html';

export function reportUrl(tabId: number, kind: ExportKind): string {
  return browser.runtime.getURL(`${REPORT_PAGE}?tab=${tabId}&export=${kind}`);
}

export function parseReportQuery(search: string): { tabId: number | null; exportKind: ExportKind | null } {
  const q = new URLSearchParams(search);
  const tab = q.get('tab');
  const kind = q.get('export');
  return {
    tabId: tab !== null && /^\d{1,10}$/.test(tab) ? Number(tab) : null,
    exportKind: kind === 'print' || kind === 'csv' || kind === 'json' ? kind : null,
  };
}
