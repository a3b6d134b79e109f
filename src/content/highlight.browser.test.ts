// Painting with the CSS Custom Highlight API in the real engines: the registry entries, the
// styles adopted with the first mark and kept until the marks are off (document and shadow roots), the pixels
// that actually change colour on screen and change back on clear(), and "show on page".
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import {
  clear,
  FLAG_HIGHLIGHT,
  FOCUS_HIGHLIGHT,
  highlightsSupported,
  MAX_PAINTED_RANGES,
  paint,
  POSSIBLE_HIGHLIGHT,
  revealRange,
  type RangeSpec,
} from './highlight';

const ours = [FLAG_HIGHLIGHT, POSSIBLE_HIGHLIGHT, FOCUS_HIGHLIGHT];

function textOf(el: Element): Text {
  const t = el.firstChild;
  if (!t || t.nodeType !== Node.TEXT_NODE) throw new Error('no text');
  return t as Text;
}
const whole = (node: Text): RangeSpec => ({ node, start: 0, end: node.length });

/** Our constructed sheet, if `root` adopted it: the one whose rules style our highlights. */
const ourSheet = (root: Document | ShadowRoot): CSSStyleSheet | undefined =>
  root.adoptedStyleSheets.find((s) => Array.from(s.cssRules).some((r) => r.cssText.includes(FLAG_HIGHLIGHT)));

/**
 * Counts the pixels of `el`'s screenshot tinted like a flag: the translucent orange over a
 * white page. Black text anti-aliased on white is grey (R = G = B) and never counts.
 */
