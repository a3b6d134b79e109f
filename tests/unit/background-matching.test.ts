// Matching as a service of the background: the messages' validation both ways, the
// background's answers (lists switched off, imported lists after a change of user data,
// origins), the content script's matcher splitting a page into requests within the bounds,
// and the queue that keeps a walk's batches in page order.
import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, resetFakeBrowser } from './helpers/fake-browser';
import type { BlockScan } from '../../src/core/matcher';
import type { BatchScans } from '../../src/content/block-matcher';
import type { WireBlock } from '../../src/shared/match-messages';
import type { PageReport } from '../../src/shared/messages';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('./helpers/fake-browser')).fakeBrowser }));

const { handleMessage } = await import('../../src/background/messages');
const ud = await import('../../src/shared/user-data');
const { parseImportedList } = await import('../../src/core/import-list');
const mm = await import('../../src/shared/match-messages');
const { RemoteMatcher } = await import('../../src/content/remote-matcher');
const { ScanQueue } = await import('../../src/content/scan-queue');
const { OrphanedError } = await import('../../src/content/block-matcher');

const contentSender = { id: 'testextensionid', url: 'https://shop.test/', tab: { id: 4 } as never, frameId: 0 };
const popupSender = { id: 'testextensionid', url: 'chrome-extension://testextensionid/src/ui/popup/index.html' };
const block = (text: string, field: WireBlock['field'] = null): WireBlock => ({ text, field, lang: 'en' });
const request = (blocks: WireBlock[], disabled: string[] = [], revision: string | null = null) => ({
  type: 'match-blocks' as const,
  lists: { disabled, revision },
  batch: mm.toWireBatch(blocks),
});

describe('match messages are validated on receipt', () => {
  it('takes a well-formed request and refuses hostile ones', () => {
    expect(mm.isMatchRequest(request([block('Airbnb')]))).toBe(true);
    expect(mm.isMatchRequest({ ...request([block('x')]), type: 'match-block' })).toBe(false);
    const batch = mm.toWireBatch([block('Acme'), block('Airbnb', 'supplier')]);
    expect(batch).toEqual({ text: 'AcmeAirbnb', lengths: [4, 6], fields: [[1, 'supplier']], lang: 'en' });
    expect(mm.fromWireBatch(batch)).toEqual([block('Acme'), block('Airbnb', 'supplier')]);
    const withBatch = (b: object) => ({ type: 'match-blocks', lists: { disabled: [], revision: null }, batch: b });
    expect(mm.isMatchRequest(withBatch({ ...batch, text: 3 }))).toBe(false);
    expect(mm.isMatchRequest(withBatch({ ...batch, lengths: [4, 5] }))).toBe(false);
    expect(mm.isMatchRequest(withBatch({ ...batch, lengths: [4, -1, 7] }))).toBe(false);
    expect(mm.isMatchRequest(withBatch({ ...batch, fields: [[1, 'ceo']] }))).toBe(false);
    expect(mm.isMatchRequest(withBatch({ ...batch, fields: [[2, 'supplier']] }))).toBe(false);
    expect(mm.isMatchRequest(withBatch({ ...batch, lang: 'x'.repeat(100) }))).toBe(false);
    expect(mm.isMatchRequest({ ...request([]), lists: { disabled: 'all', revision: null } })).toBe(false);
    const tooMany = Array.from({ length: mm.MAX_BLOCKS_PER_REQUEST + 1 }, () => block('a'));
    expect(mm.isMatchRequest(request(tooMany))).toBe(false);
    const tooLong = [block('a'.repeat(mm.MAX_CHARS_PER_REQUEST)), block('b')];
    expect(mm.isMatchRequest(request(tooLong))).toBe(false);
    expect(
      mm.isMatchRequest({
        type: 'match-origins',
        contexts: [{ c: { kind: 'planet', label: 'x', text: 'y', source: 'label' }, fromPageData: false }],
      }),
    ).toBe(false);
  });

  it('refuses a reply whose block indexes are outside the request', () => {
    const scan: BlockScan = { matches: [], guards: [] };
    expect(mm.isMatchBlocksReply({ ok: true, found: [[1, scan]] }, 2)).toBe(true);
    expect(mm.isMatchBlocksReply({ ok: true, found: [[2, scan]] }, 2)).toBe(false);
    expect(mm.isMatchBlocksReply({ ok: true, found: [[0.5, scan]] }, 2)).toBe(false);
    expect(mm.isMatchBlocksReply({ ok: true, found: [[0, { matches: [{}], guards: [] }]] }, 2)).toBe(false);
    expect(mm.isMatchBlocksReply({ ok: false }, 2)).toBe(true);
  });
});

