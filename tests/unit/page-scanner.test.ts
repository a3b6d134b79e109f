// Drives PageScanner on a linkedom document: first scan, incremental rescans after DOM
// changes, attribute-driven reveals, removals, floods, pause/resume and list filtering.
// The observer's quiet time, the report throttle and the redelivery back-off run on fake
// clocks (setTimeout and the two clocks the scanner reads), so the waits cost no real time
// and the intervals are exact. The scanner's yields to the page become microtasks there:
// a fake tick runs the timers due and then the microtasks they started, and would not wait
// for a real task (MessageChannel) to come back. The large-page test keeps real clocks and
// yields: what it checks is that a real slice budget ends in progress reports.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageReport } from '../../src/shared/messages';
import type { Delivery } from '../../src/content/page-scanner';
import { bundledData as data, completeReport, scannerOnPage } from './helpers/scanner-page';
import { localMatcher } from './helpers/local-matcher';
import type { BlockMatcher } from '../../src/content/block-matcher';

/** Moves the fake clocks on by `ms`, running the timers due and the work they start. */
const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms);
function fakeClocks(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
  vi.stubGlobal('scheduler', { yield: () => Promise.resolve() });
}
const texts = (r: PageReport | undefined) => (r?.matches ?? []).map((m) => `${m.text}|${m.level}`);

/** A page of `rows` paragraphs, "Ahava" in the one at `listedAt`, "plain words" elsewhere. */
const rowsPage = (rows: number, listedAt: number): string => {
  const out: string[] = [];
  for (let i = 0; i < rows; i++) out.push(`<p>Row ${i}: ${i === listedAt ? 'Ahava' : 'plain words'}</p>`);
  return `<!doctype html><html><head><title>T</title></head><body>${out.join('')}</body></html>`;
};

/** A promise the test settles when it chooses: batches awaiting it are held until then. */
function gate(): { held: Promise<void>; release: () => void } {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  return { held, release };
}

const flaggedAhava = (r: PageReport): boolean => texts(r).includes('Ahava|flag');

/** Waits (real clocks) until a report says the first scan is complete. */
const firstScanEnded = (reports: readonly PageReport[]) =>
  vi.waitFor(() => expect(reports.some((r) => !r.scanning)).toBe(true), { timeout: 30_000, interval: 50 });

/**
 * The bundled lists' matcher, each batch first awaiting `before(batch number, its blocks)`.
 * It calls for the page reader only with `callsForReader` (a reader arriving starts the scan over).
 */
const gatedMatcher = (
  before: (n: number, blockTexts: string[]) => Promise<void>,
  { callsForReader = false } = {},
): BlockMatcher => {
  const inner = localMatcher(data);
  let batches = 0;
  return {
    key: inner.key,
    scanBlocks: async (blocks, opts) => {
      await before(
        ++batches,
        blocks.map((b) => b.text),
      );
      return inner.scanBlocks(blocks, callsForReader ? opts : {});
    },
    findOrigins: (contexts) => inner.findOrigins(contexts),
  };
};

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.resetModules();
});

