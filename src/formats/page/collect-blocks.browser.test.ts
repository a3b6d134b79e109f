// The page walk in a rendered document: the blocks a reader sees, with the page's style
// sheets deciding what is hidden, shadow trees as they render (slots), and the offset table
// pointing at text that has layout boxes. Also the promise in collect-blocks.ts that block
// boundaries come from tag names, not computed style, so a file scanned by the CLI gives
// the blocks the extension sees on the page.
import { afterEach, describe, expect, it } from 'vitest';
import { blockContainerOf, collectBlocks, containsComposed, type PageBlock } from './collect-blocks';
import { hiddenTestFor, isHiddenInBrowser, isHiddenStatic } from './visibility';

function mount(html: string, css = ''): void {
  document.head.innerHTML = css ? `<style>${css}</style>` : '';
  document.body.innerHTML = html;
}

const live = (extra: { onShadowRoot?(root: ShadowRoot): void } = {}): PageBlock[] =>
  collectBlocks(document.body, { isHidden: isHiddenInBrowser, ...extra });
const textsOf = (blocks: PageBlock[]): string[] => blocks.map((b) => b.text);

/** The screen boxes of a text node's characters [start, end). */
function boxes(node: Text, start = 0, end = node.length): DOMRect[] {
  const r = document.createRange();
  r.setStart(node, start);
  r.setEnd(node, end);
  return Array.from(r.getClientRects()).filter((b) => b.width > 0 && b.height > 0);
}

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  document.designMode = 'off';
});

