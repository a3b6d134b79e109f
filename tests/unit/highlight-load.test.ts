// Every page of every covered site loads the content script, and most never paint: loading
// the painting module must not touch the browser's painting interfaces (each first touch
// costs a fresh content-script world something); the first paint, or the question whether
// painting works, reads them.
import { afterEach, describe, expect, it, vi } from 'vitest';

const NAMES = ['Highlight', 'StaticRange', 'CSS', 'CSSStyleSheet'] as const;
const g = globalThis as Record<string, unknown>;

afterEach(() => {
  for (const name of NAMES) delete g[name];
  vi.resetModules();
});

/** Getters on the global object that count each read, by name. */
function countReads(): Map<string, number> {
  const reads = new Map<string, number>();
  class FakeHighlight {
    add(): void {}
  }
  const values: Record<(typeof NAMES)[number], unknown> = {
    Highlight: FakeHighlight,
    StaticRange: class {},
    CSS: { highlights: { set() {}, delete() {}, get() {} } },
    CSSStyleSheet: class {},
  };
  for (const name of NAMES)
    Object.defineProperty(g, name, {
      configurable: true,
      get: () => {
        reads.set(name, (reads.get(name) ?? 0) + 1);
        return values[name];
      },
    });
  return reads;
}

describe('the painting module at load', () => {
  it('reads none of the painting interfaces until asked', async () => {
    const reads = countReads();
    vi.resetModules();
    const highlight = await import('../../src/content/highlight');
    expect([...reads.keys()]).toEqual([]);
    expect(highlight.highlightsSupported()).toBe(true);
    expect(reads.get('Highlight')).toBeGreaterThan(0);
    expect(reads.get('CSS')).toBeGreaterThan(0);
  });

  it('where an interface is missing, says painting is not supported', async () => {
    const reads = countReads();
    delete g.StaticRange;
    vi.resetModules();
    const highlight = await import('../../src/content/highlight');
    expect(highlight.highlightsSupported()).toBe(false);
    expect(reads.get('Highlight')).toBeGreaterThan(0);
  });
});