it('scans, follows DOM changes incrementally, and honours pause and list settings', async () => {
  fakeClocks();
  const {
    scanner: s,
    reports,
    document: doc,
  } = await scannerOnPage(
    '<!doctype html><html><head><title>T</title></head><body><p>We sell <b>Ahava</b> cream.</p>' +
      '<ul id="l"><li>one</li></ul><div id="acc" hidden><p>Elbit Systems ltd</p></div>' +
      '<div contenteditable><p>Ahava</p></div></body></html>',
  );
  s.configure({ paused: false, matcher: localMatcher(data) });
  await wait(100);
  expect(texts(reports.at(-1))).toEqual(['Ahava|flag']); // editable area and hidden div skipped
  const firstKey = reports.at(-1)!.matches[0].key;
  expect(reports.at(-1)!.matches[0].context).toBe('We sell Ahava cream.');

  const li = doc.createElement('li');
  li.textContent = 'Elbit Systems';
  doc.getElementById('l')!.appendChild(li);
  // The observer waits for 250 ms without changes before it hands the batch on.
  await wait(200);
  expect(texts(reports.at(-1))).toEqual(['Ahava|flag']);
  await wait(1000);
  expect(texts(reports.at(-1))).toEqual(['Ahava|flag', 'Elbit Systems|flag']);
  expect(reports.at(-1)!.matches[0].key).toBe(firstKey); // unchanged block keeps its key

  doc.getElementById('acc')!.removeAttribute('hidden');
  await wait(1200);
  expect(texts(reports.at(-1))).toEqual(['Ahava|flag', 'Elbit Systems|flag', 'Elbit Systems|flag']);

  (doc.querySelector('p b')!.firstChild as Text).data = 'Nothing'; // characterData
  doc.querySelector('[contenteditable] p')!.textContent = 'Elbit Systems';
  await wait(1200);
  expect(texts(reports.at(-1))).toEqual(['Elbit Systems|flag', 'Elbit Systems|flag']);

  li.remove();
  await wait(1200);
  expect(texts(reports.at(-1))).toEqual(['Elbit Systems|flag']);

  // Text replaced through textContent: the old text node is removed, a new one added.
  const firstLi = doc.querySelector('#l li')!;
  firstLi.textContent = 'Ahava';
  await wait(1200);
  expect(texts(reports.at(-1))).toEqual(['Ahava|flag', 'Elbit Systems|flag']); // page order kept
  firstLi.textContent = 'one';
  await wait(1200);
  expect(texts(reports.at(-1))).toEqual(['Elbit Systems|flag']);

  for (let i = 0; i < 1200; i++) {
    const p = doc.createElement('p');
    p.textContent = i === 5 ? 'Ahava' : `x${i}`;
    doc.body.appendChild(p);
  }
  await wait(1500);
  expect(texts(reports.at(-1))).toEqual(['Elbit Systems|flag', 'Ahava|flag']);
  expect(reports.at(-1)!.blocks).toBeGreaterThan(1200);
  expect(s.reveal('999999:0')).toBe(false);

  s.configure({ paused: true, matcher: localMatcher(data) });
  await wait(700);
  expect(reports.at(-1)!.paused).toBe(true);
  expect(reports.at(-1)!.matches).toEqual([]);

  s.configure({ paused: false, matcher: localMatcher(data, new Set(['dbio-2024'])) });
  await wait(700);
  expect(reports.at(-1)!.paused).toBe(false);
  expect(reports.at(-1)!.matches.length).toBeGreaterThan(0);
  expect(reports.at(-1)!.matches.every((m) => m.lists.every((l) => l.list === 'dbio-2024'))).toBe(true);
  s.stop();
});

it('sends a report again later when the background did not take it, and stops when orphaned', async () => {
  fakeClocks();
  // The background fails to answer twice (restarting), then takes the report.
  const outcomes: Delivery[] = ['failed', 'failed', 'sent'];
  const sent: { at: number; report: PageReport }[] = [];
  // Given at once: a page reader coming from a real import at some point of the fake clock
  // would change the report in the middle of the retries.
  const { reader } = await import('../../src/content/page-reader');
  const { scanner: s } = await scannerOnPage(
    '<!doctype html><html><head><title>T</title></head><body><p>Ahava</p></body></html>',
    {
      send: async (report) => {
        sent.push({ at: Date.now(), report });
        return outcomes.shift() ?? 'sent';
      },
      loadReader: async () => reader,
    },
  );
  s.configure({ paused: false, matcher: localMatcher(data) });
  await wait(7000);
  expect(sent).toHaveLength(3); // no fourth copy once it was taken
  expect(sent.map((x) => texts(x.report))).toEqual([['Ahava|flag'], ['Ahava|flag'], ['Ahava|flag']]);
  // 2 s, then 4 s between attempts (on the fake clock, to the millisecond).
  expect(sent[1].at - sent[0].at).toBe(2000);
  expect(sent[2].at - sent[1].at).toBe(4000);

  // The extension went away under the page: no more attempts, and the scanner stops.
  outcomes.push('orphaned');
  s.resend();
  await wait(700);
  expect(sent).toHaveLength(4);
  expect(s.stopped).toBe(true);
  s.resend();
  await wait(700);
  expect(sent).toHaveLength(4);
});