describe('the background matches for content scripts', () => {
  beforeEach(async () => {
    await ud.closeUserDb();
    await deleteDB(ud.DB_NAME);
    resetFakeBrowser();
  });

  it('answers only content scripts, with the blocks that found something', async () => {
    const blocks = [block('Nothing to see here.'), block('Book a flat on Airbnb tonight.')];
    const reply = (await handleMessage(request(blocks), contentSender as never)) as any;
    expect(reply.ok).toBe(true);
    expect(reply.found.map(([i]: [number]) => i)).toEqual([1]);
    expect(reply.found[0][1].matches[0]).toMatchObject({ text: 'Airbnb', level: 'flag' });
    expect(mm.isMatchBlocksReply(reply, blocks.length)).toBe(true);
    expect(handleMessage(request(blocks), popupSender as never)).toBeUndefined();
    expect(handleMessage(request(blocks), { id: 'other', url: 'https://x.test/' } as never)).toBeUndefined();
  });

  it('says, when asked, whether a batch calls for the page reader: a listed name’s words or an origin row', async () => {
    const ask = async (text: string, readerHints = true) => {
      const r = (await handleMessage(
        { ...request([block('Nothing to see here.'), block(text)]), ...(readerHints ? { readerHints: true } : {}) },
        contentSender as never,
      )) as any;
      expect(mm.isMatchBlocksReply(r, 2)).toBe(true);
      return r;
    };
    expect((await ask('Plain words only.')).needsReader).toBe(false);
    // Named but not flagged here (a role in brackets): a field could still decide otherwise.
    const role = await ask('Lid van de combinatie (Partner)');
    expect(role.found).toEqual([]);
    expect(role.needsReader).toBe(true);
    expect((await ask('Herkomst: Spanje')).needsReader).toBe(true);
    // A long description that merely starts with the word is no origin row.
    expect((await ask(`Herkomst ${'en verhaal '.repeat(40)}`)).needsReader).toBe(false);
    expect((await ask('Herkomst: Spanje', false)).needsReader).toBeUndefined();
  });

  it('leaves out the lists the user switched off', async () => {
    const on = (await handleMessage(request([block('Airbnb')]), contentSender as never)) as any;
    const lists = on.found[0][1].matches[0].lists.map((l: { list: string }) => l.list) as string[];
    expect(lists.length).toBeGreaterThan(0);
    const off = (await handleMessage(request([block('Airbnb')], lists), contentSender as never)) as any;
    expect(off).toEqual({ ok: true, found: [] });
  });

  it('matches with a newly imported list once asked with the new revision', async () => {
    const before = (await handleMessage(
      request([block('Delivered by Zeta Logistics BV')], [], 'r1'),
      contentSender as never,
    )) as any;
    expect(before.found).toEqual([]);
    const text = 'name\nZeta Logistics BV\n';
    await ud.importList(parseImportedList('c.csv', text, { title: 'Council', publisher: 'Gent' }), {
      name: 'c.csv',
      text,
    });
    const after = (await handleMessage(
      request([block('Delivered by Zeta Logistics BV')], [], 'r2'),
      contentSender as never,
    )) as any;
    expect(after.found).toHaveLength(1);
    expect(after.found[0][1].matches[0].entityName).toBe('Zeta Logistics BV');
  });

  it('builds the matcher for a choice of lists once, for requests that arrive together', async () => {
    const { Matcher } = await import('../../src/core/matcher');
    const built = vi.spyOn(Matcher, 'fromData');
    try {
      const replies = (await Promise.all(
        [1, 2, 3].map(() => handleMessage(request([block('Airbnb')], [], 'r-once'), contentSender as never)),
      )) as any[];
      expect(replies.map((r) => r.found.length)).toEqual([1, 1, 1]);
      expect(built).toHaveBeenCalledTimes(1);
    } finally {
      built.mockRestore();
    }
  });

  it('names the settlement places that origin values state', async () => {
    const reply = (await handleMessage(
      {
        type: 'match-origins',
        contexts: [
          { c: { kind: 'origin', label: 'Herkomst', text: 'Israël', source: 'label' }, fromPageData: false },
          {
            c: {
              kind: 'producer',
              label: 'Producent',
              text: 'SodaStream Ltd., Mishor Adumim Industrial Zone',
              source: 'label',
            },
            fromPageData: false,
          },
        ],
      },
      contentSender as never,
    )) as any;
    expect(mm.isMatchOriginsReply(reply)).toBe(true);
    expect(reply.origins.stated).toEqual([{ label: 'Herkomst', value: 'Israël', fromPageData: false }]);
    expect(reply.origins.findings.map((f: { placeName: string; label: string }) => [f.placeName, f.label])).toEqual([
      [expect.stringMatching(/^Mishor /), 'Producent'],
    ]);
  });
});

