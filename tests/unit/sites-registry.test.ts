// The adapter registry: every adapter names its test URLs in a "## Test URLs" header, picks
// those URLs, has a fixture, and no adapter claims a look-alike host.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ADAPTERS, adapterFor, siteDomains } from '../../src/formats/page/sites';
import { siteHasPageData, siteKind } from '../../src/shared/site-kinds';
import generatedDomains from '../../src/generated/site-domains.json';
import { hostIn } from '../../src/formats/page/sites/types';

const sitesDir = fileURLToPath(new URL('../../src/formats/page/sites/', import.meta.url));
const fixturesDir = fileURLToPath(new URL('../fixtures/sites/', import.meta.url));

/** The URLs listed under "## Test URLs" in an adapter's header comment. */
function testUrls(id: string): string[] {
  const src = readFileSync(`${sitesDir}${id}.ts`, 'utf8');
  const header = src.split('\nimport ')[0];
  const section = header.split('## Test URLs')[1] ?? '';
  return [...section.matchAll(/^\/\/ - (https:\/\/\S+)/gm)].map((m) => m[1]);
}

describe('site adapters', () => {
  it('give the content script its domains by kind (src/generated/site-domains.json is current)', () => {
    expect(generatedDomains).toEqual(siteDomains());
    expect(siteKind('ted.europa.eu')).toBe('procurement');
    expect(siteKind('www.amazon.de')).toBe('shop');
    expect(siteKind('WWW.BOL.COM.')).toBe('shop');
    expect(siteKind('example.org')).toBeNull();
    // Only the sites whose adapter reads inline data: Leclerc Drive's product JSON.
    expect(siteHasPageData('fd12-courses.leclercdrive.fr')).toBe(true);
    expect(siteHasPageData('www.amazon.de')).toBe(false);
  });

  it('have unique ids', () => {
    expect(new Set(ADAPTERS.map((a) => a.id)).size).toBe(ADAPTERS.length);
  });

  it.each(ADAPTERS.map((a) => [a.id]))('%s lists test URLs it picks, and has a fixture', (id) => {
    const urls = testUrls(id);
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(adapterFor(new URL(u))?.id).toBe(id);
    expect(existsSync(`${fixturesDir}${id}.html`)).toBe(true);
  });

  it.each([
    ['https://www.amazon.nl/dp/B000', 'amazon'],
    ['https://www.amazon.com.be/dp/B000', 'amazon'],
    ['https://www.amazon.fr/dp/B000', 'amazon'],
    ['https://www.amazon.de/dp/B000', 'amazon'],
    ['https://www.bol.com/be/fr/p/x/1/', 'bol'],
    ['https://enot.publicprocurement.be/enot-war/home.do', 'be-eprocurement'],
    ['https://www.ah.be/producten', 'albert-heijn'],
    ['https://www.collectandgo.be/', 'colruyt'],
    ['https://fd7-courses.leclercdrive.fr/magasin-1/rayon-2.aspx', 'leclerc-drive'],
  ])('%s -> %s', (url, id) => {
    expect(adapterFor(new URL(url))?.id).toBe(id);
  });

  it('pick nothing for other hosts, look-alikes and files without a URL', () => {
    expect(adapterFor(null)).toBeNull();
    for (const u of [
      'https://example.com/',
      'https://notamazon.com/',
      'https://amazon.com.evil.example/',
      'https://ted.europa.eu.example.org/',
      'https://www.bol.community/',
    ]) {
      expect(adapterFor(new URL(u))).toBeNull();
    }
  });

  it('hostIn matches the domain and its subdomains only', () => {
    expect(hostIn(new URL('https://ted.europa.eu/'), ['ted.europa.eu'])).toBe(true);
    expect(hostIn(new URL('https://www.TED.europa.eu./'), ['ted.europa.eu'])).toBe(true);
    expect(hostIn(new URL('https://xted.europa.eu/'), ['ted.europa.eu'])).toBe(false);
  });
});