it('sends one report at a time: a newer one waits until the one on its way is taken', async () => {
  // Sent beside each other, the newer report could be stored first and the older one,
  // retried while the background restarts, stored over it for good.
  fakeClocks();
  const sent: PageReport[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  let takeFirst!: () => void;
  const firstTaken = new Promise<void>((r) => (takeFirst = r));
  // The new name calls for the page reader. Loaded by a real import, it could come back
  // before or after the fake clock's next report, and the page be reported once or twice
  // more: given at once, it comes back within the clock's steps every time.
  const { reader } = await import('../../src/content/page-reader');
  const { scanner: s, document: doc } = await scannerOnPage(
    '<!doctype html><html><head><title>T</title></head><body><div id="d"><p>Ahava</p></div></body></html>',
    {
      send: async (report) => {
        sent.push(report);
        mostInFlight = Math.max(mostInFlight, ++inFlight);
        if (sent.length === 1) await firstTaken;
        inFlight--;
        return 'sent';
      },
      loadReader: async () => reader,
    },
  );
  s.configure({ paused: false, matcher: localMatcher(data) });
  await wait(600);
  expect(sent.map(texts)).toEqual([['Ahava|flag']]);
  const p = doc.createElement('p');
  p.textContent = 'Elbit Systems ltd';
  doc.getElementById('d')!.appendChild(p);
  await wait(3000);
  expect(sent).toHaveLength(1);
  takeFirst();
  await wait(1000);
  expect(sent.map(texts)).toEqual([['Ahava|flag'], ['Ahava|flag', 'Elbit Systems|flag']]);
  expect(sent[1].scanning).not.toBe(true);
  expect(mostInFlight).toBe(1);
  // Numbered, so the background can tell an older one that gets through late.
  expect(sent[1].sequence!.instance).toBe(sent[0].sequence!.instance);
  expect(sent[1].sequence!.n).toBeGreaterThan(sent[0].sequence!.n);
  s.stop();
});

/**
 * The bundled lists' matcher as the background answers a batch carrying the frame's report:
 * kept (and said to be) when the batch finds nothing and does not call for the reader.
 */
const keepingMatcher = (keep = true): { matcher: BlockMatcher; offered: PageReport[]; kept: PageReport[] } => {
  const inner = localMatcher(data);
  const offered: PageReport[] = [];
  const kept: PageReport[] = [];
  return {
    offered,
    kept,
    matcher: {
      key: inner.key,
      scanBlocks: async (blocks, opts = {}) => {
        const answer = await inner.scanBlocks(blocks, opts);
        if (!opts.reportIfNone) return answer;
        offered.push(opts.reportIfNone);
        if (!keep || answer.needsReader || answer.scans.some((x) => x !== null)) return answer;
        kept.push(opts.reportIfNone);
        return { ...answer, reported: true };
      },
      findOrigins: (contexts) => inner.findOrigins(contexts),
    },
  };
};

describe('the first report of a page with nothing found, sent with its last batch', () => {
  const quietPage =
    '<!doctype html><html><head><title>Quiet</title></head><body><h1>Hello</h1><p>Nothing to see.</p></body></html>';
  /** The quiet page, scanned on fake clocks with a matcher that keeps the carried report or not. */
  const scanQuietPage = async (keep: boolean, opts: Parameters<typeof scannerOnPage>[1] = {}) => {
    fakeClocks();
    const page = await scannerOnPage(quietPage, opts);
    const matcher = keepingMatcher(keep);
    page.scanner.configure({ paused: false, matcher: matcher.matcher });
    return { ...page, ...matcher };
  };

  it('is kept by the matcher, and the frame then sends no report of its own', async () => {
    const { reports, kept } = await scanQuietPage(true);
    await wait(2000);
    expect(reports).toEqual([]);
    expect(kept).toHaveLength(1);
    const [report] = kept;
    // What the frame would have sent: complete, every block counted, nothing named.
    expect(report.scanning).not.toBe(true);
    expect(report.paused).toBe(false);
    expect(report.blocks).toBe(2);
    expect(report.chars).toBe('Hello'.length + 'Nothing to see.'.length);
    expect(report.matches).toEqual([]);
    expect(report.origins).toEqual({ findings: [], stated: [] });
    expect(report.title).toBe('Quiet');
    expect(report.sequence?.n).toBe(1);
  });

  it('is the report the frame sends when the matcher does not keep it', async () => {
    const { reports, offered } = await scanQuietPage(false);
    await wait(2000);
    expect(reports).toHaveLength(1);
    expect(offered).toHaveLength(1);
    const { scannedAt: _sent, ...sent } = reports[0];
    const { scannedAt: _offered, ...carried } = offered[0];
    expect(carried).toEqual({ ...sent, sequence: carried.sequence });
    // Numbered after the one that was offered, so the background keeps the newer.
    expect(sent.sequence!.n).toBeGreaterThan(carried.sequence!.n);
  });

  it('is not kept when the batch finds a name: the frame sends its report with the name', async () => {
    fakeClocks();
    const { reader } = await import('../../src/content/page-reader');
    const { scanner: s, reports } = await scannerOnPage(rowsPage(3, 1), { loadReader: async () => reader });
    const { matcher, kept } = keepingMatcher();
    s.configure({ paused: false, matcher });
    await wait(2000);
    expect(kept).toEqual([]);
    expect(reports.length).toBeGreaterThan(0);
    expect(flaggedAhava(reports.at(-1)!)).toBe(true);
  });

  it('after it was kept, a change that finds a name is reported by the frame, numbered after it', async () => {
    const { reader } = await import('../../src/content/page-reader');
    const { reports, kept, document: doc } = await scanQuietPage(true, { loadReader: async () => reader });
    await wait(600);
    expect(kept).toHaveLength(1);
    const p = doc.createElement('p');
    p.textContent = 'Ahava';
    doc.body.appendChild(p);
    await wait(3000);
    expect(flaggedAhava(reports.at(-1)!)).toBe(true);
    expect(reports.at(-1)!.sequence!.n).toBeGreaterThan(kept[0].sequence!.n);
  });

  it('is not kept while the page reader an earlier batch called for is still loading', async () => {
    // Each reading of the clock is a millisecond: a slice of the walk is a few blocks, so the
    // page goes in several batches, and the first (an origin row, which calls for the reader
    // and names nothing) is answered before the last goes.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    // Yields are tasks here, so each batch's answer is in before the walk goes on.
    vi.stubGlobal('scheduler', { yield: () => new Promise((r) => setTimeout(r, 0)) });
    let clock = 0;
    vi.stubGlobal('performance', { now: () => (clock += 1) });
    const rows = ['<p>Herkomst: Spanje</p>'];
    for (let i = 1; i < 30; i++) rows.push(`<p>Row ${i}: plain words</p>`);
    const { held, release } = gate();
    const { reader } = await import('../../src/content/page-reader');
    const { scanner: s, reports } = await scannerOnPage(
      `<!doctype html><html><head><title>T</title></head><body>${rows.join('')}</body></html>`,
      { loadReader: () => held.then(() => reader) },
    );
    const { matcher, kept } = keepingMatcher();
    let batches = 0;
    s.configure({
      paused: false,
      matcher: { ...matcher, scanBlocks: (blocks, opts) => (batches++, matcher.scanBlocks(blocks, opts)) },
    });
    await wait(2000);
    expect(batches).toBeGreaterThan(2);
    expect(kept).toEqual([]);
    // Until the reader's scan ends, the page is reported as still being read.
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.every((r) => r.scanning === true)).toBe(true);
    release();
    await wait(2000);
    expect(reports.at(-1)!.scanning).not.toBe(true);
  });

  it('is not offered on a paused page, nor by a later scan', async () => {
    fakeClocks();
    const { scanner: s, reports } = await scannerOnPage(quietPage);
    const { matcher, offered } = keepingMatcher();
    s.configure({ paused: true, matcher });
    await wait(600);
    expect(reports.map((r) => r.paused)).toEqual([true]);
    s.configure({ paused: false, matcher });
    await wait(2000);
    // A report was sent already (the paused one): the scan's report goes as usual.
    expect(offered).toEqual([]);
    expect(reports.at(-1)!.paused).toBe(false);
    s.requestFull(true);
    await wait(2000);
    expect(offered).toEqual([]);
  });
});

