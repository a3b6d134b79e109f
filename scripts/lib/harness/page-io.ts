// What a person does with a page beyond clicking, in both drivers: typing, pasting, choosing
// a file or an option, saving a download, printing to PDF, and finding a tab the extension
// opened. Built on TabPage.raw (Playwright's Page in Chromium, Puppeteer's in Firefox).
import type { Download, Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { sleep, waitFor } from './extension';
import { callExpression, type RawPage, type TabPage } from './types';

function rawOf(page: TabPage): RawPage {
  if (!page.raw) throw new Error('this TabPage does not expose its driver page (TabPage.raw)');
  return page.raw;
}

/** Types `text` into the field `selector` with real key events, replacing what it held. */
export async function typeInto(page: TabPage, selector: string, text: string): Promise<void> {
  const r = rawOf(page);
  if (r.kind === 'chromium') {
    await r.page.fill(selector, '');
    await r.page.locator(selector).pressSequentially(text);
  } else {
    await r.page.focus(selector);
    // Select what is there, so the first typed key replaces it (as a person would).
    await r.page.$eval(selector, (el) => (el as HTMLInputElement).select());
    await r.page.keyboard.press('Backspace');
    await r.page.type(selector, text);
  }
}

/** Presses a key (e.g. 'Enter', 'Escape') in the focused element. */
export async function pressKey(page: TabPage, key: 'Enter' | 'Escape'): Promise<void> {
  const r = rawOf(page);
  // The two drivers' keyboard types differ, not their behaviour.
  if (r.kind === 'chromium') await r.page.keyboard.press(key);
  else await r.page.keyboard.press(key);
}

/**
 * Puts `text` into a text field at once, as a paste does (one input event with the whole
 * text): typing 300 names key by key would only measure the driver.
 */
export async function pasteInto(page: TabPage, selector: string, text: string): Promise<void> {
  const r = rawOf(page);
  if (r.kind === 'chromium') {
    await r.page.fill(selector, text);
    return;
  }
  await r.page.focus(selector);
  await page.evaluate(
    ({ selector, text }) => {
      const el = document.querySelector(selector) as HTMLTextAreaElement | HTMLInputElement;
      el.value = text;
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: text }));
    },
    { selector, text },
  );
}

/** Chooses files in an <input type=file> as the file dialog would (change event, real File objects). */
export async function chooseFiles(page: TabPage, selector: string, paths: string[]): Promise<void> {
  const r = rawOf(page);
  if (r.kind === 'chromium') {
    await r.page.setInputFiles(selector, paths);
    return;
  }
  const input = await r.page.$(selector);
  if (!input) throw new Error(`no element matches ${selector}`);
  await (input as unknown as { uploadFile(...p: string[]): Promise<void> }).uploadFile(...paths);
}

/** Chooses the option with `value` in the <select> `selector` (a change event follows). */
export async function selectOption(page: TabPage, selector: string, value: string): Promise<void> {
  const r = rawOf(page);
  if (r.kind === 'chromium') await r.page.selectOption(selector, value);
  else await r.page.select(selector, value);
}

/** Firefox preferences that save every download into `dir` without asking. */
export function firefoxDownloadPrefs(dir: string): Record<string, unknown> {
  return {
    'browser.download.folderList': 2,
    'browser.download.dir': dir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
    'browser.download.alwaysOpenPanel': false,
  };
}

export interface SavedFile {
  /** The name the page gave the download (Chromium) or the file saved (Firefox). */
  fileName: string;
  text: string;
}

/**
 * Runs `action` and returns the file it downloads, from any tab of the browser (the
 * popup's exports download from a report tab they open). Chromium: Playwright's download
 * event. Firefox: the file appearing in `firefoxDir` (see firefoxDownloadPrefs).
 */
