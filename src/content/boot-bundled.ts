// The content script the Firefox manifest names: the content script proper (main.ts) bundled
// in. Firefox compiles an extension's content scripts once per process and keeps them, so
// there is no per-page compile to move off the page's thread (boot-module.ts, Chromium); and
// a module import from a frame whose document the page wrote with document.open() never
// completed there, which would leave such frames unread.
import { start } from './main';

start();