it('shows the first name to mark as soon as its batch comes back, while later batches are unanswered', async () => {
  // The first batch comes back late (after the first progress publish, which shows nothing);
  // the batch naming a listed company comes back at once, and every batch after it waits
  // for the test. Delivery is in page order: a scanner that waited for its next progress
  // publish would show nothing until the held batches came back. The listed row is well
  // before the end: a warm walk reads ten thousand rows in one slice, and the test needs
  // batches after the listed one.
  const { scanner: s, reports } = await scannerOnPage(rowsPage(60_000, 10_000));
  const { held, release } = gate();
  let listedBatch = Infinity;
  const matcher = gatedMatcher(async (n, blockTexts) => {
    if (n === 1) await new Promise((r) => setTimeout(r, 150));
    if (n > listedBatch) await held;
    if (blockTexts.some((t) => t.includes('Ahava'))) listedBatch = n;
  });
  s.configure({ paused: false, matcher });
  await vi.waitFor(() => expect(reports.some(flaggedAhava)).toBe(true), { timeout: 20_000, interval: 20 });
  expect(listedBatch).toBeGreaterThan(1);
  expect(reports.find(flaggedAhava)!.scanning).toBe(true);
  release();
  await firstScanEnded(reports);
  s.stop();
}, 40_000);

