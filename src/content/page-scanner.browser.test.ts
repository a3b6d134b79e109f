// The page scanner in the real engines, with their own mutation records and idle callbacks:
// its marks while the user's dismissals are on their way (the scanner asks for them when it
// first has something to paint and does not hold the scan for them), and its reports while
// the page renders a list anew under a rescan.
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

const sentTo = (reports: PageReport[]) => async (r: PageReport) => {
  reports.push(r);
  return 'sent' as const;
};
const noReader = () => Promise.reject(new Error('not needed here'));

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
  scanner = new PageScanner({ send: sentTo(reports), loadReader: noReader, wantDismissals: () => asked++ });
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

it('never reports a list without its names while the page renders it anew under a rescan', async () => {
  // An app that renders its rows anew (new nodes, same text). A render lands after the
  // observer handed the rows on and before the rescan reads them: those rows are gone, and
  // the rows that replaced them wait for the observer's next quiet time. Shown meanwhile, the
  // page would have lost its names for a while.
  const ul = document.createElement('ul');
  for (const text of ['Supplier: Ahava', 'Supplier: plain words', 'Supplier: Elbit Systems ltd']) {
    const li = document.createElement('li');
    li.textContent = text;
    ul.append(li);
  }
  document.body.append(ul);
  const render = () => {
    for (const li of Array.from(ul.children)) {
      const fresh = document.createElement('li');
      fresh.textContent = li.textContent;
      ul.replaceChild(fresh, li);
    }
  };
  let hold: Promise<void> | null = null;
  let held = 0;
  const gated: BlockMatcher = {
    ...matcher,
    scanBlocks: async (blocks, opts) => {
      if (hold) {
        held++;
        await hold;
      }
      return matcher.scanBlocks(blocks, opts);
    },
  };
  const names = (r: PageReport) => r.matches.map((m) => m.text).sort();
  const both = ['Ahava', 'Elbit Systems'];
  const reports: PageReport[] = [];
  scanner = new PageScanner({ send: sentTo(reports), loadReader: noReader });
  scanner.configure({ paused: false, matcher: gated });
  await expect
    .poll(() => reports.some((r) => !r.scanning && names(r).join() === both.join()), { timeout: 5000 })
    .toBe(true);
  const before = reports.length;

  let release!: () => void;
  hold = new Promise<void>((r) => (release = r));
  render();
  // The observer hands the rows on after its quiet time; their rescan waits for its batch.
  await expect.poll(() => held, { timeout: 5000 }).toBe(1);
  render();
  // The observer hands these rows on too (in an idle callback, which runs before ours), while
  // the rescan before still waits.
  await new Promise((r) => setTimeout(r, 400));
  await new Promise((r) => requestIdleCallback(r));
  hold = null;
  render(); // ...and they are gone before the next rescan gets to them.
  release();
  await new Promise((r) => setTimeout(r, 2000));
  expect(reports.length).toBeGreaterThan(before);
  expect(reports.slice(before).map(names)).toEqual(reports.slice(before).map(() => both));
});
