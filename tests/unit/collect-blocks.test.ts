import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import {
  blockContainerOf,
  collectBlocks,
  containsComposed,
  iterateBlocks,
  type CollectOptions,
  type PageBlock,
} from '../../src/formats/page/collect-blocks';
import { hiddenTestFor, isHiddenInBrowser, isHiddenStatic } from '../../src/formats/page/visibility';

function docOf(body: string): Document {
  return parseHTML(
    `<!doctype html><html><head><title>Ahava title</title><style>p{}</style></head><body>${body}</body></html>`,
  ).document as unknown as Document;
}

function blocks(body: string, extra: Partial<CollectOptions> = {}): PageBlock[] {
  const doc = docOf(body);
  return collectBlocks(doc, { isHidden: isHiddenStatic, ...extra });
}

const texts = (body: string, extra: Partial<CollectOptions> = {}): string[] => blocks(body, extra).map((b) => b.text);

function expectSegmentsConsistent(list: PageBlock[]): void {
  for (const b of list) {
    let prevEnd = 0;
    for (const s of b.segments) {
      expect(s.start).toBeGreaterThanOrEqual(prevEnd);
      expect(b.text.slice(s.start, s.end)).toBe(s.node.data);
      prevEnd = s.end;
    }
    // Between segments there is nothing, or one inserted space.
    expect(b.segments[0].start).toBe(0);
    expect(b.segments[b.segments.length - 1].end).toBe(b.text.length);
    for (let i = 1; i < b.segments.length; i++) {
      const gap = b.text.slice(b.segments[i - 1].end, b.segments[i].start);
      expect(gap === '' || gap === ' ').toBe(true);
    }
  }
}

