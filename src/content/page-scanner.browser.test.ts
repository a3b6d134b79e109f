// The page scanner's marks in the real engines while the user's dismissals are on their way
// (the scanner asks for them when it first has something to paint and does not hold the
// scan for them): the page is scanned and reported, nothing is painted until they come, and
// then everything but the dismissed company is.
import { afterEach, expect, it } from 'vitest';
import compiled from '../generated/compiled-lists.json';
import { Matcher } from '../core/matcher';
import type { CompiledData } from '../core/types';
import type { PageReport } from '../shared/messages';
import type { BlockMatcher } from './block-matcher';
import { FLAG_HIGHLIGHT } from './highlight';
import { PageScanner } from './page-scanner';

const core = Matcher.fromData(compiled as unknown as CompiledData, { enabledLists: null });
const matcher: BlockMatcher = {
  key: '*',
  scanBlocks: async (blocks) => ({
    scans: blocks.map((b) => {
      const scan = core.scanBlock(b);
      return scan.matches.length > 0 ? scan : null;
    }),
    needsReader: false,
  }),
  findOrigins: async () => ({ findings: [], stated: [] }),
};

/** The texts the flag highlight covers now, sorted. */
const flagged = (): string[] => {
  const h = CSS.highlights.get(FLAG_HIGHLIGHT);
  const text = (r: AbstractRange) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset);
  return h ? [...h].map(text).sort() : [];
};

let scanner: PageScanner | null = null;
afterEach(() => {
  scanner?.stop();
  scanner = null;
  document.body.replaceChildren();
});

it('paints nothing until the dismissals come, then all but the dismissed company', async () => {
  for (const text of ['Ahava mud mask', 'Delivered by Elbit Systems ltd']) {
    const p = document.createElement('p');
    p.textContent = text;
    document.body.append(p);
  }
  const reports: PageReport[] = [];
  let asked = 0;
  scanner = new PageScanner({
    send: async (r) => {
      reports.push(r);
      return 'sent';
    },
    loadReader: () => Promise.reject(new Error('not needed here')),
    wantDismissals: () => asked++,
  });
  scanner.setMarks(true);
  scanner.configure({ paused: false, matcher });
  await expect.poll(() => reports.some((r) => !r.scanning && r.matches.length === 2), { timeout: 5000 }).toBe(true);
  expect(flagged()).toEqual([]);
  expect(asked).toBe(1);

  const matches = reports.at(-1)!.matches;
  const ahava = matches.find((m) => m.text === 'Ahava')!;
  const elbit = matches.find((m) => m.text.startsWith('Elbit'))!;
  scanner.setHidden(new Set([ahava.entity]));
  expect(flagged()).toEqual([elbit.text]);
});
