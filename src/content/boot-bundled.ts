// The content script the Firefox manifest names: the content script proper (main.ts) bundled
// in. Firefox caches an extension's compiled content scripts, so the per-page compile that
// boot-module.ts moves off the page's thread in Chromium is not the cost there; and with a
// module import, a frame whose document the page wrote with document.open() was never read
// in Firefox (tests/e2e/hostile-pages.test.ts, frames of every kind).
import { start } from './main';

start();
