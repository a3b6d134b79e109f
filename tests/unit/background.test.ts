import { beforeEach, describe, expect, it, vi } from 'vitest';
import { extensionBase, fakeBrowser, resetFakeBrowser } from './helpers/fake-browser';
import { match, report } from './helpers/reports';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('./helpers/fake-browser')).fakeBrowser }));

const {
  MAX_MATCHES_PER_FRAME,
  asTabResults,
  badgeText,
  flaggedEntityCount,
  isNavigationAway,
  mergeFrameReport,
  sameDocument,
  tabKey,
} = await import('../../src/background/tab-results');
const { classifySender, handleMessage } = await import('../../src/background/messages');
const { isToBackground } = await import('../../src/shared/messages');
const { contentScriptFiles } = await import('../../src/background/inject');

describe('mergeFrameReport', () => {
  it('stamps the sender frame id into every match and keys the report by frame', () => {
    const r = mergeFrameReport(null, 3, 5, report('https://a.test/x', [match({ entity: 'e1', key: 'k1' })]));
    expect(Object.keys(r.frames)).toEqual(['5']);
    expect(r.frames['5'].matches[0].frameId).toBe(5);
    expect(r.tabId).toBe(3);
  });

  it('merges frames and replaces a frame on its next report', () => {
    let r = mergeFrameReport(null, 1, 0, report('https://a.test/', [match({ entity: 'e1', key: 'a' })]));
    r = mergeFrameReport(r, 1, 2, report('https://frame.test/', [match({ entity: 'e2', key: 'b' })]));
    r = mergeFrameReport(r, 1, 2, report('https://frame.test/', [match({ entity: 'e3', key: 'c' })]));
    expect(Object.keys(r.frames).sort()).toEqual(['0', '2']);
    expect(r.frames['2'].matches.map((m) => m.entity)).toEqual(['e3']);
  });

  it('drops other frames when the top frame reports a different document', () => {
    let r = mergeFrameReport(null, 1, 0, report('https://a.test/one', []));
    r = mergeFrameReport(r, 1, 4, report('https://frame.test/', [match({ entity: 'e2', key: 'b' })]));
    const sameDoc = mergeFrameReport(r, 1, 0, report('https://a.test/one#section', []));
    expect(Object.keys(sameDoc.frames).sort()).toEqual(['0', '4']);
    const navigated = mergeFrameReport(r, 1, 0, report('https://a.test/two', []));
    expect(Object.keys(navigated.frames)).toEqual(['0']);
  });

  it('keeps the newer report when an older one of the same frame arrives after it', () => {
    const nth = (n: number, instance = 'i1') => ({ sequence: { instance, n } });
    const newer = report('https://a.test/x', [match({ entity: 'e1', key: 'a' })], nth(5));
    const older = report('https://a.test/x', [], nth(3));
    let r = mergeFrameReport(null, 1, 0, newer);
    r = mergeFrameReport(r, 1, 2, report('https://frame.test/', [match({ entity: 'e2', key: 'b' })], nth(1, 'i2')));
    const late = mergeFrameReport(r, 1, 0, older);
    expect(late.frames['0'].matches.map((m) => m.entity)).toEqual(['e1']);
    expect(Object.keys(late.frames).sort()).toEqual(['0', '2']);
    // Another instance (the page reloaded) starts its own numbers: its first report is taken.
    const reloaded = mergeFrameReport(r, 1, 0, report('https://a.test/x', [], nth(1, 'i3')));
    expect(reloaded.frames['0'].matches).toEqual([]);
    // Another frame's numbers are no concern of this one's.
    expect(mergeFrameReport(r, 1, 7, older).frames['7'].url).toBe('https://a.test/x');
    // Checked on receipt: a number, and an instance of bounded length.
    const sent = (sequence: unknown) => isToBackground({ type: 'page-report', report: { ...newer, sequence } });
    expect([sent({ instance: 'i1', n: 5 }), sent(undefined)]).toEqual([true, true]);
    expect([
      sent({ instance: 'i1', n: -1 }),
      sent({ instance: 'i1', n: '5' }),
      sent({ instance: 'x'.repeat(65), n: 1 }),
    ]).toEqual([false, false, false]);
  });

  it('keeps subframe reports that arrive before the first top-frame report', () => {
    let r = mergeFrameReport(null, 1, 9, report('https://frame.test/', [match({ entity: 'e', key: 'k' })]));
    r = mergeFrameReport(r, 1, 0, report('https://a.test/', []));
    expect(Object.keys(r.frames).sort()).toEqual(['0', '9']);
  });

  it('ignores stored results of another tab id', () => {
    const other = mergeFrameReport(null, 2, 3, report('https://x.test/', []));
    const r = mergeFrameReport(other, 1, 0, report('https://a.test/', []));
    expect(Object.keys(r.frames)).toEqual(['0']);
  });

  it('caps the number of stored matches per frame', () => {
    const many = Array.from({ length: MAX_MATCHES_PER_FRAME + 50 }, (_, i) => match({ entity: 'e', key: `k${i}` }));
    const r = mergeFrameReport(null, 1, 0, report('https://a.test/', many));
    expect(r.frames['0'].matches).toHaveLength(MAX_MATCHES_PER_FRAME);
  });
});

