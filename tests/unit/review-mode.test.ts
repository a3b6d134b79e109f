// Review mode in the page: flags are always marked, possible matches only in review mode,
// and possibles are found and reported either way. The scanner runs on a linkedom page with
// a stand-in for the Custom Highlight API (highlight.ts captures it when loaded).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageReport } from '../../src/shared/messages';
import { bundledData as data, scannerOnPage } from './helpers/scanner-page';
import { localMatcher } from './helpers/local-matcher';

const { markFor, ReviewModeState } = await import('../../src/content/review-mode');
const { isPopupToContent, isToBackground } = await import('../../src/shared/messages');
const { buildReport, reportSignature } = await import('../../src/content/frame-report');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class FakeHighlight {
  ranges: FakeStaticRange[] = [];
  priority = 0;
  add(r: FakeStaticRange) {
    this.ranges.push(r);
    return this;
  }
}
class FakeStaticRange {
  constructor(public init: { startContainer: Text; startOffset: number; endOffset: number }) {}
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('markFor', () => {
  it('marks flags always and possible matches only in review mode', () => {
    expect(markFor('flag', false)).toBe('flag');
    expect(markFor('flag', true)).toBe('flag');
    expect(markFor('possible', false)).toBeNull();
    expect(markFor('possible', true)).toBe('possible');
  });
});

describe('ReviewModeState', () => {
  it('follows the option until the popup chooses for this page, then keeps that choice', () => {
    const s = new ReviewModeState();
    expect(s.on).toBe(false);
    s.setOption(true);
    expect(s.on).toBe(true);
    s.setOverride(false);
    expect(s.on).toBe(false);
    // A later change of the option does not undo the choice made for this tab.
    s.setOption(true);
    expect(s.on).toBe(false);
    s.setOverride(true);
    s.setOption(false);
    expect(s.on).toBe(true);
  });
});

describe('messages', () => {
  it("take the popup's switch only as a boolean", () => {
    expect(isPopupToContent({ type: 'set-review-mode', on: true })).toBe(true);
    expect(isPopupToContent({ type: 'set-review-mode', on: false })).toBe(true);
    for (const on of ['true', 1, null, undefined]) {
      expect(isPopupToContent({ type: 'set-review-mode', on })).toBe(false);
    }
  });

  it('report the state, and a change of it alone is a new report', () => {
    const meta = { url: 'https://shop.example/x', title: 'T', scannedAt: '2026-01-01T00:00:00.000Z' };
    const off = buildReport([], [], { blocks: 1, chars: 10 }, meta, false, false);
    const on = buildReport([], [], { blocks: 1, chars: 10 }, meta, false, true);
    expect([off.reviewMode, on.reviewMode]).toEqual([false, true]);
    expect(reportSignature(on)).not.toBe(reportSignature(off));
    expect(isToBackground({ type: 'page-report', report: on })).toBe(true);
    expect(isToBackground({ type: 'page-report', report: { ...on, reviewMode: 'yes' } })).toBe(false);
    // Reports from before the field existed still validate.
    const { reviewMode: _, ...old } = on;
    expect(isToBackground({ type: 'page-report', report: old })).toBe(true);
  });
});

describe('PageScanner painting', () => {
  // "Ahava" flags on its own; the other names are weak and stand alone in running text.
  const PAGE =
    '<!doctype html><html lang="en"><head><title>Shop</title></head><body>' +
    '<p>We sell Ahava cream.</p>' +
    '<p>A councillor asked whether it will be Volvo or another make.</p>' +
    '<p>Colour: Orange</p>' +
    '<button>Yes</button>' +
    '</body></html>';

  async function scannerWithHighlights() {
    const registry = new Map<string, FakeHighlight>();
    vi.stubGlobal('Highlight', FakeHighlight);
    vi.stubGlobal('StaticRange', FakeStaticRange);
    vi.stubGlobal('CSS', { highlights: registry });
    const page = await scannerOnPage(PAGE);
    const { FLAG_HIGHLIGHT, POSSIBLE_HIGHLIGHT } = await import('../../src/content/highlight');
    const painted = (name: string) =>
      (registry.get(name)?.ranges ?? []).map((r) =>
        r.init.startContainer.data.slice(r.init.startOffset, r.init.endOffset),
      );
    return {
      ...page,
      flags: () => painted(FLAG_HIGHLIGHT),
      possibles: () => painted(POSSIBLE_HIGHLIGHT),
      hasPossibleHighlight: () => registry.has(POSSIBLE_HIGHLIGHT),
    };
  }

  const texts = (r: PageReport | undefined, level: 'flag' | 'possible') =>
    (r?.matches ?? []).filter((m) => m.level === level).map((m) => m.text);

  it('paints only flags by default, and possibles too in review mode, without scanning again', async () => {
    const p = await scannerWithHighlights();
    p.scanner.configure({ paused: false, matcher: localMatcher(data) });
    await sleep(700);
    const first = p.reports.at(-1)!;
    expect(texts(first, 'flag')).toEqual(['Ahava']);
    // Possibles are found and reported: the popup lists them.
    const possibles = texts(first, 'possible');
    expect(possibles.length).toBeGreaterThan(0);
    expect(first.reviewMode).toBe(false);
    expect(p.flags()).toEqual(['Ahava']);
    expect(p.possibles()).toEqual([]);
    expect(p.hasPossibleHighlight()).toBe(false);

    p.scanner.setReviewMode(true);
    await sleep(700);
    const on = p.reports.at(-1)!;
    expect(on.reviewMode).toBe(true);
    expect(p.possibles()).toEqual(possibles);
    expect(p.flags()).toEqual(['Ahava']);
    // Same matches, same keys: only the marks changed.
    expect(on.matches.map((m) => m.key)).toEqual(first.matches.map((m) => m.key));

    p.scanner.setReviewMode(false);
    await sleep(700);
    expect(p.reports.at(-1)!.reviewMode).toBe(false);
    expect(p.hasPossibleHighlight()).toBe(false);
    expect(p.flags()).toEqual(['Ahava']);
    p.scanner.stop();
  });

  it('paints possibles from the first scan when review mode is on before it starts', async () => {
    const p = await scannerWithHighlights();
    p.scanner.setReviewMode(true);
    p.scanner.configure({ paused: false, matcher: localMatcher(data) });
    await sleep(700);
    const report = p.reports.at(-1)!;
    expect(report.reviewMode).toBe(true);
    expect(p.possibles()).toEqual(texts(report, 'possible'));
    expect(p.possibles().length).toBeGreaterThan(0);
    // Setting the same state again sends nothing new.
    const sent = p.reports.length;
    p.scanner.setReviewMode(true);
    await sleep(700);
    expect(p.reports.length).toBe(sent);
    p.scanner.stop();
  });
});