it('sends a short page with a name one complete report, not a first one that says it is still reading', async () => {
  fakeClocks();
  const { scanner: s, reports } = await scannerOnPage(rowsPage(3, 1));
  s.configure({ paused: false, matcher: localMatcher(data) });
  await wait(2000);
  expect(reports).toHaveLength(1);
  expect(reports[0].scanning).not.toBe(true);
  expect(flaggedAhava(reports[0])).toBe(true);
});

it('shows a name to mark from the first batch at once, not when the first progress publish is due', async () => {
  // The first batch names a listed company and comes back at once; every batch after it
  // waits for the test. A scanner that held the first name back until its first progress
  // publish would have nothing to publish it with: no batch comes back to trigger one.
  const { scanner: s, reports } = await scannerOnPage(rowsPage(20_000, 0));
  const { held, release } = gate();
  const matcher = gatedMatcher(async (n) => {
    if (n > 1) await held;
  });
  s.configure({ paused: false, matcher });
  await vi.waitFor(() => expect(reports.some(flaggedAhava)).toBe(true), { timeout: 5_000, interval: 20 });
  expect(reports.find(flaggedAhava)!.scanning).toBe(true);
  release();
  await firstScanEnded(reports);
  s.stop();
}, 40_000);

it('keeps a mark shown while the first scan starts over with the page reader', async () => {
  // The listed name halfway down the page calls for the page reader, and the first scan
  // starts over with it from the top. The new walk's first batch comes back after the first
  // progress publish is due, and the test holds every batch after it: the page is then
  // reported with the walk far from the name. A scanner that showed only what the new walk
  // had found would report it without the mark.
  // Rows without numbers: a number such as 1664 (a beer brand) would call for the reader
  // first. Rows enough after the name that batches follow its batch however fast the walk
  // is: a first scan that ended before the reader came would be followed by a scan that
  // shows nothing new until it completes.
  const rows = Array.from({ length: 60_000 }, (_, i) => `<p>${i === 30_000 ? 'Ahava' : 'plain words'}</p>`);
  const { reader } = await import('../../src/content/page-reader');
  let readerIn = false;
  const { held: arrival, release: readerArrived } = gate();
  const { scanner: s, reports } = await scannerOnPage(
    `<!doctype html><html><head><title>T</title></head><body>${rows.join('')}</body></html>`,
    {
      loadReader: async () => {
        readerIn = true;
        readerArrived();
        return reader;
      },
    },
  );
  const { held, release } = gate();
  let seenListed = false;
  let afterReader = 0;
  let reportsBeforeFirstAnswer = -1;
  const matcher = gatedMatcher(
    async (_n, blockTexts) => {
      if (!readerIn) {
        // Batches after the name's wait for the reader and a task more: the first walk is
        // given up before it can end.
        if (seenListed) {
          await arrival;
          await new Promise((r) => setTimeout(r, 10));
        }
        if (blockTexts.includes('Ahava')) seenListed = true;
        return;
      }
      if (++afterReader > 1) return held;
      await new Promise((r) => setTimeout(r, 150));
      reportsBeforeFirstAnswer = reports.length;
    },
    { callsForReader: true },
  );
  s.configure({ paused: false, matcher });
  await vi.waitFor(() => expect(reportsBeforeFirstAnswer).toBeGreaterThanOrEqual(0), { timeout: 20_000, interval: 20 });
  await vi.waitFor(() => expect(reports.length).toBeGreaterThan(reportsBeforeFirstAnswer), {
    timeout: 5_000,
    interval: 20,
  });
  const during = reports.at(-1)!;
  expect(during.scanning).toBe(true);
  expect(during.blocks).toBeLessThan(30_000);
  expect(flaggedAhava(during)).toBe(true);
  release();
  const complete = await completeReport(reports);
  expect(flaggedAhava(complete)).toBe(true);
  expect(complete.blocks).toBe(60_000);
  s.stop();
}, 40_000);