describe('badge count', () => {
  it('counts distinct flagged entities across frames, not matches, not possibles', () => {
    let r = mergeFrameReport(
      null,
      1,
      0,
      report('https://a.test/', [
        match({ entity: 'e1', key: 'a' }),
        match({ entity: 'e1', key: 'b' }),
        match({ entity: 'e2', key: 'c', level: 'possible' }),
      ]),
    );
    r = mergeFrameReport(
      r,
      1,
      3,
      report('https://f.test/', [match({ entity: 'e1', key: 'a' }), match({ entity: 'e3', key: 'd' })]),
    );
    expect(flaggedEntityCount(r)).toBe(2);
    expect(flaggedEntityCount(null)).toBe(0);
  });

  it.each([
    [0, ''],
    [-1, ''],
    [1, '1'],
    [99, '99'],
    [100, '99+'],
  ])('badgeText(%i) = %j', (n, text) => {
    expect(badgeText(n)).toBe(text);
  });
});

describe('navigation and stored-value checks', () => {
  it('sameDocument ignores only the fragment', () => {
    expect(sameDocument('https://a.test/x#1', 'https://a.test/x#2')).toBe(true);
    expect(sameDocument('https://a.test/x?a=1', 'https://a.test/x?a=2')).toBe(false);
  });

  it('isNavigationAway needs a stored top frame to compare with', () => {
    const r = mergeFrameReport(null, 1, 0, report('https://a.test/x', []));
    expect(isNavigationAway(r, 'https://a.test/y')).toBe(true);
    expect(isNavigationAway(r, 'https://a.test/x#top')).toBe(false);
    expect(isNavigationAway(null, 'https://a.test/y')).toBe(false);
  });

  it('asTabResults rejects values that are not this tab’s results', () => {
    const r = mergeFrameReport(null, 1, 0, report('https://a.test/x', []));
    expect(asTabResults(r, 1)).toBe(r);
    expect(asTabResults(r, 2)).toBeNull();
    expect(asTabResults('x', 1)).toBeNull();
    expect(asTabResults({ tabId: 1, frames: { 0: { matches: 'no' } } }, 1)).toBeNull();
  });
});

describe('classifySender', () => {
  const id = 'testextensionid';
  it.each([
    [{ id, url: 'https://a.test/', tab: { id: 4 }, frameId: 0 }, 'content-script'],
    [{ id, url: `${extensionBase}src/ui/popup/index.html` }, 'extension-page'],
    [{ id, url: `${extensionBase}src/ui/options/index.html`, tab: { id: 4 }, frameId: 0 }, 'extension-page'],
    [{ id: 'other', url: 'https://a.test/', tab: { id: 4 }, frameId: 0 }, 'other'],
    [{ id, url: 'https://a.test/' }, 'other'],
    [{ id, url: 'https://a.test/', tab: { id: -1 }, frameId: 0 }, 'other'],
  ] as const)('%j -> %s', (sender, kind) => {
    expect(classifySender(sender, id, extensionBase)).toBe(kind);
  });
});

describe('contentScriptFiles', () => {
  it('reads the built file names from the manifest', () => {
    expect(contentScriptFiles({ content_scripts: [{ js: ['a.js'], css: ['b.css'] }] })).toEqual({
      js: ['a.js'],
      css: ['b.css'],
    });
    expect(contentScriptFiles({})).toEqual({ js: [], css: [] });
  });
});

