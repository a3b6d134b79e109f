// Stored-data upgrades keep the user's settings, dismissals and imported lists. Profiles
// are built here with the raw IndexedDB API in the shape an earlier version wrote, then
// opened by the current code (and by a simulated later version's migration).
import { deleteDB, openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, resetFakeBrowser } from './helpers/fake-browser';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('./helpers/fake-browser')).fakeBrowser }));

const ud = await import('../../src/shared/user-data');
const { defaultSettings, loadSettings } = await import('../../src/shared/settings');
const { parseImportedList } = await import('../../src/core/import-list');

const SETTINGS = {
  enabledLists: { 'ohchr-bhr-database-hrc-31-36': true, 'user:council-list': false },
  pausedSites: ['a.test'],
};

const DISMISSALS = [
  {
    id: 'site|shop.example.com|acme-holdings-ltd',
    entity: 'acme-holdings-ltd',
    entityName: 'Acme Holdings Ltd.',
    scope: 'site',
    site: 'shop.example.com',
    reason: 'Acme the bakery, not the builder',
    createdAt: '2026-01-05T09:00:00.000Z',
  },
  {
    id: 'everywhere|volvo-group',
    entity: 'volvo-group',
    entityName: 'Volvo Group',
    scope: 'everywhere',
    site: null,
    reason: '',
    createdAt: '2026-01-06T09:00:00.000Z',
  },
];

/** A version-1 profile, written without our code: the stores, keys and index of version 1. */
async function makeV1Profile(): Promise<{ listRecord: unknown }> {
  const text = 'name\nZeta Logistics BV\n';
  const parsed = parseImportedList('council.csv', text, { title: 'Council list', publisher: 'Stad Gent' });
  const listRecord = {
    id: parsed.list.id,
    meta: {
      id: parsed.list.id,
      title: 'Council list',
      publisher: 'Stad Gent',
      url: '',
      published: null,
      version: 'undated',
      coverageNote: '',
      partial: false,
      entryCount: 1,
      sha256: 'ab'.repeat(32),
      regime: null,
      origin: 'imported',
    },
    fileName: 'council.csv',
    format: 'csv',
    source: text,
    parsed: parsed.list,
    warnings: [],
    importedAt: '2026-01-01T00:00:00.000Z',
  };
  const db = await openDB(ud.DB_NAME, 1, {
    upgrade(raw) {
      const d = raw.createObjectStore('dismissals', { keyPath: 'id' });
      d.createIndex('byEntity', 'entity');
      raw.createObjectStore('importedLists', { keyPath: 'id' });
      raw.createObjectStore('meta', { keyPath: 'key' });
    },
  });
  for (const d of DISMISSALS) await db.put('dismissals', d);
  await db.put('importedLists', listRecord);
  await db.put('meta', { key: 'schema', value: { version: 1, upgradedFrom: 0, at: '2026-01-01T00:00:00.000Z' } });
  db.close();
  return { listRecord };
}

async function rawDump() {
  const db = await openDB(ud.DB_NAME);
  const out = {
    version: db.version,
    stores: [...db.objectStoreNames].sort(),
    dismissals: await db.getAll('dismissals'),
    lists: await db.getAll('importedLists'),
  };
  db.close();
  return out;
}

describe('stored data upgrades', () => {
  beforeEach(async () => {
    await ud.closeUserDb();
    await deleteDB(ud.DB_NAME);
    resetFakeBrowser();
    fakeBrowser.storage.local.data.set('settings', structuredClone(SETTINGS));
  });

  it('0 -> 1: a profile from before the database keeps its settings and gets empty stores', async () => {
    const db = await ud.openUserDb();
    expect(db.version).toBe(1);
    expect([...db.objectStoreNames].sort()).toEqual(['dismissals', 'importedLists', 'meta']);
    expect((await db.get('meta', 'schema'))?.value).toMatchObject({ version: 1, upgradedFrom: 0 });
    expect(await ud.listDismissals()).toEqual([]);
    expect(await loadSettings()).toEqual({ ...defaultSettings(), ...SETTINGS });
    expect(fakeBrowser.storage.local.data.get('settings')).toEqual(SETTINGS);
  });

  it('1 -> 1: the current version opens a version-1 profile as it is', async () => {
    const { listRecord } = await makeV1Profile();
    expect(await ud.listDismissals()).toEqual([...DISMISSALS].reverse());
    expect(await ud.listImportedLists()).toEqual([listRecord]);
    // The compiled cache was never written by the fixture: it is built on first use.
    expect((await ud.getImportedCompiled())?.entities.map((e) => e.displayName)).toEqual(['Zeta Logistics BV']);
    expect(await loadSettings()).toEqual({ ...defaultSettings(), ...SETTINGS });
  });

  it("1 -> 2: a later version's migration keeps every dismissal, list and setting", async () => {
    const { listRecord } = await makeV1Profile();
    // What a version 2 might do: index dismissals by site and record where each came from.
    const v2: import('../../src/shared/user-data').Migration = async (_db, tx) => {
      const store = tx.objectStore('dismissals');
      store.createIndex('bySite', 'site');
      let cursor = await store.openCursor();
      while (cursor) {
        await cursor.update({ ...(cursor.value as object), origin: 'popup' });
        cursor = await cursor.continue();
      }
    };
    const db = await ud.openUserDb({ migrations: [...ud.MIGRATIONS, v2] });
    expect(db.version).toBe(2);
    expect((await db.get('meta', 'schema'))?.value).toMatchObject({ version: 2, upgradedFrom: 1 });
    const dismissals = await db.getAll('dismissals');
    expect(dismissals.sort((a, b) => a.createdAt.localeCompare(b.createdAt))).toEqual(
      DISMISSALS.map((d) => ({ ...d, origin: 'popup' })),
    );
    expect(dismissals.every(ud.isDismissal)).toBe(true);
    expect(ud.isDismissed(dismissals, 'acme-holdings-ltd', 'shop.example.com')).toBe(true);
    expect(ud.isDismissed(dismissals, 'volvo-group', 'other.test')).toBe(true);
    expect(await db.getAllFromIndex('dismissals', 'byEntity', 'volvo-group')).toHaveLength(1);
    expect(await db.getAll('importedLists')).toEqual([listRecord]);
    db.close();
    expect(await loadSettings()).toEqual({ ...defaultSettings(), ...SETTINGS });

    // Going back to this version (an older build) must not touch the newer data.
    const err = await ud.openUserDb().catch((e) => e);
    expect(err).toBeInstanceOf(ud.UserDataError);
    expect(err.code).toBe('upgrade-failed');
    expect(err.message).toContain('newer version of the extension');
    expect((await rawDump()).version).toBe(2);
  });

  it('a migration that fails half-way changes nothing', async () => {
    await makeV1Profile();
    const before = await rawDump();
    const broken: import('../../src/shared/user-data').Migration = async (db, tx) => {
      const store = tx.objectStore('dismissals');
      await store.clear();
      db.createObjectStore('scratch');
      throw new Error('disk on fire');
    };
    const err = await ud.openUserDb({ migrations: [...ud.MIGRATIONS, broken] }).catch((e) => e);
    expect(err).toBeInstanceOf(ud.UserDataError);
    expect(err.code).toBe('upgrade-failed');
    expect(err.message).toBe('Could not upgrade the stored data (nothing was changed): disk on fire');
    expect(await rawDump()).toEqual(before);
    expect(before.version).toBe(1);
    // And the current version still works on it.
    expect(await ud.listDismissals()).toHaveLength(2);
    expect(await loadSettings()).toEqual({ ...defaultSettings(), ...SETTINGS });
  });
});
