// What a store review looks at, checked on the built extension (dist/<target>-local always;
// dist/chrome and dist/firefox, the store builds, when `npm run build` made them):
//   - the manifest asks for least privilege: no standing host permission, optional hosts only,
//     no externally_connectable, one web-accessible resource (the page reader the content
//     script imports, in Chrome only under the session's dynamic URL); Firefox declares that
//     no data is collected and needs a Firefox that understands that declaration;
//   - a strict CSP for extension pages, and it applies: in both browsers every extension
//     page refuses inline script and a script from a web server (securitypolicyviolation
//     events; eval cannot be tried this way: code a test harness evaluates is exempt from
//     the page's CSP, so the bundles are checked for it instead);
//   - no remote code and nothing that turns text into code or HTML in any bundle: no eval,
//     no Function constructor, no string timers, no innerHTML/outerHTML/insertAdjacentHTML/
//     document.write, no importScripts; every page's scripts are the extension's own files.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureLocalBuild, type Target } from '../../scripts/lib/harness/build';
import { startServer, type StaticServer } from '../../scripts/lib/harness/server';
import type { BrowserName } from '../../scripts/lib/harness/types';
import { launchSec, openExtensionPage, type SecBrowser } from './security-harness';

const STRICT_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
const PERMISSIONS = ['storage', 'activeTab', 'scripting', 'contextMenus'];

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, ext) : ext.test(name) ? [path] : [];
  });
}

