// The user's own data in IndexedDB (fake-indexeddb): dismissals, imported lists, the
// compiled form the matcher loads, and that a failed write changes nothing.
import { deleteDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, resetFakeBrowser } from './helpers/fake-browser';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('./helpers/fake-browser')).fakeBrowser }));

const ud = await import('../../src/shared/user-data');
const { parseImportedList } = await import('../../src/core/import-list');
const { Matcher } = await import('../../src/core/matcher');

const META = { title: 'Council list', publisher: 'Stad Gent', published: '2026-03-01' };
const CSV = 'name,aliases,source_url\nAcme Holdings Ltd.,Acme,https://example.org/acme\nZeta Logistics BV,,\n';

async function freshDb() {
  await ud.closeUserDb();
  await deleteDB(ud.DB_NAME);
  resetFakeBrowser();
}

async function importCsv(text = CSV, meta = META, name = 'council.csv', replace = false) {
  return ud.importList(parseImportedList(name, text, meta), { name, text }, { replace });
}

const revision = () => fakeBrowser.storage.local.data.get(ud.USER_DATA_REVISION_KEY);

describe('dismissals', () => {
  beforeEach(freshDb);

  it('are stored, apply only to their entity and site, and are undone', async () => {
    const d = await ud.addDismissal(
      {
        entity: 'acme',
        entityName: 'Acme Holdings Ltd.',
        scope: 'site',
        site: 'https://www.Shop.example.com/x',
        reason: 'Acme the bakery',
      },
      new Date('2026-02-01T10:00:00Z'),
    );
    expect(d).toEqual({
      id: ud.dismissalId('acme', 'site', 'shop.example.com'),
      entity: 'acme',
      entityName: 'Acme Holdings Ltd.',
      scope: 'site',
      site: 'shop.example.com',
      reason: 'Acme the bakery',
      createdAt: '2026-02-01T10:00:00.000Z',
    });
    const stored = await ud.listDismissals();
    expect(stored).toEqual([d]);
    expect(ud.isDismissed(stored, 'acme', 'shop.example.com')).toBe(true);
    expect(ud.isDismissed(stored, 'acme', 'eu.shop.example.com')).toBe(true);
    expect(ud.isDismissed(stored, 'acme', 'example.com')).toBe(false);
    expect(ud.isDismissed(stored, 'acme', 'notshop.example.com')).toBe(false);
    expect(ud.isDismissed(stored, 'acme', null)).toBe(false);
    // Never another entity.
    expect(ud.isDismissed(stored, 'acme-2', 'shop.example.com')).toBe(false);

    const removed = await ud.removeDismissal(d.id);
    expect(removed).toEqual(d);
    expect(await ud.listDismissals()).toEqual([]);
    expect(await ud.removeDismissal(d.id)).toBeNull();
  });

  it('"everywhere" applies on every site; the same entity and site again replaces the record', async () => {
    await ud.addDismissal({ entity: 'acme', entityName: 'Acme', scope: 'everywhere', reason: 'first' });
    const again = await ud.addDismissal({
      entity: 'acme',
      entityName: 'Acme',
      scope: 'everywhere',
      reason: ' second ',
    });
    const stored = await ud.listDismissals();
    expect(stored).toHaveLength(1);
    expect(stored[0].reason).toBe('second');
    expect(stored[0].site).toBeNull();
    expect(ud.isDismissed(stored, 'acme', 'anything.test')).toBe(true);
    expect(ud.isDismissed(stored, 'acme', null)).toBe(true);
    expect(ud.dismissalFor(stored, 'acme', 'x.test')).toEqual(again);
  });

  it('announce every change through storage.local', async () => {
    expect(revision()).toBeUndefined();
    const d = await ud.addDismissal({ entity: 'acme', entityName: 'Acme', scope: 'everywhere' });
    const first = revision();
    expect(typeof first).toBe('string');
    const heard = vi.fn();
    const stop = ud.onUserDataChanged(heard);
    await ud.removeDismissal(d.id);
    expect(revision()).not.toBe(first);
    expect(heard).toHaveBeenCalledTimes(1);
    stop();
  });

  it('refuse invalid input and store nothing', async () => {
    await expect(ud.addDismissal({ entity: 'acme', entityName: 'Acme', scope: 'site', site: '' })).rejects.toThrow(
      ud.DismissalInputError,
    );
    await expect(ud.addDismissal({ entity: '', entityName: 'x', scope: 'everywhere' })).rejects.toThrow(
      'No company to dismiss.',
    );
    await expect(
      ud.addDismissal({ entity: 'acme', entityName: 'Acme', scope: 'everywhere', reason: 'x'.repeat(1001) }),
    ).rejects.toThrow(/longer than 1000/);
    expect(await ud.listDismissals()).toEqual([]);
    expect(revision()).toBeUndefined();
  });

  it('skip damaged stored records without deleting them', async () => {
    const db = await ud.openUserDb();
    await db.put('dismissals', { id: 'junk', entity: 'x' } as never);
    const good = await ud.addDismissal({ entity: 'acme', entityName: 'Acme', scope: 'everywhere' });
    expect(await ud.listDismissals()).toEqual([good]);
    expect(await db.count('dismissals')).toBe(2);
  });

  it('are filtered by site for a content script, and never hide other flags on the badge', async () => {
    const stored = [
      ud.makeDismissal({ entity: 'acme', entityName: 'Acme', scope: 'site', site: 'shop.example.com' }),
      ud.makeDismissal({ entity: 'beta', entityName: 'Beta', scope: 'site', site: 'other.test' }),
      ud.makeDismissal({ entity: 'gamma', entityName: 'Gamma', scope: 'everywhere' }),
    ];
    expect(ud.dismissalsInForce(stored, 'shop.example.com').map((d) => d.entity)).toEqual(['acme', 'gamma']);
    const m = (entity: string, level: 'flag' | 'possible' = 'flag') =>
      ({ entity, level, key: entity, text: entity, matches: [] }) as never;
    const results = {
      tabId: 1,
      frames: {
        '0': {
          url: 'https://shop.example.com/p',
          matches: [m('acme'), m('beta'), m('gamma'), m('delta'), m('eps', 'possible')],
        },
        '2': { url: 'https://ads.test/', matches: [m('acme'), m('zeta')] },
      },
    } as never;
    // acme (dismissed on this site) and gamma (everywhere) are not counted; beta, delta, zeta are.
    expect(ud.undismissedFlagCount(results, stored)).toBe(3);
    expect(ud.undismissedFlagCount(results, [])).toBe(5);
  });
});

