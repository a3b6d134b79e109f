// What the marks' style sheet costs a page that is already styled, in Chromium, without the
// extension: the sheet's rules written as the content script writes them, and the other
// ways of writing them it could choose. Adopting a sheet after the page's first style pass
// always costs the page a style update, and how much depends on which elements the rules
// could style; the figures say which way of writing them is cheapest, and what a way that
// is cheap to adopt costs the page afterwards (a page inserting an item into its list). The
// pages: section 3's two large generated ones, and the real shop page with the most elements,
// for what a page people visit pays.
import { chromium, type Page } from 'playwright-core';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHROMIUM_PATH } from './harness/browsers';
import { CHROMIUM_FLAGS } from './harness/chromium';
import { noticePage, productGridPage } from './bench-pages';
import { fmt, median, table } from './bench-report';
import { rulesOnRoot } from '../../src/content/highlight-rules';

const SHOP_PAGES = resolve(import.meta.dirname, '../../../shared/corpora/product-pages');

interface SheetVariant {
  label: string;
  /** The sheet's text; PATH stands for a selector of one element deep in the page. */
  css: string | null;
}

export interface SheetRow {
  page: string;
  elements: number;
  variant: string;
  /** Adopting the sheet, and the style update the next style query then forces. */
  adoptMs: number;
  /** Afterwards: the page puts one item at the start of its longest list. */
  prependMs: number;
  /** Taking the sheet out again. */
  removeMs: number | null;
}

function variants(): SheetVariant[] {
  const marks = readFileSync(resolve('src/content/highlight.css'), 'utf8');
  return [
    { label: 'no sheet', css: null },
    { label: 'an empty sheet', css: '' },
    // As src/content/highlight.ts writes them for an engine whose highlights inherit (Chromium).
    {
      label: "the marks' rules on the root element (shipped)",
      css: rulesOnRoot(marks),
    },
    { label: "the marks' rules on every element", css: marks },
    {
      label: "the marks' rules on one element, by its position",
      css: marks.replaceAll('::highlight(', 'PATH::highlight('),
    },
  ];
}

/** In the page: adopt, prepend, take out, each followed by the style query that forces the update. */
async function measure(page: Page, css: string | null): Promise<Omit<SheetRow, 'page' | 'variant'>> {
  return page.evaluate(async (css) => {
    const frames = (): Promise<void> =>
      new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 200))));
    await frames();
    const elements = document.getElementsByTagName('*').length;
    const all = document.body.querySelectorAll('*');
    const target = all[Math.floor(all.length * 0.75)];
    // The selector of one element by position: tag and :nth-child() from the root down.
    const steps: string[] = [];
    for (let el: Element | null = target; el && el !== document.documentElement; el = el.parentElement) {
      const index = Array.prototype.indexOf.call(el.parentElement!.children, el) + 1;
      steps.unshift(`${el.localName}:nth-child(${index})`);
    }
    let list: Element = target;
    for (let el: Element | null = target; el; el = el.parentElement)
      if (el.children.length > list.children.length) list = el;
    const force = (): void => void target.checkVisibility();
    force();
    let sheet: CSSStyleSheet | null = null;
    const t0 = performance.now();
    if (css !== null) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css.replaceAll('PATH', `:root > ${steps.join(' > ')}`));
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }
    force();
    const adoptMs = performance.now() - t0;
    await frames();
    const item = list.firstElementChild!.cloneNode(true);
    const t1 = performance.now();
    list.prepend(item);
    force();
    const prependMs = performance.now() - t1;
    await frames();
    let removeMs: number | null = null;
    if (sheet) {
      const t2 = performance.now();
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      force();
      removeMs = performance.now() - t2;
    }
    return { elements, adoptMs, prependMs, removeMs };
  }, css);
}

/**
 * The real shop page with the most elements (../shared/corpora/product-pages, counted by its
 * start tags outside scripts and styles), its own scripts kept from running as in section 4.
 */
function largestShopPage(): { label: string; html: string } | null {
  if (!existsSync(SHOP_PAGES)) return null;
  let best: { file: string; tags: number; html: string } | null = null;
  for (const file of readdirSync(SHOP_PAGES).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(SHOP_PAGES, file), 'utf8');
    const bare = html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '').replace(/<!--[\s\S]*?-->/g, '');
    const tags = (bare.match(/<[a-zA-Z][^>]*>/g) ?? []).length;
    if (!best || tags > best.tags) best = { file, tags, html };
  }
  if (!best) return null;
  const noScripts = `<meta http-equiv="Content-Security-Policy" content="script-src 'none'">`;
  const html = /<head[^>]*>/i.test(best.html)
    ? best.html.replace(/<head[^>]*>/i, (head) => head + noScripts)
    : noScripts + best.html;
  return { label: `the largest real shop page (${best.file.replace(/-[0-9a-f]+\.html$/, '')})`, html };
}

export async function runMarksSheetBench(opts: { quick?: boolean; log: (s: string) => void }): Promise<SheetRow[]> {
  const rounds = opts.quick ? 2 : 5;
  const shop = largestShopPage();
  const pages = [
    {
      label: `${(opts.quick ? 5000 : 20000).toLocaleString('en')} product tiles`,
      html: productGridPage(opts.quick ? 5000 : 20000).html,
    },
    {
      label: `notice with ${(opts.quick ? 500 : 2000).toLocaleString('en')} tenderers`,
      html: noticePage(opts.quick ? 500 : 2000).html,
    },
    ...(shop ? [shop] : []),
  ];
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
  const rows: SheetRow[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
    // tsx names the page function's inner functions through a helper the page does not have.
    await context.addInitScript('globalThis.__name = (f) => f;');
    // The real page's images, fonts and style sheets would wait for a network this machine
    // does not have: refused at once, as its scripts are.
    await context.route(/^https?:/, (route) => route.abort());
    for (const p of pages) {
      for (const v of variants()) {
        opts.log(`  marks' sheet: ${p.label}, ${v.label} ...`);
        const runs: Omit<SheetRow, 'page' | 'variant'>[] = [];
        for (let i = 0; i < rounds; i++) {
          const page = await context.newPage();
          await page.setContent(p.html, { waitUntil: 'load' });
          runs.push(await measure(page, v.css));
          await page.close();
        }
        const removes = runs.map((r) => r.removeMs).filter((x): x is number => x !== null);
        rows.push({
          page: p.label,
          variant: v.label,
          elements: runs[0].elements,
          adoptMs: median(runs.map((r) => r.adoptMs)),
          prependMs: median(runs.map((r) => r.prependMs)),
          removeMs: removes.length ? median(removes) : null,
        });
      }
    }
  } finally {
    await browser.close();
  }
  return rows;
}

export function printMarksSheetResults(rows: readonly SheetRow[], out: (s?: string) => void): void {
  out();
  out("### The marks' style sheet on a page already styled (Chromium, without the extension, median of the runs)");
  out();
  out(
    table(
      ['Page', 'Elements', 'Sheet', 'Adopt, then a style query', 'Then one item put first in the list', 'Take it out'],
      rows.map((r) => [
        r.page,
        r.elements.toLocaleString('en'),
        r.variant,
        fmt.ms(r.adoptMs),
        fmt.ms(r.prependMs),
        r.removeMs === null ? '' : fmt.ms(r.removeMs),
      ]),
    ),
  );
}
