// Loads the page reader (page-reader-api.ts) into this frame's content-script world, once:
// a module import of the extension's own file, listed in the manifest's
// web_accessible_resources (Chrome with a per-session URL, use_dynamic_url, so pages cannot
// probe for it), the only way a content script can load more of its own code.
import type { PageReader } from './page-reader-api';
import { PAGE_READER_FILE } from './module-files';

// Both browsers have `chrome`. The import's address is written as the extension's own URL
// call, in full, because that is what Mozilla's linter accepts for a dynamic import.
declare const chrome: { runtime: { getURL(path: string): string } };

let loading: Promise<PageReader> | null = null;

export function loadPageReader(): Promise<PageReader> {
  if (!loading) {
    loading = (
      import(/* @vite-ignore */ chrome.runtime.getURL(PAGE_READER_FILE)) as Promise<{ reader: PageReader }>
    ).then((m) => m.reader);
    // A failed load (extension updated under the page) may be tried again later.
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}