it('shows what the first scan of a large page found so far, then the complete result', async () => {
  // 60,000 blocks: the first listed name near the top, the second near the end.
  const rows: string[] = [];
  for (let i = 0; i < 60_000; i++) {
    rows.push(`<p>Row ${i}: ${i === 10 ? 'Ahava' : i === 59_990 ? 'Elbit Systems ltd' : 'plain words'}</p>`);
  }
  const { scanner: s, reports } = await scannerOnPage(
    `<!doctype html><html><head><title>T</title></head><body>${rows.join('')}</body></html>`,
  );
  const started = Date.now();
  s.configure({ paused: false, matcher: localMatcher(data) });
  await firstScanEnded(reports);
  const partial = reports.filter((r) => r.scanning);
  const complete = reports.filter((r) => !r.scanning);
  // At least one progress report came first, with the top name only and fewer blocks.
  expect(partial.length).toBeGreaterThan(0);
  expect(reports[0].scanning).toBe(true);
  // (Row numbers such as 1664, a beer brand, are only possible matches: flags are compared.)
  const flagsOf = (r: PageReport) => texts(r).filter((x) => x.endsWith('|flag'));
  expect(flagsOf(partial[0])).toEqual(['Ahava|flag']);
  expect(partial[0].blocks).toBeLessThan(60_000);
  expect(complete).toHaveLength(1);
  expect(flagsOf(complete[0])).toEqual(['Ahava|flag', 'Elbit Systems|flag']);
  expect(complete[0].blocks).toBe(60_000);
  console.log(
    `[page-scanner] 60,000 blocks: ${partial.length} progress report(s), complete after ${Date.now() - started} ms`,
  );
  s.stop();
}, 40_000);

it('reads the rest of a list when the page removed the row its walk was to read next', async () => {
  // The walk pauses between slices and holds the next row to read; the page removes that
  // row meanwhile. The rows after it are unchanged, so no page change points the scanner at
  // them: a walk that went on from the removed row would never read them.
  const { scanner: s, reports, document: doc } = await scannerOnPage(rowsPage(20_000, 19_999));
  let lastOfFirstBatch = -1;
  const matcher = gatedMatcher(async (n, blockTexts) => {
    if (n !== 1) return;
    lastOfFirstBatch = Number(/^Row (\d+):/.exec(blockTexts.at(-1)!)![1]);
    doc.querySelectorAll('p')[lastOfFirstBatch + 1].remove();
  });
  s.configure({ paused: false, matcher });
  await firstScanEnded(reports);
  expect(lastOfFirstBatch).toBeGreaterThanOrEqual(0);
  expect(lastOfFirstBatch).toBeLessThan(19_000);
  await vi.waitFor(() => expect(texts(reports.at(-1))).toContain('Ahava|flag'), { timeout: 5_000, interval: 50 });
  expect(reports.at(-1)!.blocks).toBe(19_999);
  s.stop();
}, 40_000);

