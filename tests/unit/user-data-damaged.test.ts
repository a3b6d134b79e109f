// A damaged compiled-list cache in IndexedDB (names without tokens, data missing while lists
// are imported, a damaged list record) is rebuilt from the imported lists, and whatever the
// store holds, the background's answer and the content script's check never hand the
// matcher data it cannot load: the bundled lists always run.
import { deleteDB, openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import compiledJson from '../../src/generated/compiled-lists.json';
import type { CompiledData } from '../../src/core/types';
import { fakeBrowser, resetFakeBrowser } from './helpers/fake-browser';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('./helpers/fake-browser')).fakeBrowser }));

const ud = await import('../../src/shared/user-data');
const { parseImportedList } = await import('../../src/core/import-list');
const { requestUserData } = await import('../../src/shared/user-data/client');
const { loadListData } = await import('../../src/ui/common/extension-data');
const { Matcher } = await import('../../src/core/matcher');

const CACHE_KEY = 'importedCompiled';
const bundled = compiledJson as unknown as CompiledData;

async function importCsv(title: string, names: string[]) {
  const text = `name\n${names.join('\n')}\n`;
  await ud.importList(parseImportedList(`${title}.csv`, text, { title, publisher: 'Stad Gent' }), {
    name: `${title}.csv`,
    text,
  });
}

/** The store as a damaged profile leaves it: written behind the extension's back. */
async function rawDb() {
  await ud.closeUserDb();
  return openDB(ud.DB_NAME);
}

async function cache(): Promise<{ cacheVersion: string; data: CompiledData | null }> {
  const db = await rawDb();
  const value = (await db.get('meta', CACHE_KEY)).value;
  db.close();
  return value;
}

async function writeCache(value: unknown) {
  const db = await rawDb();
  await db.put('meta', { key: CACHE_KEY, value });
  db.close();
}

describe('a damaged compiled-list cache', () => {
  beforeEach(async () => {
    await ud.closeUserDb();
    await deleteDB(ud.DB_NAME);
    resetFakeBrowser();
    await importCsv('Council', ['Zeta Logistics BV', 'Omega Trading NV']);
    await ud.addDismissal({ entity: 'e2', entityName: 'E2', scope: 'everywhere' });
  });

  it('entries without tokens: rebuilt from the imported lists, and the store repaired', async () => {
    const good = await ud.getImportedCompiled();
    const before = await cache();
    await writeCache({
      ...before,
      data: { ...before.data!, names: before.data!.names.map(({ tokens: _dropped, ...n }) => n) },
    });
    expect(ud.isCompiledData((await cache()).data)).toBe(false);
    await ud.closeUserDb();
    const rebuilt = await ud.getImportedCompiled();
    expect(rebuilt).toEqual(good);
    expect(ud.isCompiledData((await cache()).data)).toBe(true);
    // The rebuilt data loads, merged with the bundled lists.
    const matcher = Matcher.fromData(ud.mergeCompiledData(bundled, rebuilt));
    expect(matcher.scanBlock({ text: 'Zeta Logistics BV', field: null }).matches).toHaveLength(1);
  });

  it('no data while lists are imported, or a cache of the wrong shape: rebuilt', async () => {
    const good = await ud.getImportedCompiled();
    const { cacheVersion } = await cache();
    for (const damaged of [
      { cacheVersion, data: null },
      { cacheVersion, data: { formatVersion: 1, lists: 'x', entities: [], names: [], guards: [] } },
      { cacheVersion, data: { ...good!, names: [{ ...good!.names[0], entity: 'user:nobody' }] } },
      'not even an object',
    ]) {
      await writeCache(damaged);
      await ud.closeUserDb();
      expect(await ud.getImportedCompiled()).toEqual(good);
    }
  });

  it('a damaged list record is left out; the other imported lists still compile', async () => {
    await importCsv('Second', ['Kappa Holdings SA']);
    const db = await rawDb();
    const record = await db.get('importedLists', 'user:council');
    await db.put('importedLists', { ...record, parsed: undefined });
    await db.put('meta', { key: CACHE_KEY, value: { cacheVersion: 'old', data: null } });
    db.close();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const data = await ud.getImportedCompiled();
    expect(data!.lists.map((l) => l.id)).toEqual(['user:second']);
    expect(warn).toHaveBeenCalledWith('Settlement Screen: 1 imported list(s) are damaged and not used');
    warn.mockRestore();
  });

  it('the background answers with usable data and the dismissals', async () => {
    const before = await cache();
    await writeCache({
      ...before,
      data: { ...before.data!, names: before.data!.names.map(({ tokens: _t, ...n }) => n) },
    });
    await ud.closeUserDb();
    const reply = await ud.getUserData({ hostname: 'shop.test' });
    expect(ud.isUserDataReply(reply)).toBe(true);
    expect(reply.imported!.names.every((n) => n.tokens.length > 0)).toBe(true);
    expect(reply.dismissals.map((d) => d.entity)).toEqual(['e2']);
  });

  it('extension pages fall back to the bundled lists when the store cannot be read', async () => {
    await ud.closeUserDb();
    const open = vi.spyOn(globalThis.indexedDB, 'open').mockImplementation(() => {
      throw new Error('broken profile');
    });
    const data = await loadListData();
    expect(data.lists.map((l) => l.id)).toEqual(bundled.lists.map((l) => l.id));
    open.mockRestore();
  });
});

describe("the content script's check of the background's answer", () => {
  const dismissal = {
    id: 'everywhere|e2',
    entity: 'e2',
    entityName: 'E2',
    scope: 'everywhere',
    site: null,
    reason: '',
    createdAt: '2026-01-01T00:00:00.000Z',
  };

  it('drops imported data the matcher could not load, and keeps the dismissals', async () => {
    const good = ud.compileImportedLists([
      {
        parsed: parseImportedList('c.csv', 'name\nZeta Logistics BV\n', { title: 'C', publisher: 'P' }).list,
        sha256: 'x',
      },
    ]);
    const damaged = { ...good, names: good.names.map(({ tokens: _t, ...n }) => n) };
    expect(ud.isUserDataReply({ imported: damaged, dismissals: [] })).toBe(false);
    expect(ud.isUserDataReply({ imported: good, dismissals: [] })).toBe(true);
    fakeBrowser.runtime.sendMessage.mockImplementationOnce(async () => ({
      imported: damaged,
      dismissals: [dismissal],
    }));
    expect(await requestUserData()).toEqual({ imported: null, dismissals: [dismissal] });
  });
});
