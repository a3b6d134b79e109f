// "Check this page": inject the content script into a tab the user opened the popup on
// (activeTab grants access until the tab navigates; no standing host permission).
// The built content-script file names are hashed by the build and written into the
// built manifest, so they are read from there at run time rather than hard-coded.
import { browser } from '../shared/browser';

interface ManifestContentScript {
  js?: string[];
  css?: string[];
}

/** Pure: the first declared content script's files (the scanner and its highlight CSS). */
export function contentScriptFiles(manifest: { content_scripts?: ManifestContentScript[] }): {
  js: string[];
  css: string[];
} {
  const first = manifest.content_scripts?.[0];
  return { js: first?.js ?? [], css: first?.css ?? [] };
}

export async function injectContentScript(tabId: number): Promise<void> {
  const { js, css } = contentScriptFiles(
    browser.runtime.getManifest() as { content_scripts?: ManifestContentScript[] },
  );
  if (js.length === 0) throw new Error('The manifest declares no content script');
  if (css.length > 0) {
    await browser.scripting.insertCSS({ target: { tabId, allFrames: true }, files: css });
  }
  await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: js });
}
