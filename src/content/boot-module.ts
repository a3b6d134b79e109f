// The content script the Chromium manifest names, and the file "Check this page" injects
// there: it only imports the content script proper (main.ts) as a module of the
// extension's own and starts it. A script the manifest names is compiled on the page's main thread, in the
// task that runs it; an imported module is compiled off that thread as it streams in, and
// evaluated in a task of its own. Every page of every covered site starts this script, most
// with nothing to flag: this keeps the compiling out of their main thread.
import { CONTENT_MAIN_FILE } from './module-files';

// Both browsers have `chrome`. The import's address is written as the extension's own URL
// call, in full, because that is what Mozilla's linter accepts for a dynamic import.
declare const chrome: { runtime: { getURL(path: string): string } };

interface ContentMain {
  /** Starts the content script in this frame, or scans again where it already runs. */
  start(): void;
}

try {
  (import(/* @vite-ignore */ chrome.runtime.getURL(CONTENT_MAIN_FILE)) as Promise<ContentMain>).then(
    (main) => main.start(),
    (err: unknown) => console.debug('Settlement Screen: could not load the content script', err),
  );
} catch (err) {
  // The extension was updated or removed under the page: nothing to start.
  console.debug('Settlement Screen: could not load the content script', err);
}