describe('handleMessage', () => {
  beforeEach(() => resetFakeBrowser());
  const contentSender = (tabId: number, frameId: number) => ({
    id: 'testextensionid',
    url: 'https://a.test/',
    tab: { id: tabId } as never,
    frameId,
  });
  const popupSender = { id: 'testextensionid', url: `${extensionBase}src/ui/popup/index.html` };

  it('stores a content script report in storage.session and sets the badge', async () => {
    const msg = {
      type: 'page-report',
      report: report('https://a.test/', [match({ entity: 'e1', key: 'k' }), match({ entity: 'e2', key: 'j' })]),
    };
    await handleMessage(msg, contentSender(12, 0));
    const stored = fakeBrowser.storage.session.data.get(tabKey(12)) as any;
    expect(stored.frames['0'].matches.map((m: any) => m.frameId)).toEqual([0, 0]);
    expect(fakeBrowser.action.setBadgeText).toHaveBeenCalledWith({ tabId: 12, text: '2' });
    const title = fakeBrowser.action.setTitle.mock.calls.at(-1)?.[0] as { title: string };
    expect(title.title).toContain('2');
    expect(title.title).not.toContain('$');
  });

  it('keeps both reports when two frames report at the same time', async () => {
    await Promise.all([
      handleMessage(
        { type: 'page-report', report: report('https://a.test/', [match({ entity: 'e1', key: 'a' })]) },
        contentSender(5, 0),
      ),
      handleMessage(
        { type: 'page-report', report: report('https://f.test/', [match({ entity: 'e2', key: 'b' })]) },
        contentSender(5, 3),
      ),
      handleMessage(
        { type: 'page-report', report: report('https://g.test/', [match({ entity: 'e3', key: 'c' })]) },
        contentSender(5, 4),
      ),
    ]);
    const stored = fakeBrowser.storage.session.data.get(tabKey(5)) as any;
    expect(Object.keys(stored.frames).sort()).toEqual(['0', '3', '4']);
    expect(fakeBrowser.action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 5, text: '3' });
  });

  it('drops reports that do not come from a content script, and invalid messages', async () => {
    const msg = { type: 'page-report', report: report('https://a.test/', []) };
    expect(handleMessage(msg, popupSender)).toBeUndefined();
    expect(handleMessage({ type: 'page-report', report: { url: 1 } }, contentSender(1, 0))).toBeUndefined();
    expect(handleMessage({ type: 'nonsense' }, popupSender)).toBeUndefined();
    expect(handleMessage('page-report', contentSender(1, 0))).toBeUndefined();
    expect(fakeBrowser.storage.session.set).not.toHaveBeenCalled();
  });

  it('answers get-tab-results for extension pages only', async () => {
    await handleMessage(
      { type: 'page-report', report: report('https://a.test/', [match({ entity: 'e1', key: 'k' })]) },
      contentSender(8, 0),
    );
    expect(handleMessage({ type: 'get-tab-results', tabId: 8 }, contentSender(8, 0))).toBeUndefined();
    const results = (await handleMessage({ type: 'get-tab-results', tabId: 8 }, popupSender)) as any;
    expect(results.tabId).toBe(8);
    expect(await handleMessage({ type: 'get-tab-results', tabId: 9 }, popupSender)).toBeNull();
  });

  it('check-page injects the manifest content script and its CSS into all frames', async () => {
    const reply = await handleMessage({ type: 'check-page', tabId: 6 }, popupSender);
    expect(reply).toEqual({ ok: true });
    expect(fakeBrowser.scripting.executeScript).toHaveBeenCalledWith({
      target: { tabId: 6, allFrames: true },
      files: ['assets/content-abc123.js'],
    });
    expect(fakeBrowser.scripting.insertCSS).toHaveBeenCalledWith({
      target: { tabId: 6, allFrames: true },
      files: ['assets/highlight-def456.css'],
    });
  });

  it('check-page reports a refused injection and is refused to content scripts', async () => {
    fakeBrowser.scripting.executeScript.mockRejectedValueOnce(new Error('Cannot access a chrome:// URL'));
    expect(await handleMessage({ type: 'check-page', tabId: 6 }, popupSender)).toEqual({
      ok: false,
      reason: 'not-allowed',
    });
    expect(handleMessage({ type: 'check-page', tabId: 6 }, contentSender(6, 0))).toBeUndefined();
  });
});
