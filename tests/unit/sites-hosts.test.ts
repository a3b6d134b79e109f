// Where the content script runs by itself: the adapters' hosts, which vite.config.ts writes into
// the manifest (manifestMatches), each a plain https pattern inside its adapter's domains; and
// the adapters' domains, which the kinds of site are made of.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ADAPTERS, adapterFor, manifestMatches, patternHost, type SiteAdapter } from '../../src/formats/page/sites';
import { hostIn } from '../../src/formats/page/sites/types';

const adapter = (over: Partial<SiteAdapter>): SiteAdapter => ({
  id: 'x',
  kind: 'shop',
  domains: ['example.com'],
  hosts: ['https://www.example.com/*'],
  ...over,
});

describe('the manifest hosts', () => {
  it('are every adapter’s hosts, sorted, each once', () => {
    const all = ADAPTERS.flatMap((a) => a.hosts);
    const matches = manifestMatches();
    expect(matches).toEqual([...new Set(all)].sort());
    expect(matches.length).toBeGreaterThan(10);
  });

  it('are filled by the build: manifest.json lists none by hand', () => {
    const manifest = JSON.parse(readFileSync(fileURLToPath(new URL('../../manifest.json', import.meta.url)), 'utf8'));
    expect(manifest.content_scripts).toHaveLength(1);
    expect(manifest.content_scripts[0].matches).toEqual([]);
  });

  it.each(ADAPTERS.map((a) => [a.id, a]))('%s: each host is an https pattern within its domains', (_, a) => {
    expect(a.hosts.length).toBeGreaterThan(0);
    for (const pattern of a.hosts) {
      const host = patternHost(pattern);
      expect(host, pattern).not.toBeNull();
      expect(hostIn(new URL(`https://${host}/`), a.domains), pattern).toBe(true);
      // The content script on that host uses this adapter, not another one.
      expect(adapterFor(new URL(`https://${host}/`))?.id, pattern).toBe(a.id);
    }
  });

  it('cover all subdomains (`*.`) only where the site serves its pages from many', () => {
    expect(manifestMatches().filter((m) => m.includes('*.'))).toEqual([
      'https://*.leclercdrive.fr/*',
      'https://*.mercell.com/*',
    ]);
  });

  it('leave out www.amazon.co.uk, where the browser tests serve pages the extension must not read', () => {
    // tests/e2e/quiet-pages.test.ts: reference copies of shop pages under a real shop host.
    expect(adapterFor(new URL('https://www.amazon.co.uk/'))?.id).toBe('amazon');
    expect(manifestMatches().some((m) => m.includes('amazon.co.uk'))).toBe(false);
  });

  it('hold no local pages: the local build variant adds those', () => {
    expect(manifestMatches().filter((m) => /127\.0\.0\.1|localhost/.test(m))).toEqual([]);
  });

  it('refuse a pattern outside the adapter’s domains, on http, or on every site', () => {
    for (const hosts of [
      ['https://www.example.org/*'],
      ['https://example.com.evil.test/*'],
      ['http://www.example.com/*'],
      ['*://www.example.com/*'],
      ['https://*/*'],
      ['<all_urls>'],
      ['https://www.example.com/dp/*'],
      ['https://WWW.example.com/*'],
    ]) {
      expect(() => manifestMatches([adapter({ hosts })]), hosts[0]).toThrow(/site adapter x/);
    }
    expect(manifestMatches([adapter({ hosts: ['https://*.example.com/*', 'https://example.com/*'] })])).toEqual([
      'https://*.example.com/*',
      'https://example.com/*',
    ]);
  });
});

describe('the adapters’ domains and kinds', () => {
  it.each(ADAPTERS.map((a) => [a.id, a]))('%s: a kind, and registrable domains written plainly', (_, a) => {
    expect(['procurement', 'shop']).toContain(a.kind);
    expect(a.domains.length).toBeGreaterThan(0);
    for (const d of a.domains) {
      expect(d, d).toMatch(/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/);
      expect(d, d).not.toMatch(/^www\./);
    }
  });

  it('belong to one adapter each', () => {
    const owners = new Map<string, string>();
    for (const a of ADAPTERS) {
      for (const d of a.domains) {
        for (const [other, id] of owners) {
          const overlap = d === other || d.endsWith(`.${other}`) || other.endsWith(`.${d}`);
          expect(overlap, `${d} (${a.id}) and ${other} (${id})`).toBe(false);
        }
        owners.set(d, a.id);
      }
    }
  });
});
