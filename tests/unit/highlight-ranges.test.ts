import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { mapMatchToRanges, type RangeSpec } from '../../src/content/highlight';
import { collectBlocks, type TextSegment } from '../../src/formats/page/collect-blocks';
import { isHiddenStatic } from '../../src/formats/page/visibility';

/** Synthetic segments: fake text nodes laid out with the given gaps (inserted spaces). */
function layout(parts: string[], gaps: number[]): { text: string; segments: TextSegment[] } {
  let text = '';
  const segments: TextSegment[] = [];
  parts.forEach((data, i) => {
    if (i > 0) text += ' '.repeat(gaps[i - 1]);
    const node = { data, length: data.length, name: `n${i}` } as unknown as Text;
    segments.push({ node, start: text.length, end: text.length + data.length });
    text += data;
  });
  return { text, segments };
}

const names = (ranges: RangeSpec[]) =>
  ranges.map((r) => [(r.node as unknown as { name: string }).name, r.start, r.end]);

describe('mapMatchToRanges', () => {
  const block = layout(['Buy ', 'Ah', 'ava', 'Dead', 'Sea'], [0, 0, 1, 1]);
  // text: "Buy Ahava Dead Sea" with inserted spaces at 9 and 14

  it('maps a match inside one node to node offsets', () => {
    expect(block.text).toBe('Buy Ahava Dead Sea');
    expect(names(mapMatchToRanges(block, 0, 3))).toEqual([['n0', 0, 3]]);
    expect(names(mapMatchToRanges(block, 10, 14))).toEqual([['n3', 0, 4]]);
  });

  it('splits a match across text nodes into one range per node', () => {
    expect(names(mapMatchToRanges(block, 4, 9))).toEqual([
      ['n1', 0, 2],
      ['n2', 0, 3],
    ]);
  });

  it('leaves out inserted separator spaces', () => {
    expect(names(mapMatchToRanges(block, 4, 18))).toEqual([
      ['n1', 0, 2],
      ['n2', 0, 3],
      ['n3', 0, 4],
      ['n4', 0, 3],
    ]);
    expect(mapMatchToRanges(block, 9, 10)).toEqual([]);
  });

  it('handles partial nodes at both ends', () => {
    expect(names(mapMatchToRanges(block, 2, 6))).toEqual([
      ['n0', 2, 4],
      ['n1', 0, 2],
    ]);
    expect(names(mapMatchToRanges(block, 5, 7))).toEqual([
      ['n1', 1, 2],
      ['n2', 0, 1],
    ]);
  });

  it('returns nothing for empty or out-of-range matches', () => {
    expect(mapMatchToRanges(block, 5, 5)).toEqual([]);
    expect(mapMatchToRanges(block, 7, 5)).toEqual([]);
    expect(mapMatchToRanges(block, 100, 120)).toEqual([]);
    expect(mapMatchToRanges({ segments: [] }, 0, 3)).toEqual([]);
  });

  it('agrees with collectBlocks on real markup', () => {
    const { document } = parseHTML('<html><body><p>Buy <b>Ah</b>ava<br><i>Dead</i> Sea</p></body></html>');
    const [b] = collectBlocks(document as unknown as Document, { isHidden: isHiddenStatic });
    const start = b.text.indexOf('Ahava');
    const ranges = mapMatchToRanges(b, start, start + 'Ahava Dead'.length);
    expect(ranges.map((r) => r.node.data.slice(r.start, r.end))).toEqual(['Ah', 'ava', 'Dead']);
  });
});

// ---- paint / clear with a fake Custom Highlight API (the module captures it at load) ----

class FakeHighlight {
  ranges: FakeStaticRange[] = [];
  priority = 0;
  add(r: FakeStaticRange) {
    this.ranges.push(r);
    return this;
  }
}
class FakeStaticRange {
  constructor(public init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }) {}
}

async function loadWithFakeApi() {
  const registry = new Map<string, FakeHighlight>();
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('StaticRange', FakeStaticRange);
  vi.stubGlobal('CSS', { highlights: registry });
  vi.resetModules();
  const mod = await import('../../src/content/highlight');
  return { mod, registry };
}