/** Patterns that turn text into code or markup. Each hit is a finding; there must be none. */
const FORBIDDEN: [string, RegExp][] = [
  ['eval(', /(?<![\w$.])eval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['Function(...) constructor', /(?<![\w$.])Function\s*\(\s*["'`]/],
  ['string timer', /\bset(?:Timeout|Interval)\s*\(\s*["'`]/],
  ['innerHTML =', /\.innerHTML\s*=(?!=)/],
  ['outerHTML =', /\.outerHTML\s*=(?!=)/],
  ['insertAdjacentHTML', /\.insertAdjacentHTML\s*\(/],
  ['document.write', /\bdocument\.write(?:ln)?\s*\(/],
  ['importScripts', /\bimportScripts\s*\(/],
  ['createContextualFragment', /\.createContextualFragment\s*\(/],
  ['remote import', /\bimport\s*\(\s*["'`]https?:/],
];

function buildDirs(target: Target): string[] {
  const dirs = [ensureLocalBuild(target)];
  const store = join(import.meta.dirname, '../../dist', target);
  if (existsSync(join(store, 'manifest.json'))) dirs.push(store);
  return dirs;
}

describe.each(['chrome', 'firefox'] as Target[])('the %s build', (target) => {
  for (const dir of buildDirs(target)) {
    const name = relative(join(import.meta.dirname, '../..'), dir);

    it(`${name}: the manifest asks for least privilege`, () => {
      const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      expect(m.manifest_version).toBe(3);
      expect([...m.permissions].sort()).toEqual([...PERMISSIONS].sort());
      expect(m.host_permissions ?? []).toEqual([]);
      expect([...m.optional_host_permissions].sort()).toEqual(['http://*/*', 'https://*/*']);
      expect(m.externally_connectable).toBeUndefined();
      // The content script's imports alone: in Chromium the content script proper
      // (src/content/boot-module.ts), in both the page reader (src/content/reader-loader.ts).
      expect(m.web_accessible_resources).toEqual([
        {
          resources: [...(target === 'chrome' ? ['src/content/main.js'] : []), 'src/content/page-reader.js'],
          matches: ['<all_urls>'],
          ...(target === 'chrome' ? { use_dynamic_url: true } : {}),
        },
      ]);
      expect(m.content_security_policy).toEqual({ extension_pages: STRICT_CSP });
      expect(m.update_url).toBeUndefined();
      for (const cs of m.content_scripts) {
        for (const p of cs.matches)
          expect(p, 'a content script on every site').not.toMatch(/^(<all_urls>|\*:\/\/\*\/|https?:\/\/\*\/)/);
      }
      if (target === 'firefox') {
        const gecko = m.browser_specific_settings.gecko;
        expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
        // data_collection_permissions is understood from Firefox 140 (desktop) / 142 (Android).
        expect(Number.parseFloat(gecko.strict_min_version)).toBeGreaterThanOrEqual(142);
      } else {
        expect(m.browser_specific_settings).toBeUndefined();
      }
    });

    it(`${name}: no remote code, nothing that turns text into code or HTML`, () => {
      const found: string[] = [];
      const scripts = files(dir, /\.(m?js)$/);
      expect(scripts.length).toBeGreaterThan(3);
      for (const file of scripts) {
        const code = readFileSync(file, 'utf8');
        for (const [what, re] of FORBIDDEN) if (re.test(code)) found.push(`${relative(dir, file)}: ${what}`);
      }
      expect(found).toEqual([]);
    });

    it(`${name}: every extension page loads only the extension's own scripts`, () => {
      const pages = files(dir, /\.html$/);
      expect(pages.length).toBeGreaterThanOrEqual(4); // popup, options, screening, report
      for (const page of pages) {
        const html = readFileSync(page, 'utf8');
        const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
        expect(scripts.length, relative(dir, page)).toBeGreaterThan(0);
        for (const [, attrs, body] of scripts) {
          expect(body.trim(), `inline script in ${relative(dir, page)}`).toBe('');
          const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1] ?? '';
          expect(src, relative(dir, page)).toMatch(/^\/(?!\/)/);
          expect(existsSync(join(dir, src)), `${src} exists`).toBe(true);
        }
        expect(html, relative(dir, page)).not.toMatch(
          /<(link|img|iframe|object|embed)\b[^>]*\b(href|src)="(https?:)?\/\//i,
        );
      }
    });
  }
});

describe('papaparse', () => {
  it('is never asked to download (its XMLHttpRequest path stays dormant)', () => {
    const src = files(join(import.meta.dirname, '../../src'), /\.tsx?$/);
    for (const file of src) {
      const code = readFileSync(file, 'utf8');
      for (const call of code.matchAll(/Papa\.parse(?:<[^>]*>)?\(([\s\S]*?)\);/g)) {
        expect(call[1], file).not.toMatch(/\b(download|worker)\s*:/);
      }
    }
  });
});

const BROWSERS: [BrowserName, Target][] = [
  ['chromium', 'chrome'],
  ['firefox', 'firefox'],
];

describe.each(BROWSERS)("the extension pages' CSP applies in %s", (browserName, target) => {
  let b: SecBrowser;
  let srv: StaticServer;
  beforeAll(async () => {
    srv = await startServer({ '/pages/': 'tests/e2e/pages' });
    b = await launchSec(browserName, ensureLocalBuild(target));
  });
  afterAll(async () => {
    await b?.close();
    await srv?.close();
  });

  for (const page of [
    'src/ui/popup/index.html',
    'src/ui/options/index.html',
    'src/ui/screen/index.html',
    'src/ui/record/index.html',
  ]) {
    it(`${page}: inline script and a script from a web server are refused`, async () => {
      const tab = await openExtensionPage(b, page);
      try {
        const outcome = await tab.evaluate(async (remote: string) => {
          const w = window as unknown as { __inline?: boolean; __remote?: boolean };
          const violations: string[] = [];
          document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
          // (eval itself cannot be tried from here: code the test harness evaluates is exempt
          // from the page's CSP in both browsers. The inline script below tries it instead.)
          const inline = document.createElement('script');
          inline.textContent = 'window.__inline = true;';
          document.head.append(inline);
          const ext = document.createElement('script');
          ext.src = remote;
          ext.onload = () => (w.__remote = true);
          document.head.append(ext);
          await new Promise((r) => setTimeout(r, 800));
          return { inline: w.__inline === true, remote: w.__remote === true, violations };
        }, srv.url('/pages/hostile/remote.js'));
        expect(outcome.inline).toBe(false);
        expect(outcome.remote).toBe(false);
        console.log(`[csp] ${browserName} ${page}: violations ${outcome.violations.join(', ')}`);
        expect(outcome.violations.filter((v) => v.startsWith('script-src')).length).toBeGreaterThanOrEqual(2);
      } finally {
        await tab.close();
      }
    });
  }
});
