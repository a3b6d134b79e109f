// The visibility rules against a real renderer: what the page's style sheets hide, which
// the static rules (the CLI's, for HTML files in linkedom) cannot see, and where the two
// versions must agree.
import { afterEach, describe, expect, it } from 'vitest';
import { hiddenTestFor, isHiddenInBrowser, isHiddenStatic } from './visibility';

const byId = (id: string): Element => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no #${id}`);
  return el;
};

function mount(html: string, css = ''): void {
  document.head.innerHTML = css ? `<style>${css}</style>` : '';
  document.body.innerHTML = html;
}

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('isHiddenInBrowser', () => {
  it('sees what the style sheets hide, which the static rules cannot', () => {
    mount(
      '<div class="gone"><p id="in-gone">x</p></div>' +
        '<div class="invisible"><p id="in-invisible">x</p><p id="shown-again">x</p></div>' +
        '<div class="skipped"><p id="in-skipped">x</p></div>' +
        '<p id="plain">x</p>',
      '.gone { display: none } .invisible { visibility: hidden } #shown-again { visibility: visible }' +
        ' .skipped { content-visibility: hidden }',
    );
    // display:none hides the whole subtree, including descendants without a rule of their own.
    expect(isHiddenInBrowser(byId('in-gone'))).toBe(true);
    // visibility is inherited but can be overridden: a visible child of a hidden parent shows.
    expect(isHiddenInBrowser(byId('in-invisible'))).toBe(true);
    expect(isHiddenInBrowser(byId('shown-again'))).toBe(false);
    // content-visibility:hidden skips the contents' rendering.
    expect(isHiddenInBrowser(byId('in-skipped'))).toBe(true);
    expect(isHiddenInBrowser(byId('plain'))).toBe(false);
    for (const id of ['in-gone', 'in-invisible', 'in-skipped']) expect(isHiddenStatic(byId(id))).toBe(false);
  });

  it('keeps text that is transparent or off-screen: it is still page text', () => {
    mount(
      '<p id="faded">x</p><div style="height: 5000px"></div>' +
        '<div style="content-visibility: auto"><p id="far-below">x</p></div>' +
        '<p id="off-left" style="position: absolute; left: -9999px">x</p>',
      // A fade-in animation starts at opacity 0.
      '#faded { opacity: 0 }',
    );
    expect(isHiddenInBrowser(byId('faded'))).toBe(false);
    expect(isHiddenInBrowser(byId('far-below'))).toBe(false);
    expect(isHiddenInBrowser(byId('off-left'))).toBe(false);
  });

  it('hides what the attributes hide before any style is looked at', () => {
    mount(
      '<div hidden="until-found"><p id="until-found">x</p></div>' +
        '<p id="aria" aria-hidden="true">x</p>' +
        // The page's style sheet overrides [hidden], but the attribute still decides.
        '<p id="forced" hidden style="display: block">x</p>',
    );
    expect(isHiddenInBrowser(byId('until-found'))).toBe(true);
    expect(isHiddenInBrowser(byId('aria'))).toBe(true);
    expect(byId('forced').getClientRects().length).toBeGreaterThan(0); // rendered, yet skipped
    expect(isHiddenInBrowser(byId('forced'))).toBe(true);
  });

  it('agrees with the static rules on closed details, dialogs and inline styles', () => {
    mount(
      '<details><summary id="summary">S</summary><p id="details-body">x</p></details>' +
        '<details open><summary>S</summary><p id="open-body">x</p></details>' +
        '<dialog><p id="dialog-body">x</p></dialog>' +
        '<div style="display:none"><p id="inline-none">x</p></div>' +
        '<p id="inline-invisible" style="visibility: hidden">x</p>',
    );
    const cases: [string, boolean][] = [
      ['summary', false],
      ['details-body', true],
      ['open-body', false],
      ['dialog-body', true],
      ['inline-none', true],
      ['inline-invisible', true],
    ];
    for (const [id, hidden] of cases) {
      expect(isHiddenInBrowser(byId(id)), id).toBe(hidden);
      // The static rules decide at the element that carries the rule (the walk prunes there).
      const carrier = id === 'inline-none' || id === 'dialog-body' ? byId(id).parentElement! : byId(id);
      expect(isHiddenStatic(carrier), id).toBe(hidden);
    }
  });

  it('does not hide the visible children of a display:contents wrapper, unless it or its parent is hidden', () => {
    mount(
      '<div id="wrapper" style="display: contents"><p id="child">x</p></div>' +
        '<div style="display: none"><div id="inside-hidden" style="display: contents"><p>y</p></div></div>' +
        '<div id="invisible" style="display: contents; visibility: hidden">z</div>',
    );
    expect(byId('child').getClientRects().length).toBeGreaterThan(0);
    expect(isHiddenInBrowser(byId('wrapper'))).toBe(false);
    expect(isHiddenInBrowser(byId('inside-hidden'))).toBe(true);
    expect(isHiddenInBrowser(byId('invisible'))).toBe(true);
  });
});

describe('hiddenTestFor', () => {
  it('uses the renderer for the live document', () => {
    const test = hiddenTestFor(document);
    expect(test.rendered).toBe(true);
    expect(test.isHidden).toBe(isHiddenInBrowser);
  });

  it('falls back to the static rules for a document that has no rendering', () => {
    // checkVisibility() says "hidden" for every element of a document never rendered.
    for (const doc of [
      document.implementation.createHTMLDocument('x'),
      new DOMParser().parseFromString('<p style="display:none">a</p><p>b</p>', 'text/html'),
    ]) {
      doc.body.innerHTML = '<p id="shown">b</p><p id="gone" style="display:none">a</p>';
      const test = hiddenTestFor(doc);
      expect(test.rendered).toBe(false);
      expect(isHiddenInBrowser(doc.getElementById('shown')!)).toBe(true);
      expect(test.isHidden(doc.getElementById('shown')!)).toBe(false);
      expect(test.isHidden(doc.getElementById('gone')!)).toBe(true);
    }
  });

  it('counts a document hidden by its root attribute as rendered', () => {
    document.documentElement.setAttribute('aria-hidden', 'true');
    try {
      const test = hiddenTestFor(document);
      expect(test.rendered).toBe(true);
      expect(test.isHidden(document.documentElement)).toBe(true);
    } finally {
      document.documentElement.removeAttribute('aria-hidden');
    }
  });
});