describe('imported lists', () => {
  beforeEach(freshDb);

  it('are stored with their source, metadata and the SHA-256 of the file bytes', async () => {
    const bytes = new TextEncoder().encode(`\uFEFF${CSV}`);
    const parsed = parseImportedList('council.csv', CSV, META);
    const stored = await ud.importList(
      parsed,
      { name: 'council.csv', text: CSV, bytes },
      { now: new Date('2026-04-01T00:00:00Z') },
    );
    expect(stored.id).toBe('user:council-list');
    expect(stored.meta).toMatchObject({
      id: 'user:council-list',
      title: 'Council list',
      publisher: 'Stad Gent',
      published: '2026-03-01',
      version: '2026-03-01',
      entryCount: 2,
      origin: 'imported',
      sha256: await ud.sha256Hex(bytes),
    });
    expect(stored.meta.sha256).not.toBe(await ud.sha256Hex(CSV));
    expect(stored.source).toBe(CSV);
    expect(stored.importedAt).toBe('2026-04-01T00:00:00.000Z');
    const listed = await ud.listImportedLists();
    expect(listed).toHaveLength(1);
    expect(listed[0].parsed.entries.map((e) => e.name)).toEqual(['Acme Holdings Ltd.', 'Zeta Logistics BV']);
  });

  it('compile for the matcher with user: entity ids, and take part in matching', async () => {
    await importCsv();
    const data = await ud.getImportedCompiled();
    expect(data).not.toBeNull();
    expect(data!.lists.map((l) => l.id)).toEqual(['user:council-list']);
    expect(data!.entities.every((e) => e.id.startsWith('user:'))).toBe(true);
    const m = Matcher.fromData(data!);
    const scan = m.scanBlock({ text: 'Awarded to Zeta Logistics BV and Acme Holdings Ltd.', field: null });
    expect(scan.matches.map((x) => [x.text, x.level, x.entity])).toEqual([
      ['Zeta Logistics BV', 'flag', 'user:zeta-logistics-bv'],
      ['Acme Holdings Ltd.', 'flag', 'user:acme-holdings-ltd'],
    ]);
    // Switched off in the settings, it matches nothing.
    const off = Matcher.fromData(data!, { enabledLists: new Set<string>() });
    expect(off.scanBlock({ text: 'Zeta Logistics BV', field: null }).matches).toEqual([]);
  });

  it('treat short one-word names and acronyms as weak (conservative rule without dictionaries)', async () => {
    await importCsv('name\nAcme\nELBIT\nAcmeworks\nAcme Group Holdings\n', META);
    const data = (await ud.getImportedCompiled())!;
    const byText = new Map(data.names.map((n) => [n.text, n]));
    expect(byText.get('Acme')).toMatchObject({ strength: 'weak', weakReason: 'short' });
    expect(byText.get('ELBIT')).toMatchObject({ strength: 'weak', weakReason: 'acronym', acronym: 'ELBIT' });
    expect(byText.get('Acmeworks')?.strength).toBe('strong');
    expect(byText.get('Acme Group Holdings')?.strength).toBe('strong');
    const m = Matcher.fromData(data);
    expect(m.scanBlock({ text: 'Acme delivered', field: null }).matches[0].level).toBe('possible');
    expect(m.scanBlock({ text: 'Acme NV delivered', field: null }).matches[0].level).toBe('flag');
    expect(m.scanBlock({ text: 'ELBIT delivered', field: null }).matches[0].level).toBe('flag');
  });

  it('refuse a second list with the same id unless replacing, leaving the first as it was', async () => {
    const first = await importCsv();
    await ud.addDismissal({ entity: 'user:acme-holdings', entityName: 'Acme', scope: 'everywhere' });
    const before = { lists: await ud.listImportedLists(), dismissals: await ud.listDismissals() };
    const err = await importCsv('name\nOther Company BV\n').catch((e) => e);
    expect(err).toBeInstanceOf(ud.UserDataError);
    expect(err.code).toBe('conflict');
    expect(err.message).toBe('A list with the id "user:council-list" is already imported.');
    expect(await ud.listImportedLists()).toEqual(before.lists);
    expect(await ud.listDismissals()).toEqual(before.dismissals);

    const replaced = await importCsv('name\nOther Company BV\n', META, 'council.csv', true);
    expect(replaced.meta.sha256).not.toBe(first.meta.sha256);
    expect((await ud.listImportedLists()).map((l) => l.parsed.entries.length)).toEqual([1]);
    const data = (await ud.getImportedCompiled())!;
    expect(data.entities.map((e) => e.displayName)).toEqual(['Other Company BV']);
  });

  it('a failed import (compile error) changes nothing: earlier imports, cache and dismissals stay', async () => {
    await importCsv();
    const d = await ud.addDismissal({ entity: 'acme', entityName: 'Acme', scope: 'everywhere' });
    const compiledBefore = await ud.getImportedCompiled();
    const rev = revision();
    const broken = parseImportedList('b.csv', 'name\nBroken Co\n', { ...META, title: 'Broken' });
    (broken.list as { entries: unknown }).entries = [{ name: 42 }];
    const err = await ud.importList(broken, { name: 'b.csv', text: 'name\nBroken Co\n' }).catch((e) => e);
    expect(err).toBeInstanceOf(ud.UserDataError);
    expect(err.code).toBe('compile-failed');
    expect((await ud.listImportedLists()).map((l) => l.id)).toEqual(['user:council-list']);
    expect(await ud.getImportedCompiled()).toEqual(compiledBefore);
    expect(await ud.listDismissals()).toEqual([d]);
    expect(revision()).toBe(rev);
  });

  it('a file that does not parse never reaches the store', async () => {
    await importCsv();
    const before = await ud.listImportedLists();
    expect(() => parseImportedList('x.csv', 'name,source_url\nA,notaurl\n', META)).toThrow(/Row 2, column source_url/);
    expect(await ud.listImportedLists()).toEqual(before);
  });

  it('are removed with their compiled data, leaving the others', async () => {
    await importCsv();
    await importCsv('name\nOther Company BV\n', { ...META, title: 'Second list' }, 'second.csv');
    expect((await ud.getImportedCompiled())!.lists.map((l) => l.id)).toEqual(['user:council-list', 'user:second-list']);
    const removed = await ud.removeImportedList('user:council-list');
    expect(removed?.id).toBe('user:council-list');
    expect((await ud.listImportedLists()).map((l) => l.id)).toEqual(['user:second-list']);
    const data = (await ud.getImportedCompiled())!;
    expect(data.lists.map((l) => l.id)).toEqual(['user:second-list']);
    expect(data.entities.map((e) => e.displayName)).toEqual(['Other Company BV']);
    expect(await ud.removeImportedList('user:council-list')).toBeNull();
    await ud.removeImportedList('user:second-list');
    expect(await ud.getImportedCompiled()).toBeNull();
  });

  it('rebuild the compiled data when the stored copy is missing or from another version', async () => {
    await importCsv();
    const expected = await ud.getImportedCompiled();
    const db = await ud.openUserDb();
    await db.put('meta', { key: 'importedCompiled', value: { cacheVersion: 'old', data: null } });
    expect(await ud.getImportedCompiled()).toEqual(expected);
    await db.delete('meta', 'importedCompiled');
    expect(await ud.getImportedCompiled()).toEqual(expected);
    expect((await db.get('meta', 'importedCompiled'))?.value).toMatchObject({ data: expected });
  });

  it('answer get-user-data with both halves, each on its own', async () => {
    await importCsv();
    await ud.addDismissal({ entity: 'acme', entityName: 'Acme', scope: 'site', site: 'a.test' });
    await ud.addDismissal({ entity: 'beta', entityName: 'Beta', scope: 'everywhere' });
    const all = await ud.getUserData();
    expect(all.imported?.lists[0].id).toBe('user:council-list');
    expect(all.dismissals.map((d) => d.entity).sort()).toEqual(['acme', 'beta']);
    const forSite = await ud.getUserData({ hostname: 'b.test' });
    expect(forSite.dismissals.map((d) => d.entity)).toEqual(['beta']);
    expect(ud.isUserDataReply(forSite)).toBe(true);
    expect(ud.isUserDataReply({ imported: null, dismissals: [{ id: 1 }] })).toBe(false);
    expect(ud.isUserDataReply({ imported: { formatVersion: 2 }, dismissals: [] })).toBe(false);
  });
});

