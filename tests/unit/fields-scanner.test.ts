// Fields in the content script: PageScanner on a linkedom page applies the site adapter and
// the generic rules (block fields), scans the page's data as blocks without segments, and
// reports those matches as from the page data (nothing painted, "show on page" false).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { completeReport, scannerOnPage } from './helpers/scanner-page';
import compiled from '../../src/generated/compiled-lists.json';
import type { CompiledData } from '../../src/core/types';
import { isToBackground, type PageReport } from '../../src/shared/messages';
import { buildReport } from '../../src/content/frame-report';
import { mapMatchToRanges, revealRange } from '../../src/content/highlight';
import type { BlockScan } from '../../src/core/matcher';
import { localMatcher } from './helpers/local-matcher';

const data = compiled as unknown as CompiledData;

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('blocks without segments', () => {
  it('map to no ranges, and revealing them is false', () => {
    expect(mapMatchToRanges({ segments: [] }, 0, 5)).toEqual([]);
    expect(revealRange([])).toBe(false);
  });

  it('their matches are reported as from the page data, and the guard accepts that', () => {
    const scan: BlockScan = {
      matches: [
        {
          start: 0,
          end: 5,
          text: 'AHAVA',
          level: 'flag',
          matchType: 'alias',
          entity: 'e',
          entityName: 'E',
          name: 'Ahava',
          nameId: 1,
          lists: [],
          field: 'brand',
          evidence: [],
        } as unknown as BlockScan['matches'][number],
      ],
      guards: [],
    };
    const meta = { url: 'https://x.example/', title: 't', scannedAt: '2025-01-01T00:00:00Z' };
    const report = buildReport(
      [
        { id: 1, block: { text: 'AHAVA' }, fromPageData: true },
        { id: 2, block: { text: 'AHAVA' } },
      ],
      [scan, scan],
      { blocks: 2, chars: 10 },
      meta,
    );
    expect(report.matches.map((m) => m.fromPageData)).toEqual([true, undefined]);
    expect(isToBackground({ type: 'page-report', report })).toBe(true);
    const bad = { ...report, matches: [{ ...report.matches[0], fromPageData: 'yes' }] };
    expect(isToBackground({ type: 'page-report', report: bad })).toBe(false);
  });
});

it('PageScanner: fields from the structure and the page data, on a site adapter URL', async () => {
  const {
    scanner: s,
    reports,
    readerLoads,
  } = await scannerOnPage(
    '<!doctype html><html><head><title>T</title>' +
      '<script type="application/ld+json">{"@type":"Product","name":"Mineral cream","brand":{"@type":"Brand","name":"AHAVA"}}</script>' +
      '</head><body><h1>Mineral cream</h1><ul><li>Merk: Volvo</li></ul><p>We drove a Volvo here.</p></body></html>',
    { href: 'https://www.bol.com/nl/nl/p/x/1/' },
  );
  s.configure({ paused: false, matcher: localMatcher(data) });
  // The page names listed companies and holds data: the page reader is loaded and the page
  // read again with it before the report is complete.
  await completeReport(reports);
  const report = reports.at(-1)!;
  const rows = report.matches.map((m) => `${m.text}|${m.level}|${m.field}|${m.fromPageData ?? false}`);
  // The brand field corroborates "Volvo" where it stands; in prose it stays possible.
  expect(rows).toEqual(['Volvo|flag|brand|false', 'Volvo|possible|null|false', 'AHAVA|flag|brand|true']);
  const ahava = report.matches.find((m) => m.text === 'AHAVA')!;
  expect(ahava.context).toBe('AHAVA');
  expect(s.reveal(ahava.key)).toBe(false);
  // The visible page has three blocks; the page data one more.
  expect(report.blocks).toBe(4);

  // A rescan keeps the page-data match's key stable.
  const sent = reports.length;
  s.requestFull(true);
  await vi.waitFor(() => expect(reports.length).toBeGreaterThan(sent), { timeout: 5000, interval: 20 });
  expect(reports.at(-1)!.matches.find((m) => m.text === 'AHAVA')!.key).toBe(ahava.key);
  expect(readerLoads()).toBe(1);
  s.stop();
}, 10_000);