describe("a batch carrying the frame's report for the case it finds nothing", () => {
  beforeEach(async () => {
    await ud.closeUserDb();
    await deleteDB(ud.DB_NAME);
    resetFakeBrowser();
  });

  const quietReport = (n = 1): PageReport => ({
    url: 'https://shop.test/',
    title: 'Quiet',
    scannedAt: '2026-12-07T00:00:00.000Z',
    matches: [],
    guards: [],
    blocks: 2,
    chars: 20,
    paused: false,
    marks: true,
    origins: { findings: [], stated: [] },
    sequence: { instance: 'i', n },
  });
  const carrying = (blocks: WireBlock[], report: unknown) => ({ ...request(blocks), reportIfNone: report });
  const tabResults = (tabId: number) => handleMessage({ type: 'get-tab-results', tabId }, popupSender as never);

  it('is taken only as a report that names nothing, and a kept reply only with nothing found', () => {
    expect(mm.isMatchRequest(carrying([block('x')], quietReport()))).toBe(true);
    const named = { ...quietReport(), matches: [{ key: 'k', text: 'Airbnb', level: 'flag' }] };
    expect(mm.isMatchRequest(carrying([block('x')], named))).toBe(false);
    expect(mm.isMatchRequest(carrying([block('x')], { ...quietReport(), paused: true }))).toBe(false);
    expect(mm.isMatchRequest(carrying([block('x')], { ...quietReport(), blocks: '2' }))).toBe(false);
    const scan: BlockScan = { matches: [], guards: [] };
    expect(mm.isMatchBlocksReply({ ok: true, found: [], reported: true }, 1)).toBe(true);
    expect(mm.isMatchBlocksReply({ ok: true, found: [[0, scan]], reported: true }, 1)).toBe(false);
    expect(mm.isMatchBlocksReply({ ok: true, found: [], reported: 'yes' }, 1)).toBe(false);
  });

  it("keeps it as the frame's report when the blocks find nothing, and says so", async () => {
    const reply = (await handleMessage(
      carrying([block('Nothing to see here.'), block('Plain words.')], quietReport()),
      contentSender as never,
    )) as any;
    expect(reply).toEqual({ ok: true, found: [], reported: true });
    const results = (await tabResults(4)) as any;
    expect(results.frames['0']).toMatchObject({ url: 'https://shop.test/', blocks: 2, matches: [] });
  });

  it('does not keep it when the blocks find a name, or call for the page reader', async () => {
    const named = (await handleMessage(
      carrying([block('Book a flat on Airbnb tonight.')], quietReport()),
      contentSender as never,
    )) as any;
    expect(named.reported).toBeUndefined();
    expect(named.found).toHaveLength(1);
    const reader = (await handleMessage(
      { ...carrying([block('Herkomst: Spanje')], quietReport()), readerHints: true },
      contentSender as never,
    )) as any;
    expect(reader).toEqual({ ok: true, found: [], needsReader: true });
    expect(await tabResults(4)).toBeNull();
  });

  it('is not kept over a newer report of the same frame', async () => {
    await handleMessage({ type: 'page-report', report: { ...quietReport(5), title: 'Newer' } }, contentSender as never);
    const reply = (await handleMessage(
      carrying([block('Plain words.')], quietReport(3)),
      contentSender as never,
    )) as any;
    expect(reply.ok).toBe(true);
    expect(((await tabResults(4)) as any).frames['0'].title).toBe('Newer');
  });
});

