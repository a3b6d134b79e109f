// The background's side of user data: 'get-user-data' for content scripts (their site's
// dismissals only) and extension pages, and a badge that does not count dismissed companies.
import { deleteDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import { extensionBase, fakeBrowser, resetFakeBrowser } from './helpers/fake-browser';
import { match, report } from './helpers/reports';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('./helpers/fake-browser')).fakeBrowser }));

const { handleMessage, recountBadges } = await import('../../src/background/messages');
const ud = await import('../../src/shared/user-data');
const { parseImportedList } = await import('../../src/core/import-list');
const { isToBackground } = await import('../../src/shared/messages');
const { requestUserData } = await import('../../src/shared/user-data/client');

const contentSender = (tabId: number, url: string, frameUrl = url) => ({
  id: 'testextensionid',
  url: frameUrl,
  tab: { id: tabId, url } as never,
  frameId: 0,
});
const popupSender = { id: 'testextensionid', url: `${extensionBase}src/ui/popup/index.html` };

describe('background: user data', () => {
  beforeEach(async () => {
    await ud.closeUserDb();
    await deleteDB(ud.DB_NAME);
    resetFakeBrowser();
    await ud.addDismissal({ entity: 'e1', entityName: 'E1', scope: 'site', site: 'a.test', reason: 'private note' });
    await ud.addDismissal({ entity: 'e2', entityName: 'E2', scope: 'everywhere' });
    await ud.addDismissal({ entity: 'e3', entityName: 'E3', scope: 'site', site: 'b.test' });
  });

  it('validates the request', () => {
    expect(isToBackground({ type: 'get-user-data' })).toBe(true);
    expect(isToBackground({ type: 'get-user-data ' })).toBe(false);
  });

  it("gives a content script only the dismissals in force on its tab's site (the background matches with the imported lists)", async () => {
    const text = 'name\nZeta Logistics BV\n';
    await ud.importList(parseImportedList('c.csv', text, { title: 'Council', publisher: 'Gent' }), {
      name: 'c.csv',
      text,
    });
    const reply = (await handleMessage({ type: 'get-user-data' }, contentSender(3, 'https://shop.a.test/x'))) as any;
    expect(ud.isUserDataReply(reply)).toBe(true);
    expect(reply.dismissals.map((d: { entity: string }) => d.entity).sort()).toEqual(['e1', 'e2']);
    expect(reply.imported).toBeNull();
    // A subframe on another site still gets its tab's site.
    const frame = (await handleMessage(
      { type: 'get-user-data' },
      contentSender(3, 'https://b.test/', 'https://ads.test/'),
    )) as any;
    expect(frame.dismissals.map((d: { entity: string }) => d.entity).sort()).toEqual(['e2', 'e3']);
  });

  it('gives extension pages everything, and strangers nothing', async () => {
    const reply = (await handleMessage({ type: 'get-user-data' }, popupSender)) as any;
    expect(reply.dismissals).toHaveLength(3);
    expect(reply.imported).toBeNull();
    expect(
      handleMessage({ type: 'get-user-data' }, { id: 'other-extension', url: 'https://x.test/' } as never),
    ).toBeUndefined();
  });

  it('requestUserData (for the content script) validates the reply', async () => {
    fakeBrowser.runtime.sendMessage.mockImplementationOnce(async (m: unknown) =>
      handleMessage(m, contentSender(1, 'https://a.test/')),
    );
    const ok = await requestUserData();
    expect(ok?.dismissals.map((d) => d.entity).sort()).toEqual(['e1', 'e2']);
    fakeBrowser.runtime.sendMessage.mockImplementationOnce(async () => ({ imported: null, dismissals: 'x' }));
    expect(await requestUserData()).toBeNull();
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'get-user-data' });
  });

  it('does not count dismissed companies on the badge, and recounts when dismissals change', async () => {
    const page = report('https://a.test/', [
      match({ entity: 'e1', key: 'k1' }),
      match({ entity: 'e2', key: 'k2' }),
      match({ entity: 'e3', key: 'k3' }),
      match({ entity: 'e4', key: 'k4' }),
    ]);
    await handleMessage({ type: 'page-report', report: page }, contentSender(12, 'https://a.test/'));
    // e1 (this site) and e2 (everywhere) are dismissed; e3 is dismissed on another site only.
    expect(fakeBrowser.action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 12, text: '2' });

    const all = await ud.listDismissals();
    await ud.removeDismissal(all.find((d) => d.entity === 'e2')!.id);
    await recountBadges();
    expect(fakeBrowser.action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 12, text: '3' });
  });
});
