// `scan` reports origin findings in their own JSON field, apart from company matches, with
// the same reading as the extension (label/value rows, JSON-LD): a producer line in a
// settlement industrial zone is a finding, "Made in Israel" alone and Ariel washing powder
// are not.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blocksFromInput } from '../../src/cli/inputs';

const page = (name: string) => readFileSync(new URL(`../e2e/pages/${name}`, import.meta.url), 'utf8');

describe('scan: origins', () => {
  it('names the place a producer line gives, beside the stated origin', () => {
    const input = blocksFromInput('p.html', page('origin-producer-zone.html'), null);
    expect(input.origins.findings.map((f) => f.placeName)).toContainEqual(
      expect.stringMatching(/Mishor (Adumim|Edomim)/),
    );
    expect(input.origins.findings[0].contextKind).toBe('producer');
    expect(input.origins.stated.map((s) => s.value)).toContain('Israël');
  });

  it.each(['origin-made-in-israel.html', 'origin-ariel-powder.html', 'origin-jordan.html'])('%s: no finding', (f) => {
    expect(blocksFromInput('p.html', page(f), null).origins.findings).toEqual([]);
  });

  it('plain text is not read for origins', () => {
    expect(blocksFromInput('n.txt', 'Producent: SodaStream, Mishor Adumim\n', null).origins.findings).toEqual([]);
  });
});

describe('scan --json: origins field', () => {
  it('carries the findings of an HTML page, apart from the company matches', async () => {
    const { main } = await import('../../src/cli/main');
    const out: string[] = [];
    const io = {
      out: (s: string) => out.push(s),
      err: () => {},
      read: async () => new TextEncoder().encode(page('origin-producer-zone.html')),
    };
    const code = await main(['scan', 'p.html', '--json'], { io: io as never });
    expect(code).toBe(0);
    const r = JSON.parse(out[0]) as { origins: { findings: { placeName: string }[] }; matches: unknown[] };
    expect(r.origins.findings.map((f) => f.placeName)).toContainEqual(expect.stringMatching(/Mishor (Adumim|Edomim)/));
  });
});
