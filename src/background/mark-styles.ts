// The ::highlight() styles of the marks, inserted into one frame when its content script is
// about to paint (the `mark-styles` message). They are not declared in the manifest: a page
// can read the styles that apply to it (getComputedStyle(el, '::highlight(name)')), so styles
// on every page the content script runs on would tell each site the extension is there,
// private mode or not. Inserted like this, they reach only frames that paint, and only after
// the user chose marks for that site or asked for them ("Show on page").
// The styles are the extension's own file: a content script asks for them and cannot pass
// any CSS of its own.
import highlightCss from '../content/highlight.css?inline';
import { browser } from '../shared/browser';

export async function insertMarkStyles(tabId: number, frameId: number): Promise<{ ok: boolean }> {
  try {
    await browser.scripting.insertCSS({ target: { tabId, frameIds: [frameId] }, css: highlightCss });
    return { ok: true };
  } catch (err) {
    // No access to that frame any more (it navigated, the site's permission was withdrawn):
    // the marks stay registered but unstyled, and the popup still lists every name.
    console.debug('Settlement Screen: could not insert the marks styles', err);
    return { ok: false };
  }
}