describe("the content script's matcher", () => {
  beforeEach(() => resetFakeBrowser());
  afterEach(() => vi.useRealTimers());

  it('splits a page into requests within the bounds and puts each scan back at its block', async () => {
    const sent: number[] = [];
    fakeBrowser.runtime.sendMessage.mockImplementation(async (m: any) => {
      sent.push(m.batch.lengths.length);
      return handleMessage(m, contentSender as never);
    });
    const blocks = Array.from({ length: mm.MAX_BLOCKS_PER_REQUEST + 3 }, () => block('plain words'));
    blocks[2] = block('Airbnb');
    blocks[mm.MAX_BLOCKS_PER_REQUEST + 1] = block('Airbnb Inc.');
    // A block in another language goes in a request of its own.
    blocks.push({ text: 'Airbnb', field: null, lang: 'nl' });
    const { scans } = await new RemoteMatcher({ disabled: [], revision: null }).scanBlocks(blocks);
    expect(sent).toEqual([mm.MAX_BLOCKS_PER_REQUEST, 3, 1]);
    expect(scans.flatMap((s, i) => (s ? [i] : []))).toEqual([
      2,
      mm.MAX_BLOCKS_PER_REQUEST + 1,
      mm.MAX_BLOCKS_PER_REQUEST + 3,
    ]);
  });

  it("sends the frame's report with a batch of one request only, and says when it was kept", async () => {
    const carried: boolean[] = [];
    fakeBrowser.runtime.sendMessage.mockImplementation(async (m: any) => {
      carried.push(m.reportIfNone !== undefined);
      return handleMessage(m, contentSender as never);
    });
    const report: PageReport = {
      url: 'https://shop.test/',
      title: 'Quiet',
      scannedAt: '2026-12-07T00:00:00.000Z',
      matches: [],
      guards: [],
      blocks: 1,
      chars: 11,
      paused: false,
    };
    const matcher = new RemoteMatcher({ disabled: [], revision: null });
    const one = await matcher.scanBlocks([block('plain words')], { reportIfNone: report });
    expect(one.reported).toBe(true);
    const many = Array.from({ length: mm.MAX_BLOCKS_PER_REQUEST + 1 }, () => block('plain words'));
    const split = await matcher.scanBlocks(many, { reportIfNone: report });
    expect(split.reported).toBeUndefined();
    expect(carried).toEqual([true, false, false]);
  });

  it('asks again when the background gives no usable answer, and gives up after the last attempt', async () => {
    vi.useFakeTimers();
    let calls = 0;
    fakeBrowser.runtime.sendMessage.mockImplementation(async (m: any) => {
      calls++;
      return calls === 1
        ? { ok: true, found: [[9, { matches: [], guards: [] }]] }
        : handleMessage(m, contentSender as never);
    });
    const found = new RemoteMatcher({ disabled: [], revision: null }).scanBlocks([block('Airbnb')]);
    await vi.advanceTimersByTimeAsync(200);
    expect((await found).scans[0]?.matches[0].text).toBe('Airbnb');
    expect(calls).toBe(2);

    fakeBrowser.runtime.sendMessage.mockImplementation(async () => undefined);
    const none = new RemoteMatcher({ disabled: [], revision: null }).scanBlocks([block('Airbnb')]);
    const settled = none.then(
      () => 'answered',
      (err: Error) => err.message,
    );
    await vi.advanceTimersByTimeAsync(5000);
    expect(await settled).toMatch(/no usable answer/);
  });

  it('reports an extension gone from under the page as orphaned', async () => {
    fakeBrowser.runtime.sendMessage.mockImplementation(async () => {
      throw new Error('Extension context invalidated.');
    });
    await expect(new RemoteMatcher({ disabled: [], revision: null }).scanBlocks([block('x')])).rejects.toBeInstanceOf(
      OrphanedError,
    );
  });
});