describe('mergeCompiledData', () => {
  beforeEach(freshDb);

  it('adds imported lists to the bundled data with distinct ids, joining names the bundled data lists', async () => {
    const { compileLists } = await import('../../src/core/compile');
    const bundled = compileLists(
      [
        {
          list: {
            id: 'ohchr',
            title: 'OHCHR',
            publisher: 'OHCHR',
            url: '',
            published: '2025-09-26',
            coverage_note: 'all',
            entries: [
              {
                name: 'Acme Holdings Ltd.',
                aliases: [],
                country: null,
                categories: [],
                rationale: '',
                evidence_url: '',
              },
            ],
          },
          sha256: 'x',
          origin: 'bundled',
        },
      ],
      [],
      { isCommonWord: () => false },
    );
    await importCsv('name\nAcme Holdings\nZeta Logistics BV\n');
    const imported = (await ud.getImportedCompiled())!;
    const merged = ud.mergeCompiledData(bundled, imported);
    expect(merged.lists.map((l) => l.id)).toEqual(['ohchr', 'user:council-list']);
    const ids = merged.names.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    // "Acme Holdings" is the bundled entity's own name: one company, entries from both lists.
    const acme = merged.entities.find((e) => e.id === 'acme-holdings-ltd')!;
    expect(acme.entries.map((e) => e.list)).toEqual(['ohchr', 'user:council-list']);
    expect(merged.entities.some((e) => e.id.startsWith('user:acme'))).toBe(false);
    const m = Matcher.fromData(merged);
    const scan = m.scanBlock({ text: 'Acme Holdings Ltd. and Zeta Logistics BV', field: null });
    expect(scan.matches.map((x) => [x.entity, x.lists.map((l) => l.list)])).toEqual([
      ['acme-holdings-ltd', ['ohchr', 'user:council-list']],
      ['user:zeta-logistics-bv', ['user:council-list']],
    ]);
    // The bundled list alone still flags it when the imported one is off.
    const offImported = Matcher.fromData(merged, { enabledLists: new Set(['ohchr']) });
    expect(offImported.scanBlock({ text: 'Zeta Logistics BV', field: null }).matches).toEqual([]);
    expect(offImported.scanBlock({ text: 'Acme Holdings Ltd.', field: null }).matches[0].lists).toEqual([
      { list: 'ohchr', entry: 'Acme Holdings Ltd.', status: 'listed' },
    ]);
    expect(ud.mergeCompiledData(bundled, null)).toBe(bundled);
  });
});