describe('collectBlocks', () => {
  it('joins inline markup into one block', () => {
    expect(texts('<p><b>Ahava</b> Dead Sea</p>')).toEqual(['Ahava Dead Sea']);
    expect(texts('<p>Made by <a href="#"><span>Acme</span></a> <em>Ltd</em>.</p>')).toEqual(['Made by Acme Ltd.']);
  });

  it('does not invent spaces inside words split by inline tags', () => {
    expect(texts('<p>Ah<b>ava</b></p>')).toEqual(['Ahava']);
    expect(texts('<p><span>Ah</span><span>ava</span> cream</p>')).toEqual(['Ahava cream']);
    expect(texts('<p>Ah<wbr>ava</p>')).toEqual(['Ahava']);
  });

  it('puts one space where whitespace-only nodes or <br> separate words', () => {
    expect(texts('<p><b>Ahava</b>\n   <i>Dead Sea</i></p>')).toEqual(['Ahava Dead Sea']);
    expect(texts('<p>Ahava<br>Dead Sea</p>')).toEqual(['Ahava Dead Sea']);
    expect(texts('<p>Acme<input value="x">Ltd</p>')).toEqual(['Acme Ltd']);
  });

  it('keeps table cells, list items and other blocks apart', () => {
    expect(
      texts('<table><tr><td>Ahava</td><td>Dead Sea</td></tr><tr><th>Elbit</th><td>Systems</td></tr></table>'),
    ).toEqual(['Ahava', 'Dead Sea', 'Elbit', 'Systems']);
    expect(texts('<ul><li>Partner</li><li>Communications</li></ul>')).toEqual(['Partner', 'Communications']);
    expect(texts('<div>Supplier:<div>Acme</div>Ltd</div>')).toEqual(['Supplier:', 'Acme', 'Ltd']);
    expect(texts('<h2>Elbit</h2><p>Systems</p>')).toEqual(['Elbit', 'Systems']);
  });

  it('treats unknown and custom elements as block boundaries', () => {
    expect(texts('<p>Elbit<x-card>Systems</x-card></p>')).toEqual(['Elbit', 'Systems']);
  });

  it('skips script, style, noscript, template, head and form fields', () => {
    const out = texts(
      '<p>visible</p><script>var Ahava = 1;</script><style>.Ahava{}</style><noscript>Ahava</noscript>' +
        '<template><p>Ahava</p></template><textarea>Ahava</textarea><select><option>Ahava</option></select>' +
        '<input value="Ahava"><svg><style>.a{}</style><title>Ahava</title><text>logo</text></svg>',
    );
    expect(out).toEqual(['visible', 'logo']);
  });

  it('keeps button labels, as their own blocks', () => {
    // Block text keeps the nodes' own whitespace (offsets map straight to node data).
    expect(texts('<p>Buy <button>Ahava cream</button> now</p>')).toEqual(['Buy ', 'Ahava cream', ' now']);
  });

  it('skips editable areas except contenteditable="false"', () => {
    expect(texts('<div contenteditable>Ahava</div><div contenteditable="true">Elbit</div><p>kept</p>')).toEqual([
      'kept',
    ]);
    expect(texts('<div contenteditable="plaintext-only">Ahava</div>')).toEqual([]);
    expect(texts('<div contenteditable="false">Ahava</div>')).toEqual(['Ahava']);
  });

  it('skips hidden subtrees (static rules)', () => {
    const out = texts(
      '<p hidden>a</p><p aria-hidden="true">b</p><p style="display:none">c</p>' +
        '<p style="color:red; visibility: hidden">d</p><p>Ah<span style="display: none !important">xx</span>ava</p>' +
        '<details><summary>Lot 1</summary><p>closed</p></details><details open><summary>Lot 2</summary><p>open</p></details>' +
        '<dialog><p>dialog</p></dialog><p style="display:block">shown</p>',
    );
    expect(out).toEqual(['Ahava', 'Lot 1', 'Lot 2', 'open', 'shown']);
  });

  it('uses the isHidden callback and skips the extension host', () => {
    const doc = docOf('<p id="a">Ahava</p><p id="b">Elbit</p><div id="host"><p>our UI</p></div>');
    const host = doc.getElementById('host');
    const out = collectBlocks(doc, { isHidden: (el) => el.id === 'a', ownHost: host }).map((b) => b.text);
    expect(out).toEqual(['Elbit']);
  });

  it('skips whitespace-only text and makes no empty blocks', () => {
    const out = blocks('<div>\n  <p>  </p>\n  <p>Ahava</p>\n</div>');
    expect(out.map((b) => b.text)).toEqual(['Ahava']);
  });

  it('keeps every segment aligned with its text node', () => {
    const out = blocks(
      '<div>  Intro <b>Ah</b>ava<br><i>Dead</i>\n<u>Sea</u>&amp; co<p>x <a>y</a></p>tail é\u00a0😀 z</div>',
    );
    expect(out.length).toBeGreaterThan(1);
    expectSegmentsConsistent(out);
    const first = out[0];
    expect(first.segments.map((s) => s.node.data).slice(0, 5)).toEqual(['  Intro ', 'Ah', 'ava', 'Dead', 'Sea']);
    expect(first.text).toBe('  Intro Ahava Dead Sea& co');
    // The <br> and the newline node each became one inserted space, the markup none.
    expect(first.segments[3].start).toBe(first.segments[2].end + 1);
    expect(first.segments[4].start).toBe(first.segments[3].end + 1);
    expect(first.segments[2].start).toBe(first.segments[1].end);
    expect(out.map((b) => b.text.trim())).toEqual(['Intro Ahava Dead Sea& co', 'x y', 'tail é\u00a0😀 z']);
  });

  it('asks fieldOf once per block container in document order, with its depth in the walk', () => {
    const doc = docOf(
      '<section id="s"><h2 id="h">A</h2><ul id="u"><li id="l1">B</li><li id="l2"><p id="p">C</p></li></ul></section><p id="q">D</p>',
    );
    const seen: string[] = [];
    const fieldOf = (el: Element, depth: number) => {
      if (el.id) seen.push(`${el.id}@${depth}`);
      return null;
    };
    collectBlocks(doc, { isHidden: isHiddenStatic, fieldOf });
    // The document is the first container (depth 1), html and body follow.
    expect(seen).toEqual(['s@4', 'h@5', 'u@5', 'l1@6', 'l2@6', 'p@7', 'q@4']);
    // Walking part of the page: its root is at depth 1.
    seen.length = 0;
    collectBlocks(doc.getElementById('u')!, { isHidden: isHiddenStatic, fieldOf });
    expect(seen).toEqual(['u@1', 'l1@2', 'l2@2', 'p@3']);
  });

  it('passes the field role from fieldOf down to nested blocks', () => {
    const out = blocks('<div class="supplier"><p>Acme</p></div><p>other</p>', {
      fieldOf: (el) => (el.getAttribute('class') === 'supplier' ? 'supplier' : null),
    });
    expect(out.map((b) => [b.text, b.field])).toEqual([
      ['Acme', 'supplier'],
      ['other', null],
    ]);
  });

  it('scans a subtree root on its own (incremental rescans)', () => {
    const doc = docOf('<p>before</p><ul id="list"><li>Ahava</li><li>Elbit <b>Systems</b></li></ul><p>after</p>');
    const list = doc.getElementById('list') as Element;
    expect(collectBlocks(list, { isHidden: isHiddenStatic }).map((b) => b.text)).toEqual(['Ahava', 'Elbit Systems']);
  });

  it('says where it lost its place when the page removed the node it was to visit next', () => {
    // A re-rendering list: while the walk is paused after the first item, the page removes
    // the second (the node the walk holds as next) and puts a new one in its place.
    const doc = docOf('<ul id="list"><li>Ahava</li><li>plain words</li><li>Elbit Systems</li></ul><p>after</p>');
    const list = doc.getElementById('list') as Element;
    const lost: Node[] = [];
    const walk = iterateBlocks(doc, { isHidden: isHiddenStatic, onLostPlace: (parent) => lost.push(parent) });
    expect(walk.next().value?.text).toBe('Ahava');
    const second = list.children[1];
    const fresh = doc.createElement('li');
    fresh.textContent = 'new words';
    list.replaceChild(fresh, second);
    const rest = Array.from(walk).map((b) => b.text);
    // The removed item is not read; the list is reported for a walk of its own; what
    // follows the list is still walked.
    expect(rest).not.toContain('plain words');
    expect(rest).toContain('after');
    expect(lost).toEqual([list]);
    // Without a removal the walk goes on as before and reports nothing.
    const calm: Node[] = [];
    const all = Array.from(iterateBlocks(doc, { isHidden: isHiddenStatic, onLostPlace: (p) => calm.push(p) }));
    expect(all.map((b) => b.text)).toEqual(['Ahava', 'new words', 'Elbit Systems', 'after']);
    expect(calm).toEqual([]);
  });

  it('does not scan a document in design mode', () => {
    const doc = docOf('<p>Ahava</p>');
    Object.defineProperty(doc, 'designMode', { value: 'on' });
    expect(collectBlocks(doc, { isHidden: isHiddenStatic })).toEqual([]);
  });

  it('walks open shadow roots as their own subtrees', () => {
    const doc = docOf('<p>light</p><div id="host"><span>slotted</span></div>');
    const host = doc.getElementById('host') as Element;
    // linkedom implements attachShadow; if a later version drops it this test must be
    // moved to the browser tests rather than silently pass.
    expect(typeof host.attachShadow).toBe('function');
    const root = host.attachShadow({ mode: 'open' });
    const p = doc.createElement('p');
    p.appendChild(doc.createTextNode('Ahava '));
    const b = doc.createElement('b');
    b.appendChild(doc.createTextNode('Dead Sea'));
    p.appendChild(b);
    root.appendChild(p);
    const style = doc.createElement('style');
    style.appendChild(doc.createTextNode('p { color: red }'));
    root.appendChild(style);
    const seen: ShadowRoot[] = [];
    const out = collectBlocks(doc, { isHidden: isHiddenStatic, onShadowRoot: (r) => seen.push(r) });
    expect(out.map((x) => x.text)).toEqual(['light', 'Ahava Dead Sea', 'slotted']);
    expect(seen).toHaveLength(1);
    expectSegmentsConsistent(out);
    // The container of shadow text is found across the boundary, and containment is composed.
    const inner = b.firstChild as Node;
    expect(blockContainerOf(inner)).toBe(p);
    expect(containsComposed(host, inner)).toBe(true);
    expect(containsComposed(doc.body, inner)).toBe(true);
  });
});

