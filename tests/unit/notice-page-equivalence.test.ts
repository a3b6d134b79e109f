// A notice file scanned by the CLI and the same notice read as a web page (its texts as the
// page's paragraphs, its language as <html lang>, as ted.europa.eu shows it) get the same
// decisions on the texts of the notice: the same brands flag or not, by the same rule.
// Real notices from ../shared/corpora/ted-notices whose descriptions name a brand.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { blocksFromInput } from '../../src/cli/inputs';
import { Matcher } from '../../src/core/matcher';
import { scanPage } from '../../src/core/page';
import type { CompiledData, TextBlock } from '../../src/core/types';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const matcher = Matcher.fromData(
  JSON.parse(readFileSync(resolve(root, 'src/generated/compiled-lists.json'), 'utf8')) as CompiledData,
);
const NOTICES = resolve(root, '../shared/corpora/ted-notices');

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The notice as a page: one paragraph per text, in the notice's language. */
function asPage(blocks: readonly TextBlock[]): string {
  const lang = blocks.find((b) => b.lang)?.lang ?? '';
  return `<!doctype html><html lang="${lang}"><body>${blocks.map((b) => `<p>${escape(b.text)}</p>`).join('')}</body></html>`;
}

const decisions = (blocks: TextBlock[]) =>
  scanPage(matcher, blocks).flatMap((s, i) =>
    s.matches.map((m) => `${i}|${m.text}|${m.entityName}|${m.level}|${m.rule}`),
  );

describe.each([
  ['135c1ade7d63af0d69accf0e264dd8ce9726832d.xml', 'Solaris', 'brand-product'],
  ['3ea25f7af080d7c09f00e1239cdf378df7417adf.xml', 'Cisco', 'foreign-word'],
  ['04d6107e15033a040a868f57e822479dbe153812.xml', 'IBM', 'acronym-case'],
])('notice %s', (file, brand, rule) => {
  const xml = readFileSync(resolve(NOTICES, file), 'utf8');
  const notice = blocksFromInput(file, xml, null);
  const texts = notice.blocks.filter((_, i) => notice.sources[i] !== null && !/OFFICIALNAME/.test(notice.sources[i]!));

  it(`flags ${brand} in its descriptions by rule ${rule}`, () => {
    expect(decisions(texts)).toContainEqual(expect.stringMatching(new RegExp(`\\|${brand}\\|.*\\|flag\\|${rule}$`)));
  });

  it('decides the same on the notice file and on the notice page', () => {
    const page = blocksFromInput('notice.html', asPage(texts), null);
    expect(page.blocks.map((b) => b.text)).toEqual(texts.map((b) => b.text));
    expect(decisions(page.blocks)).toEqual(decisions(texts));
  });
});