describe('paint and clear', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  function pageRanges() {
    const { document } = parseHTML('<html><body><p id="a">Ahava Dead Sea</p><p id="b">Elbit</p></body></html>');
    const a = (document.getElementById('a') as unknown as Element).firstChild as Text;
    const b = (document.getElementById('b') as unknown as Element).firstChild as Text;
    return { document, a, b };
  }

  it('does nothing (and does not throw) without the API', async () => {
    vi.resetModules();
    const mod = await import('../../src/content/highlight');
    const { a } = pageRanges();
    expect(mod.highlightsSupported()).toBe(false);
    expect(() => mod.paint([{ node: a, start: 0, end: 5 }], [])).not.toThrow();
    expect(() => mod.clear()).not.toThrow();
  });

  it('registers one highlight per class with a range per spec', async () => {
    const { mod, registry } = await loadWithFakeApi();
    const { a, b } = pageRanges();
    expect(mod.highlightsSupported()).toBe(true);
    mod.paint(
      [
        { node: a, start: 0, end: 5 },
        { node: a, start: 6, end: 10 },
      ],
      [{ node: b, start: 0, end: 5 }],
    );
    const flag = registry.get(mod.FLAG_HIGHLIGHT);
    const possible = registry.get(mod.POSSIBLE_HIGHLIGHT);
    expect(flag?.ranges.map((r) => [r.init.startOffset, r.init.endOffset])).toEqual([
      [0, 5],
      [6, 10],
    ]);
    expect(possible?.ranges).toHaveLength(1);
    expect(possible?.ranges[0].init.startContainer).toBe(b);
    expect((flag?.priority ?? 0) > (possible?.priority ?? 0)).toBe(true);

    // Repainting with no possibles removes that highlight; clear removes the rest.
    mod.paint([{ node: a, start: 0, end: 5 }], []);
    expect(registry.has(mod.POSSIBLE_HIGHLIGHT)).toBe(false);
    expect(registry.get(mod.FLAG_HIGHLIGHT)?.ranges).toHaveLength(1);
    mod.clear();
    expect(registry.size).toBe(0);
  });

  it('skips disconnected nodes and clamps to the current text length', async () => {
    const { mod, registry } = await loadWithFakeApi();
    const { a, b } = pageRanges();
    b.remove();
    a.data = 'Ahava';
    mod.paint([{ node: b, start: 0, end: 5 }], [{ node: a, start: 0, end: 14 }]);
    expect(registry.has(mod.FLAG_HIGHLIGHT)).toBe(false);
    expect(registry.get(mod.POSSIBLE_HIGHLIGHT)?.ranges[0].init.endOffset).toBe(5);
  });

  it('bounds the number of painted ranges, flags first', async () => {
    const { mod, registry } = await loadWithFakeApi();
    const { a } = pageRanges();
    const many = Array.from({ length: mod.MAX_PAINTED_RANGES + 10 }, () => ({ node: a, start: 0, end: 1 }));
    mod.paint(many, [{ node: a, start: 1, end: 2 }]);
    expect(registry.get(mod.FLAG_HIGHLIGHT)?.ranges).toHaveLength(mod.MAX_PAINTED_RANGES);
    expect(registry.has(mod.POSSIBLE_HIGHLIGHT)).toBe(false);
  });

  it('does not delete a highlight another copy of the script registered', async () => {
    const { mod, registry } = await loadWithFakeApi();
    const theirs = new FakeHighlight();
    registry.set(mod.FLAG_HIGHLIGHT, theirs);
    mod.clear();
    expect(registry.get(mod.FLAG_HIGHLIGHT)).toBe(theirs);
  });

  it('never throws into the page when the registry misbehaves', async () => {
    const registry = {
      set() {
        throw new Error('page broke it');
      },
      delete() {
        throw new Error('page broke it');
      },
    };
    vi.stubGlobal('Highlight', FakeHighlight);
    vi.stubGlobal('StaticRange', FakeStaticRange);
    vi.stubGlobal('CSS', { highlights: registry });
    vi.resetModules();
    const mod = await import('../../src/content/highlight');
    const { a } = pageRanges();
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    expect(() => mod.paint([{ node: a, start: 0, end: 5 }], [])).not.toThrow();
    expect(() => mod.clear()).not.toThrow();
    expect(debug).toHaveBeenCalled();
    debug.mockRestore();
  });

  it('revealRange scrolls to the first live node and adds a focus highlight', async () => {
    vi.useFakeTimers();
    try {
      const { mod, registry } = await loadWithFakeApi();
      const { a } = pageRanges();
      const parent = a.parentElement as Element & { scrollIntoView: (o: unknown) => void };
      const calls: unknown[] = [];
      parent.scrollIntoView = (o) => calls.push(o);
      expect(mod.revealRange([{ node: a, start: 0, end: 5 }])).toBe(true);
      expect(calls).toEqual([expect.objectContaining({ block: 'center' })]);
      expect(registry.get(mod.FOCUS_HIGHLIGHT)?.ranges).toHaveLength(1);
      vi.advanceTimersByTime(2100);
      expect(registry.has(mod.FOCUS_HIGHLIGHT)).toBe(false);
      a.remove();
      expect(mod.revealRange([{ node: a, start: 0, end: 5 }])).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