describe('the scan queue', () => {
  /** A matcher whose answers the test releases one by one, in any order. */
  function heldMatcher() {
    const pending: { blocks: readonly WireBlock[]; release: () => void; fail: (e: Error) => void }[] = [];
    return {
      pending,
      matcher: {
        key: 'k',
        scanBlocks: (blocks: readonly WireBlock[]) =>
          new Promise<BatchScans>((resolve, reject) => {
            pending.push({
              blocks,
              release: () =>
                resolve({
                  scans: blocks.map((b) => (b.text.includes('!') ? { matches: [], guards: [] } : null)),
                  needsReader: blocks.some((b) => b.text.includes('?')),
                }),
              fail: reject,
            });
          }),
        findOrigins: async () => ({ findings: [], stated: [] }),
      },
    };
  }

  it('delivers batches in the order they were pushed, whatever order the answers come in', async () => {
    const held = heldMatcher();
    const got: string[] = [];
    const q = new ScanQueue<string>(held.matcher, new AbortController().signal, (items, scans) => {
      items.forEach((it, i) => got.push(`${it}:${scans[i] ? 'found' : '-'}`));
    });
    q.push('a', block('a!'));
    q.push('kept', null);
    await q.flush();
    q.push('b', block('b'));
    const drained = q.drain();
    held.pending[1].release();
    await Promise.resolve();
    expect(got).toEqual([]);
    held.pending[0].release();
    await drained;
    expect(got).toEqual(['a:found', 'kept:-', 'b:-']);
  });

  it('holds the walk back while the most batches it allows are outstanding', async () => {
    const held = heldMatcher();
    const q = new ScanQueue<string>(held.matcher, new AbortController().signal, () => undefined);
    let flushes = 0;
    let waiting: Promise<void> | null = null;
    // Flush one batch at a time until a flush does not resolve at once.
    for (let i = 0; i < 100 && !waiting; i++) {
      q.push(`b${i}`, block(`b${i}`));
      let done = false;
      const flushed = q.flush().then(() => {
        done = true;
      });
      await new Promise((r) => setTimeout(r, 0));
      if (done) flushes++;
      else waiting = flushed;
    }
    expect(waiting).not.toBeNull();
    expect(flushes).toBeGreaterThan(1);
    expect(held.pending).toHaveLength(flushes + 1);
    held.pending[0].release();
    await waiting;
  });

  it('fails the walk when a batch gets no answer, and delivers nothing after an abort', async () => {
    const held = heldMatcher();
    const delivered: string[] = [];
    const q = new ScanQueue<string>(held.matcher, new AbortController().signal, (items) => delivered.push(...items));
    q.push('a', block('a'));
    const failing = q.drain();
    held.pending[0].fail(new Error('no answer'));
    await expect(failing).rejects.toThrow('no answer');

    const ac = new AbortController();
    const q2 = new ScanQueue<string>(held.matcher, ac.signal, (items) => delivered.push(...items));
    q2.push('b', block('b'));
    const aborted = q2.drain();
    ac.abort(new Error('aborted'));
    held.pending[1].release();
    await expect(aborted).rejects.toThrow('aborted');
    expect(delivered).toEqual([]);
  });

  it('asks whether the batches call for the page reader only while told to, and passes a yes on', async () => {
    const held = heldMatcher();
    const asked: boolean[] = [];
    const matcher = {
      ...held.matcher,
      scanBlocks: (blocks: readonly WireBlock[], opts?: { readerHints?: boolean }) => {
        asked.push(opts?.readerHints === true);
        return held.matcher.scanBlocks(blocks);
      },
    };
    let hints = true;
    let needed = 0;
    const q = new ScanQueue<string>(matcher, new AbortController().signal, () => undefined, {
      wanted: () => hints,
      onNeeded: () => needed++,
    });
    q.push('a', block('a'));
    await q.flush();
    hints = false;
    q.push('b', block('b?'));
    const drained = q.drain();
    held.pending[0].release();
    held.pending[1].release();
    await drained;
    expect(asked).toEqual([true, false]);
    // The second batch's answer said yes (the held matcher answers whether or not it was asked).
    expect(needed).toBe(1);
  });

  it("gives the last batch the frame's report only when no earlier batch is still to be delivered", async () => {
    const held = heldMatcher();
    const offered: (string | null)[] = [];
    const kept: string[] = [];
    const matcher = {
      ...held.matcher,
      scanBlocks: async (blocks: readonly WireBlock[], opts?: { reportIfNone?: PageReport }) => {
        offered.push(opts?.reportIfNone?.title ?? null);
        const answer = await held.matcher.scanBlocks(blocks);
        return opts?.reportIfNone ? { ...answer, reported: true } : answer;
      },
    };
    const ifNone = (title: string) => ({
      report: (items: readonly string[]) => ({ title: `${title}:${items.join('')}` }) as PageReport,
      kept: (r: PageReport) => kept.push(r.title),
    });
    // An earlier batch outstanding: the last one goes without it.
    const q = new ScanQueue<string>(matcher, new AbortController().signal, () => undefined);
    q.push('a', block('a'));
    await q.flush();
    q.push('b', block('b'));
    const first = q.drain(ifNone('q'));
    held.pending[0].release();
    held.pending[1].release();
    await first;
    // Every earlier batch delivered: the last one carries it, and the queue says it was kept.
    const q2 = new ScanQueue<string>(matcher, new AbortController().signal, () => undefined);
    q2.push('c', block('c'));
    await q2.flush();
    held.pending[2].release();
    await new Promise((r) => setTimeout(r, 0));
    q2.push('d', block('d'));
    q2.push('e', block('e'));
    const second = q2.drain(ifNone('q2'));
    held.pending[3].release();
    await second;
    expect(offered).toEqual([null, null, null, 'q2:de']);
    expect(kept).toEqual(['q2:de']);
  });
});