describe('blockContainerOf', () => {
  it('returns the nearest block-level ancestor', () => {
    const doc = docOf('<div><p id="p">x <b><i id="i">y</i></b></p></div>');
    const i = doc.getElementById('i') as Element;
    expect(blockContainerOf(i.firstChild as Node)).toBe(doc.getElementById('p'));
    expect(blockContainerOf(doc.getElementById('p') as Element)).toBe(doc.getElementById('p'));
  });

  it('returns null inside subtrees that are never scanned', () => {
    const doc = docOf('<div contenteditable><p id="e">x</p></div><div id="host"><p id="u">y</p></div>');
    expect(blockContainerOf(doc.getElementById('e') as Element)).toBeNull();
    expect(blockContainerOf(doc.head.firstChild as Node)).toBeNull();
    const host = doc.getElementById('host');
    expect(blockContainerOf(doc.getElementById('u') as Element, host)).toBeNull();
    expect(blockContainerOf(doc.getElementById('u') as Element)).toBe(doc.getElementById('u'));
  });
});

describe('hiddenTestFor', () => {
  // A document whose every element checkVisibility() calls hidden (no rendering yet).
  function docWith(visible: boolean): Document {
    const doc = docOf('<p>Frame supplier: <span>Ahava</span></p>');
    const proto = Object.getPrototypeOf(doc.documentElement) as { checkVisibility?: () => boolean };
    const root = doc.documentElement as unknown as { checkVisibility: () => boolean };
    root.checkVisibility = () => visible;
    for (const el of Array.from(doc.querySelectorAll('*'))) {
      (el as unknown as { checkVisibility: () => boolean }).checkVisibility = () => visible;
    }
    expect(proto.checkVisibility).toBeUndefined(); // linkedom has none of its own
    return doc;
  }

  it('uses checkVisibility while the document is rendered', () => {
    const doc = docWith(true);
    const t = hiddenTestFor(doc);
    expect(t.rendered).toBe(true);
    expect(collectBlocks(doc, { isHidden: t.isHidden }).map((b) => b.text)).toEqual(['Frame supplier: Ahava']);
  });

  it('falls back to the static rules when the document has no rendering, and says so', () => {
    const doc = docWith(false);
    // With checkVisibility alone the walk would find nothing at all.
    expect(collectBlocks(doc, { isHidden: isHiddenInBrowser })).toEqual([]);
    const t = hiddenTestFor(doc);
    expect(t.rendered).toBe(false);
    expect(collectBlocks(doc, { isHidden: t.isHidden }).map((b) => b.text)).toContain('Frame supplier: Ahava');
  });
});