describe('collectBlocks on a rendered page', () => {
  it('leaves out what the style sheets hide and keeps what is merely transparent', () => {
    mount(
      '<p>We sell <b>Ahava</b> cream.</p>' +
        '<div class="modal"><p>Elbit Systems</p></div>' +
        '<ul><li class="collapsed">Caterpillar</li><li>Motorola <span class="sr">Solutions</span></li></ul>' +
        '<p class="fade">Booking Holdings</p>',
      '.modal { display: none } .collapsed { visibility: collapse } .sr { visibility: hidden }' +
        ' .fade { opacity: 0 }',
    );
    expect(textsOf(live())).toEqual(['We sell Ahava cream.', 'Motorola ', 'Booking Holdings']);
  });

  it('maps every block offset to text that has boxes on the screen', () => {
    mount(
      '<p>We sell <b>Ah</b><i>ava</i> cream<br>and <a href="#">Elbit   Systems</a>.</p>' +
        '<table><tr><td>Heidelberg</td><td>Materials</td></tr></table>' +
        '<div class="gone"><p>hidden text</p></div>',
      '.gone { display: none }',
    );
    const blocks = live();
    expect(textsOf(blocks)).toEqual(['We sell Ahava cream and Elbit   Systems.', 'Heidelberg', 'Materials']);
    for (const b of blocks) {
      for (const s of b.segments) {
        expect(b.text.slice(s.start, s.end)).toBe(s.node.data);
        expect(boxes(s.node).length, JSON.stringify(s.node.data)).toBeGreaterThan(0);
      }
    }
    // Table cells are separate boxes side by side: their texts are never joined.
    const [heidelberg, materials] = blocks.slice(1).map((b) => boxes(b.segments[0].node)[0]);
    expect(materials.left).toBeGreaterThanOrEqual(heidelberg.right);
    // And the hidden paragraph, which the walk skipped, has no boxes at all.
    const hidden = document.querySelector('.gone p')!.firstChild as Text;
    expect(boxes(hidden)).toHaveLength(0);
  });

  it('decides block boundaries by tag, not by computed display, like the CLI', () => {
    // A span styled as a block still joins its neighbours; a div styled inline is still a
    // boundary. The static rules in linkedom see the same blocks from the same HTML.
    const html =
      '<p>Ahava <span style="display:block">Dead Sea</span> Laboratories</p>' +
      '<p><div style="display:inline">Elbit</div> Systems</p>';
    mount(html);
    const inBrowser = textsOf(live());
    expect(inBrowser).toEqual(['Ahava Dead Sea Laboratories', 'Elbit', ' Systems']);
    const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
    const test = hiddenTestFor(parsed);
    expect(test.rendered).toBe(false);
    expect(textsOf(collectBlocks(parsed.body, { isHidden: test.isHidden }))).toEqual(inBrowser);
  });

  it('gives the blocks of the static rules wherever those rules see the hiding', () => {
    const html =
      '<p>Visible <b>Ahava</b></p><div hidden><p>Attribute hidden</p></div>' +
      '<p style="display:none">Inline none</p><p style="visibility:hidden">Inline invisible</p>' +
      '<details><summary>Summary <i>text</i></summary><p>Folded away</p></details>' +
      '<dialog><p>Closed dialog</p></dialog><p aria-hidden="true">Aria hidden</p>' +
      '<p>Form <input value="Elbit"> field <textarea>Elbit</textarea> end</p>' +
      '<div contenteditable><p>Editable</p></div><p>Ruby <ruby>漢<rt>kan</rt></ruby></p>';
    mount(html);
    const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
    const inBrowser = textsOf(live());
    expect(inBrowser).toEqual(['Visible Ahava', 'Summary text', 'Form  field  end', 'Ruby 漢']);
    expect(textsOf(collectBlocks(parsed.body, { isHidden: isHiddenStatic }))).toEqual(inBrowser);
  });

  it('walks open shadow trees as they render, slotted light children included', () => {
    mount('<shop-tile id="tile"><b slot="brand">Ahava</b> mineral cream</shop-tile><p>After</p>');
    const host = document.getElementById('tile')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML =
      '<style>.off { display: none }</style><h3><slot name="brand"></slot></h3>' +
      '<p class="off">Shadow hidden</p><p>Price <slot></slot></p>';
    const closedHost = document.createElement('div');
    closedHost.attachShadow({ mode: 'closed' }).innerHTML = '<p>Closed shadow text</p>';
    document.body.append(closedHost);

    const roots: ShadowRoot[] = [];
    const blocks = live({ onShadowRoot: (r) => roots.push(r) });
    // The shadow tree is walked first (slots hold no text of their own), then the light
    // children, which render through the slots, as the host's block. A closed root is out
    // of reach.
    expect(textsOf(blocks)).toEqual(['Price ', 'Ahava mineral cream', 'After']);
    expect(roots).toEqual([shadow]);
    expect(blocks.flatMap((b) => b.segments).every((s) => boxes(s.node).length > 0)).toBe(true);
    // The style sheet inside the shadow root applied: its hidden paragraph was skipped.
    expect(textsOf(blocks).join(' ')).not.toContain('Shadow hidden');

    const shadowText = shadow.querySelector('p:last-of-type')!.firstChild!;
    expect(blockContainerOf(shadowText)).toBe(shadow.querySelector('p:last-of-type'));
    expect(containsComposed(document.body, shadowText)).toBe(true);
    expect(shadowText.getRootNode()).toBe(shadow);
  });

  it('finds nothing in a document in design mode', () => {
    mount('<p>Ahava</p>');
    expect(textsOf(collectBlocks(document, { isHidden: isHiddenInBrowser }))).toEqual(['Ahava']);
    document.designMode = 'on';
    expect(collectBlocks(document, { isHidden: isHiddenInBrowser })).toEqual([]);
  });

  // The whole document from its root: head and title skipped, as on a real page.
  it('walks from the document with its doctype and head', () => {
    mount('<main><h1>Offers</h1><p>Ahava</p></main>', 'h1 { color: red }');
    document.title = 'Ahava title';
    expect(textsOf(collectBlocks(document, { isHidden: hiddenTestFor(document).isHidden }))).toEqual([
      'Offers',
      'Ahava',
    ]);
  });
});