export async function catchDownload(
  page: TabPage,
  firefoxDir: string,
  action: () => Promise<unknown>,
  timeoutMs = 20_000,
): Promise<SavedFile> {
  const r = rawOf(page);
  if (r.kind === 'chromium') {
    const context = r.page.context();
    let resolve!: (d: Download) => void;
    const got = new Promise<Download>((ok) => (resolve = ok));
    const watched = new Set<PwPage>();
    const watch = (p: PwPage) => {
      watched.add(p);
      p.on('download', resolve);
    };
    context.pages().forEach(watch);
    context.on('page', watch);
    try {
      await action();
      const d = await Promise.race([
        got,
        sleep(timeoutMs).then(() => Promise.reject(new Error(`no download within ${timeoutMs} ms`))),
      ]);
      const path = await d.path();
      return { fileName: d.suggestedFilename(), text: readFileSync(path, 'utf8') };
    } finally {
      context.off('page', watch);
      for (const p of watched) p.off('download', resolve);
    }
  }
  const before = new Set(existsSync(firefoxDir) ? readdirSync(firefoxDir) : []);
  await action();
  let lastSize = -1;
  const name = await waitFor(
    async () => {
      const names = readdirSync(firefoxDir);
      const fresh = names.filter((n) => !before.has(n) && !n.endsWith('.part'));
      // Done when Firefox no longer writes it (no .part beside it) and its size holds still.
      const f = fresh.find((n) => !names.includes(`${n}.part`));
      if (!f) return undefined;
      const size = statSync(join(firefoxDir, f)).size;
      if (size === 0 || size !== lastSize) {
        lastSize = size;
        return undefined;
      }
      return f;
    },
    `a download in ${firefoxDir}`,
    timeoutMs,
    200,
  );
  return { fileName: name, text: readFileSync(join(firefoxDir, name), 'utf8') };
}

/** The page printed to PDF (what "Save as PDF" in the print dialog gives). */
export async function printToPdf(page: TabPage): Promise<Buffer> {
  const r = rawOf(page);
  // preferCSSPageSize: the page's own @page size decides, as in the browsers' print dialog.
  if (r.kind === 'chromium') return r.page.pdf({ preferCSSPageSize: true });
  return Buffer.from(await r.page.pdf({ preferCSSPageSize: true }));
}

/**
 * Every page size in a PDF, in points ([width, height], rounded): from the plain text and
 * from Flate-compressed object streams (Firefox writes its page objects into those).
 */
export function pdfPageSizes(pdf: Buffer): [number, number][] {
  const texts = [pdf.toString('latin1')];
  const raw = texts[0];
  for (let at = 0; ;) {
    const i = raw.indexOf('stream', at);
    if (i < 0) break;
    let start = i + 6;
    if (raw[start] === '\r') start++;
    if (raw[start] === '\n') start++;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    try {
      texts.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      /* not a Flate stream (images, fonts in other encodings) */
    }
    at = end + 9;
  }
  const sizes: [number, number][] = [];
  for (const t of texts) {
    for (const m of t.matchAll(/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)) {
      sizes.push([Math.round(Number(m[3]) - Number(m[1])), Math.round(Number(m[4]) - Number(m[2]))]);
    }
  }
  return sizes;
}

/** A tab found by its URL rather than opened by the test (e.g. one the extension opened). */
export interface FoundTab {
  url(): string;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  close(): Promise<void>;
}

/** Waits for a tab whose URL starts with `prefix`, in the browser `page` belongs to. */
export async function waitForTab(page: TabPage, prefix: string, timeoutMs = 15_000): Promise<FoundTab> {
  const r = rawOf(page);
  const tab = await waitFor(
    async () => {
      if (r.kind === 'chromium')
        return (
          r.page
            .context()
            .pages()
            .find((p) => p.url().startsWith(prefix)) ?? null
        );
      // Puppeteer's BiDi pages keep 'about:blank' as the URL of a moz-extension:// tab they
      // did not navigate themselves (see gotoUrl in firefox.ts): ask each document.
      for (const p of await r.page.browser().pages()) {
        const href = await p.evaluate(() => location.href).catch(() => '');
        if (href.startsWith(prefix)) return p;
      }
      return null;
    },
    `a tab at ${prefix}`,
    timeoutMs,
  );
  const found: FoundTab = {
    url: () => tab.url(), // Firefox: may say about:blank, see above
    evaluate: (fn, arg) =>
      (tab as unknown as { evaluate(expression: string): Promise<unknown> }).evaluate(callExpression(fn, arg)) as never,
    close: () => tab.close(),
  };
  // Loaded far enough to run code in (Firefox reports a new tab before its document).
  await waitFor(
    () => found.evaluate(() => document.readyState === 'complete' && location.href !== 'about:blank'),
    `the tab at ${prefix} to load`,
    timeoutMs,
  );
  return found;
}