it('asks for the dismissals once there is something to mark, and not while the marks are off', async () => {
  let asked = 0;
  const {
    scanner: s,
    reports,
    document: doc,
  } = await scannerOnPage(
    '<!doctype html><html lang="en"><head><title>T</title></head><body><h1>A trivial page</h1>' +
      '<div id="d"><p>One sentence and nothing else.</p></div></body></html>',
    { wantDismissals: () => asked++ },
  );
  s.configure({ paused: false, matcher: localMatcher(data) });
  await completeReport(reports);
  expect(asked).toBe(0);
  // Marks off (private mode): the listed name is reported and nothing is asked.
  s.setMarks(false);
  const p = doc.createElement('p');
  p.textContent = 'Ahava mud mask';
  doc.getElementById('d')!.appendChild(p);
  await vi.waitFor(() => expect(texts(reports.at(-1))).toEqual(['Ahava|flag']), { timeout: 5000, interval: 20 });
  expect(asked).toBe(0);
  s.setMarks(true);
  expect(asked).toBe(1);
  s.setReviewMode(true);
  expect(asked).toBe(1);
  s.stop();
});

describe('the page reader (fields, page data, origin rows), loaded when a page calls for it', () => {
  it('is not loaded for a page without a listed name, an origin label or data', async () => {
    const {
      scanner: s,
      reports,
      readerLoads,
    } = await scannerOnPage(
      '<!doctype html><html lang="en"><head><title>T</title></head><body><h1>A trivial page</h1>' +
        '<p>One sentence and nothing else.</p></body></html>',
    );
    s.configure({ paused: false, matcher: localMatcher(data) });
    await completeReport(reports);
    expect(readerLoads()).toBe(0);
    expect(reports.at(-1)!.blocks).toBe(2);
    s.stop();
  });

  it('is loaded for an origin row, which it then reads', async () => {
    const {
      scanner: s,
      reports,
      readerLoads,
    } = await scannerOnPage(
      '<!doctype html><html lang="nl"><head><title>T</title></head><body><h1>Dadels</h1>' +
        '<dl><dt>Herkomst</dt><dd>Israël</dd></dl></body></html>',
    );
    s.configure({ paused: false, matcher: localMatcher(data) });
    await vi.waitFor(() => expect(reports.at(-1)?.origins?.stated.length).toBe(1), { timeout: 5000, interval: 20 });
    expect(readerLoads()).toBe(1);
    expect(reports.at(-1)!.origins!.stated[0]).toMatchObject({ label: 'Herkomst', value: 'Israël' });
    s.stop();
  });

  it('is loaded when a listed name appears later, and the page is read again with it', async () => {
    fakeClocks();
    const {
      scanner: s,
      reports,
      readerLoads,
      document: doc,
    } = await scannerOnPage(
      '<!doctype html><html lang="nl"><head><title>T</title></head><body><ul id="l"><li>Zeep</li></ul></body></html>',
      { href: 'https://www.bol.com/nl/nl/p/x/1/' },
    );
    s.configure({ paused: false, matcher: localMatcher(data) });
    await wait(600);
    expect(readerLoads()).toBe(0);
    const li = doc.createElement('li');
    li.textContent = 'Merk: Volvo';
    doc.getElementById('l')!.appendChild(li);
    await wait(2000);
    expect(readerLoads()).toBe(1);
    // Without the reader "Volvo" is only possible; with it, the brand field makes it a flag.
    expect(reports.at(-1)!.matches.map((m) => `${m.text}|${m.level}|${m.field}`)).toEqual(['Volvo|flag|brand']);
    expect(reports.at(-1)!.scanning).not.toBe(true);
    s.stop();
  });

  it('leaves the visible text matched when it cannot be loaded', async () => {
    const {
      scanner: s,
      reports,
      readerLoads,
    } = await scannerOnPage(
      '<!doctype html><html lang="en"><head><title>T</title></head><body><p>Elbit Systems ltd</p></body></html>',
      { loadReader: () => Promise.reject(new Error('extension updated')) },
    );
    s.configure({ paused: false, matcher: localMatcher(data) });
    await completeReport(reports);
    expect(readerLoads()).toBe(1);
    expect(texts(reports.at(-1))).toEqual(['Elbit Systems|flag']);
    s.stop();
  });
});