async function tintedPixels(el: HTMLElement): Promise<number> {
  const base64 = await page.screenshot({ element: el, save: false });
  const img = new Image();
  img.src = `data:image/png;base64,${base64}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(img, 0, 0);
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  let n = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
    if (r > 200 && r - b > 40 && g > b) n++;
  }
  return n;
}

beforeEach(() => {
  document.body.innerHTML = '';
  document.body.style.cssText = 'margin: 0; background: #fff; color: #000; font: 32px/1.2 sans-serif';
});

afterEach(() => {
  clear();
  vi.useRealTimers();
});

describe('highlights', () => {
  it('are supported by both engines', () => {
    expect(highlightsSupported()).toBe(true);
  });

  it('register flags and possibles, and keep their styles until the marks are turned off', () => {
    document.body.innerHTML = '<p id="a">Ahava</p><p id="b">Possible Co</p>';
    const page0 = new CSSStyleSheet();
    document.adoptedStyleSheets = [page0]; // the page's own constructed sheet stays untouched
    expect(ourSheet(document)).toBeUndefined();

    paint([whole(textOf(document.getElementById('a')!))], [whole(textOf(document.getElementById('b')!))]);
    const flags = CSS.highlights.get(FLAG_HIGHLIGHT)!;
    const possibles = CSS.highlights.get(POSSIBLE_HIGHLIGHT)!;
    expect(flags.size).toBe(1);
    expect(possibles.size).toBe(1);
    expect(flags.priority).toBeGreaterThan(possibles.priority); // flags win where they overlap
    const [range] = flags.values() as Iterable<AbstractRange>;
    expect(range.startContainer).toBe(textOf(document.getElementById('a')!));
    expect(document.adoptedStyleSheets[0]).toBe(page0);
    expect(ourSheet(document)).toBeDefined();

    // Nothing possible any more: that highlight goes, the flag and the styles stay.
    paint([whole(textOf(document.getElementById('a')!))], []);
    expect(CSS.highlights.has(POSSIBLE_HIGHLIGHT)).toBe(false);
    expect(CSS.highlights.has(FLAG_HIGHLIGHT)).toBe(true);
    const sheet = ourSheet(document);
    expect(sheet).toBeDefined();

    // Nothing to mark any more: the highlights go, the styles stay (taking them out would
    // restyle the whole page, and so would adopting them again for the next mark).
    paint([], []);
    for (const name of ours) expect(CSS.highlights.has(name)).toBe(false);
    expect(ourSheet(document)).toBe(sheet);
    paint([whole(textOf(document.getElementById('b')!))], []);
    expect(CSS.highlights.get(FLAG_HIGHLIGHT)!.size).toBe(1);
    expect(document.adoptedStyleSheets.filter((s) => s === sheet)).toHaveLength(1);

    clear();
    for (const name of ours) expect(CSS.highlights.has(name)).toBe(false);
    expect(document.adoptedStyleSheets.length).toBe(1);
    expect(document.adoptedStyleSheets[0]).toBe(page0);
  });

  it('tint the text on screen, and the tint goes with clear()', async () => {
    document.body.innerHTML = '<p id="p" style="display: inline-block; margin: 0; padding: 4px">We sell Ahava</p>';
    const p = document.getElementById('p')!;
    const text = textOf(p);
    expect(await tintedPixels(p)).toBe(0);
    paint([{ node: text, start: 8, end: 13 }], []);
    const painted = await tintedPixels(p);
    expect(painted).toBeGreaterThan(100);
    // Only "Ahava" is tinted: the whole line tinted gives clearly more.
    paint([whole(text)], []);
    expect(await tintedPixels(p)).toBeGreaterThan(painted * 1.5);
    // Nothing painted, the styles kept: no tint.
    paint([], []);
    expect(await tintedPixels(p)).toBe(0);
    paint([{ node: text, start: 8, end: 13 }], []);
    expect(await tintedPixels(p)).toBeGreaterThan(100);
    clear();
    expect(await tintedPixels(p)).toBe(0);
  });

  it('tint a name inside nested elements, which take the styles from the root element', async () => {
    // A page whose own rules set the elements' colours: the tint still comes through.
    document.body.innerHTML =
      '<div id="d" style="display: inline-block; padding: 4px; color: #222">' +
      '<span style="color: #000">Sold by <b><i id="n" style="background: #fff">Ahava</i></b></span></div>';
    const d = document.getElementById('d')!;
    expect(await tintedPixels(d)).toBe(0);
    paint([whole(textOf(document.getElementById('n')!))], []);
    expect(await tintedPixels(d)).toBeGreaterThan(100);
    clear();
    expect(await tintedPixels(d)).toBe(0);
  });

  it("put the document's rules on its root element in Chromium, whose highlights inherit", () => {
    document.body.innerHTML = '<p id="a">Ahava</p>';
    paint([whole(textOf(document.getElementById('a')!))], []);
    const selectors = Array.from(ourSheet(document)!.cssRules)
      .filter((r): r is CSSStyleRule => 'selectorText' in r)
      .map((r) => r.selectorText);
    expect(selectors.length).toBe(3);
    const onRoot = navigator.userAgent.includes('Firefox') ? [] : selectors;
    expect(selectors.filter((x) => x.startsWith(':root::highlight('))).toEqual(onRoot);
  });

  it('style ranges inside a shadow root there, where document rules do not reach', async () => {
    const host = document.createElement('div');
    host.style.cssText = 'display: inline-block; padding: 4px';
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<span>Elbit Systems</span>';
    paint([whole(textOf(shadow.firstElementChild!))], []);
    expect(ourSheet(shadow)).toBeDefined();
    expect(ourSheet(document)).toBeUndefined(); // nothing painted in the document itself
    expect(await tintedPixels(host)).toBeGreaterThan(100);
    clear();
    expect(ourSheet(shadow)).toBeUndefined();
    expect(await tintedPixels(host)).toBe(0);
  });

  it('adopt the styles again when the page replaced its sheet list', async () => {
    document.body.innerHTML = '<p id="p" style="display: inline-block; margin: 0">Ahava</p>';
    const p = document.getElementById('p')!;
    paint([whole(textOf(p))], []);
    document.adoptedStyleSheets = []; // a framework assigning its own list
    expect(await tintedPixels(p)).toBe(0); // registered, but unstyled: nothing shows
    paint([whole(textOf(p))], []);
    expect(ourSheet(document)).toBeDefined();
    expect(await tintedPixels(p)).toBeGreaterThan(0);
  });

  it('skip text that left the page or shrank since the scan', () => {
    document.body.innerHTML = '<p id="a">Ahava</p><p id="b">Elbit Systems</p>';
    const gone = textOf(document.getElementById('a')!);
    const shrunk = textOf(document.getElementById('b')!);
    gone.parentElement!.remove();
    shrunk.data = 'Elbit';
    paint(
      [
        { node: gone, start: 0, end: 5 },
        { node: shrunk, start: 0, end: 13 },
        { node: shrunk, start: 6, end: 13 },
      ],
      [],
    );
    const ranges = [...(CSS.highlights.get(FLAG_HIGHLIGHT)!.values() as Iterable<AbstractRange>)];
    expect(ranges.map((r) => [r.startContainer, r.startOffset, r.endOffset])).toEqual([[shrunk, 0, 5]]);
    // Nothing left to paint: no highlight (the styles of the paint before stay).
    paint([{ node: gone, start: 0, end: 5 }], []);
    expect(CSS.highlights.has(FLAG_HIGHLIGHT)).toBe(false);
    // On a page not styled yet, text that left it brings no styles either.
    clear();
    paint([{ node: gone, start: 0, end: 5 }], []);
    expect(CSS.highlights.has(FLAG_HIGHLIGHT)).toBe(false);
    expect(ourSheet(document)).toBeUndefined();
  });

  it('paint flags first when there are more ranges than the bound', () => {
    const p = document.createElement('p');
    p.textContent = 'x'.repeat(MAX_PAINTED_RANGES + 10);
    document.body.append(p);
    const text = textOf(p);
    const one = (i: number): RangeSpec => ({ node: text, start: i, end: i + 1 });
    const flags = Array.from({ length: MAX_PAINTED_RANGES - 3 }, (_, i) => one(i));
    const possibles = Array.from({ length: 10 }, (_, i) => one(MAX_PAINTED_RANGES - 3 + i));
    paint(flags, possibles);
    expect(CSS.highlights.get(FLAG_HIGHLIGHT)!.size).toBe(MAX_PAINTED_RANGES - 3);
    expect(CSS.highlights.get(POSSIBLE_HIGHLIGHT)!.size).toBe(3);
  });

  it('leave alone a highlight of the same name that another copy of the script registered', () => {
    document.body.innerHTML = '<p id="a">Ahava</p>';
    paint([whole(textOf(document.getElementById('a')!))], []);
    // An extension update: the new copy registers under the same name in the same registry.
    const theirs = new Highlight();
    CSS.highlights.set(FLAG_HIGHLIGHT, theirs);
    clear();
    expect(CSS.highlights.get(FLAG_HIGHLIGHT)).toBe(theirs);
    CSS.highlights.delete(FLAG_HIGHLIGHT);
  });
});

describe('revealRange', () => {
  it('scrolls the match into view and emphasises it for two seconds', async () => {
    document.body.innerHTML =
      '<div style="height: 3000px"></div><p id="far">Ahava</p><div style="height: 3000px"></div>';
    window.scrollTo(0, 0);
    const far = document.getElementById('far')!;
    expect(far.getBoundingClientRect().top).toBeGreaterThan(window.innerHeight);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    expect(revealRange([whole(textOf(far))])).toBe(true);
    expect(CSS.highlights.get(FOCUS_HIGHLIGHT)!.size).toBe(1);
    expect(CSS.highlights.get(FOCUS_HIGHLIGHT)!.priority).toBeGreaterThan(1); // above flags
    vi.advanceTimersByTime(1900);
    expect(CSS.highlights.has(FOCUS_HIGHLIGHT)).toBe(true);
    vi.advanceTimersByTime(200);
    expect(CSS.highlights.has(FOCUS_HIGHLIGHT)).toBe(false);
    expect(ourSheet(document)).toBeUndefined(); // nothing else was painted
    // Smooth scrolling (unless the user asked for reduced motion) takes a few frames; polled
    // with real timers, as expect.poll moves fake ones on.
    vi.useRealTimers();
    await expect
      .poll(() => {
        const r = far.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      })
      .toBe(true);
  });

  it('leaves the styles in place after the emphasis while the marks are on, with nothing marked', () => {
    document.body.innerHTML = '<p id="a">Ahava</p>';
    const text = textOf(document.getElementById('a')!);
    paint([whole(text)], []);
    paint([], []); // the mark left the page; the marks are still on
    const sheet = ourSheet(document);
    expect(sheet).toBeDefined();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    expect(revealRange([whole(text)])).toBe(true);
    vi.advanceTimersByTime(2100);
    expect(CSS.highlights.has(FOCUS_HIGHLIGHT)).toBe(false);
    expect(ourSheet(document)).toBe(sheet);
    vi.useRealTimers();
  });

  it('answers false when the text is no longer on the page', () => {
    document.body.innerHTML = '<p id="a">Ahava</p>';
    const text = textOf(document.getElementById('a')!);
    text.parentElement!.remove();
    expect(revealRange([whole(text)])).toBe(false);
    expect(CSS.highlights.has(FOCUS_HIGHLIGHT)).toBe(false);
  });
});
