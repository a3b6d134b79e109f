// Whether an element's subtree is hidden, for collectBlocks' pruning. Two versions:
// one for real browsers (computed style through checkVisibility) and one for static HTML
// in Node/linkedom (attributes and inline style only), used by the CLI.

// Checked on every element walked, so these stay cheap: attribute reads first,
// checkVisibility (no layout; uses the style the page has already computed) last.

function hiddenByAttributes(el: Element): boolean {
  // `hidden` (including hidden="until-found", which is hidden until the user searches).
  if (el.hasAttribute('hidden')) return true;
  return el.getAttribute('aria-hidden') === 'true';
}

interface CheckVisibilityCapable {
  checkVisibility?(options?: {
    checkOpacity?: boolean;
    checkVisibilityCSS?: boolean;
    contentVisibilityAuto?: boolean;
  }): boolean;
}

/**
 * Browser version: the hidden/aria-hidden attributes, then Element.checkVisibility
 * (Chrome 105, Firefox 106): display:none on the element or an ancestor,
 * content-visibility:hidden ancestors, visibility:hidden. Opacity is not checked (fade-in
 * animations start at 0), nor content-visibility:auto (off-screen text is still page text).
 */
export function isHiddenInBrowser(el: Element): boolean {
  if (hiddenByAttributes(el)) return true;
  const check = (el as CheckVisibilityCapable).checkVisibility;
  if (typeof check !== 'function') return false;
  try {
    if (check.call(el, { checkOpacity: false, checkVisibilityCSS: true })) return false;
    return !isVisibleContents(el);
  } catch {
    return false;
  }
}

/**
 * checkVisibility() is false for a display:contents element in both engines (it has no box
 * of its own), while its children render: such a wrapper is hidden only when its parent is,
 * or when it sets visibility:hidden itself. Asked only after checkVisibility said no, which
 * is rare, so the computed style costs little.
 */
function isVisibleContents(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view || typeof view.getComputedStyle !== 'function') return false;
  let style: CSSStyleDeclaration;
  try {
    style = view.getComputedStyle(el);
  } catch {
    return false;
  }
  if (style.display !== 'contents' || style.visibility === 'hidden' || style.visibility === 'collapse') return false;
  const parent = el.parentElement;
  return parent === null || !isHiddenInBrowser(parent);
}

/**
 * The visibility test for a walk of `doc` now. checkVisibility() says "hidden" for every
 * element of a document that has no rendering yet (seen in Chromium for a sandboxed frame
 * whose first scan found 0 blocks: tests/e2e/hostile-pages.test.ts, "frames of every
 * kind"), and a walk pruned at the root finds nothing and is never redone. Then the
 * static rules stand in, and `rendered` is false so the caller can look again later.
 */
export function hiddenTestFor(doc: Document): { isHidden: (el: Element) => boolean; rendered: boolean } {
  const root = doc.documentElement;
  const rendered = !root || hiddenByAttributes(root) || !isHiddenInBrowser(root);
  return { isHidden: rendered ? isHiddenInBrowser : isHiddenStatic, rendered };
}

const DISPLAY_NONE = /(?:^|;)\s*display\s*:\s*none\s*(?:!important\s*)?(?:;|$)/i;
const VISIBILITY_HIDDEN = /(?:^|;)\s*visibility\s*:\s*(?:hidden|collapse)\s*(?:!important\s*)?(?:;|$)/i;

/**
 * Static version for HTML without a renderer: the attributes above, inline style
 * display:none / visibility:hidden, the content of a closed <details> (except its
 * summary) and of a <dialog> that is not open, which browsers do not render either.
 */
export function isHiddenStatic(el: Element): boolean {
  if (hiddenByAttributes(el)) return true;
  const style = el.getAttribute('style');
  if (style && (DISPLAY_NONE.test(style) || VISIBILITY_HIDDEN.test(style))) return true;
  const name = el.localName;
  if (name === 'dialog' && !el.hasAttribute('open')) return true;
  const parent = el.parentElement;
  if (parent && parent.localName === 'details' && !parent.hasAttribute('open')) {
    return !(name === 'summary' && firstSummary(parent) === el);
  }
  return false;
}

function firstSummary(details: Element): Element | null {
  for (let c = details.firstElementChild; c; c = c.nextElementSibling) {
    if (c.localName === 'summary') return c;
  }
  return null;
}
