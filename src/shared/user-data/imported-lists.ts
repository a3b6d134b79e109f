// Imported lists in IndexedDB: import (or replace), remove, list, and the compiled form the
// matcher loads. A list change and the rewrite of the compiled cache happen in one
// transaction, so readers never see a list without its compiled data or the reverse; a
// failed import (a conflict, a compile error, a full disk) leaves every earlier import,
// and everything else in the database, untouched.
import { isImportedListShape, type ParsedImport } from '../../core/import-list';
import type { CompiledData } from '../../core/types';
import { browser } from '../browser';
import { notifyUserDataChanged } from './changes';
import { compileImportedLists } from './compile-imported';
import { isCompiledData } from './compiled-shape';
import { type CompiledCache, UserDataError, asUserDataError, openUserDb, type UserDb } from './db';
import { sha256Hex } from '../sha256';
import type { StoredImportedList } from './types';

const CACHE_KEY = 'importedCompiled';
/** Bump when compileImportedLists changes its output without an extension version change. */
const CACHE_FORMAT = 1;

function cacheVersion(): string {
  let version = '';
  try {
    version = (browser.runtime.getManifest() as { version?: string }).version ?? '';
  } catch {
    // Outside the extension (tests): the format number alone.
  }
  return `${CACHE_FORMAT}:${version}`;
}

export interface ImportFile {
  name: string;
  /** The file decoded as UTF-8 (what was parsed). */
  text: string;
  /** The file's bytes, for the SHA-256 a colleague can check with sha256sum. Defaults to the UTF-8 text. */
  bytes?: ArrayBuffer | Uint8Array;
}

export interface ImportOptions {
  /** Replace an imported list with the same id instead of refusing. */
  replace?: boolean;
  now?: Date;
}

function compile(lists: StoredImportedList[]): CompiledData | null {
  if (lists.length === 0) return null;
  try {
    return compileImportedLists(lists.map((l) => ({ parsed: l.parsed, sha256: l.meta.sha256 })));
  } catch (err) {
    throw new UserDataError('compile-failed', `Could not prepare the imported lists for matching: ${String(err)}`, {
      cause: err,
    });
  }
}

/** A readwrite transaction over lists and meta whose `done` never rejects unobserved. */
function writeTx(db: UserDb) {
  const tx = db.transaction(['importedLists', 'meta'], 'readwrite');
  tx.done.catch(() => undefined);
  return tx;
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted.
  }
}

/**
 * Store a parsed list (see parseImportedList). Refuses with UserDataError 'conflict' when
 * an imported list with the same id exists, unless `replace` is set.
 */
export async function importList(
  parsed: ParsedImport,
  file: ImportFile,
  options: ImportOptions = {},
): Promise<StoredImportedList> {
  // Hash before the transaction: awaiting anything but IndexedDB inside it would commit it.
  const sha256 = await sha256Hex(file.bytes ?? file.text);
  const id = parsed.list.id;
  const draft: StoredImportedList = {
    id,
    meta: {
      id,
      title: parsed.list.title,
      publisher: parsed.list.publisher,
      url: parsed.list.url,
      published: parsed.list.published,
      version: parsed.list.version ?? '',
      coverageNote: parsed.list.coverage_note,
      partial: false,
      entryCount: parsed.list.entries.length,
      sha256,
      regime: parsed.list.regime ?? null,
      origin: 'imported',
    },
    fileName: file.name,
    format: parsed.format,
    source: file.text,
    parsed: parsed.list,
    warnings: parsed.warnings,
    importedAt: (options.now ?? new Date()).toISOString(),
  };

  let db: UserDb;
  try {
    db = await openUserDb();
  } catch (err) {
    throw asUserDataError(err, 'unavailable', 'Could not open the stored data');
  }
  const tx = writeTx(db);
  try {
    const lists = tx.objectStore('importedLists');
    const existing = await lists.getAll();
    if (!options.replace && existing.some((l) => l.id === id)) {
      throw new UserDataError('conflict', `A list with the id "${id}" is already imported.`);
    }
    const next = [...existing.filter((l) => l.id !== id), draft];
    const compiled = compile(next);
    // The compiler's own description of the list (version label, partial flag).
    const meta = compiled?.lists.find((l) => l.id === id);
    const record: StoredImportedList = meta ? { ...draft, meta } : draft;
    const cache: CompiledCache = { cacheVersion: cacheVersion(), data: compiled };
    await Promise.all([lists.put(record), tx.objectStore('meta').put({ key: CACHE_KEY, value: cache }), tx.done]);
    await notifyUserDataChanged();
    return record;
  } catch (err) {
    abortQuietly(tx);
    throw asUserDataError(err, 'write-failed', 'Could not import the list (nothing was changed)');
  }
}

/** Remove an imported list. Returns the removed record, or null when it was not there. */
export async function removeImportedList(id: string): Promise<StoredImportedList | null> {
  let db: UserDb;
  try {
    db = await openUserDb();
  } catch (err) {
    throw asUserDataError(err, 'unavailable', 'Could not open the stored data');
  }
  const tx = writeTx(db);
  try {
    const lists = tx.objectStore('importedLists');
    const existing = await lists.getAll();
    const removed = existing.find((l) => l.id === id) ?? null;
    if (!removed) {
      await tx.done;
      return null;
    }
    const cache: CompiledCache = { cacheVersion: cacheVersion(), data: compile(existing.filter((l) => l.id !== id)) };
    await Promise.all([lists.delete(id), tx.objectStore('meta').put({ key: CACHE_KEY, value: cache }), tx.done]);
    await notifyUserDataChanged();
    return removed;
  } catch (err) {
    abortQuietly(tx);
    throw asUserDataError(err, 'write-failed', 'Could not remove the list (nothing was changed)');
  }
}

/** Every imported list, oldest import first. */
export async function listImportedLists(): Promise<StoredImportedList[]> {
  try {
    const db = await openUserDb();
    const all = await db.getAll('importedLists');
    return all.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
  } catch (err) {
    throw asUserDataError(err, 'read-failed', 'Could not read the imported lists');
  }
}

function isStoredList(v: unknown): v is StoredImportedList {
  const l = v as StoredImportedList | null;
  return (
    typeof l === 'object' &&
    l !== null &&
    typeof l.id === 'string' &&
    typeof l.meta?.sha256 === 'string' &&
    isImportedListShape(l.parsed)
  );
}

function isCache(v: unknown): v is CompiledCache {
  return typeof v === 'object' && v !== null && typeof (v as CompiledCache).cacheVersion === 'string';
}

/**
 * A cache this version can use as it is: made by it, and holding data the matcher can load
 * (null only when no list is imported, as every write keeps the two together).
 */
function usableCache(cached: unknown, listCount: number): cached is CompiledCache {
  if (!isCache(cached) || cached.cacheVersion !== cacheVersion()) return false;
  return cached.data === null ? listCount === 0 : isCompiledData(cached.data);
}

/**
 * The imported lists compiled for the matcher (entity ids prefixed `user:`), or null when
 * there are none. Read from the cache; rebuilt (and stored) when the cache was made by
 * another version of the extension, is missing, or is damaged.
 */
export async function getImportedCompiled(): Promise<CompiledData | null> {
  let db: UserDb;
  try {
    db = await openUserDb();
    const [entry, listCount] = await Promise.all([db.get('meta', CACHE_KEY), db.count('importedLists')]);
    const cached = entry?.value;
    if (usableCache(cached, listCount)) return cached.data;
    if (cached !== undefined && isCache(cached) && cached.cacheVersion === cacheVersion()) {
      console.warn('Settlement Screen: the compiled imported lists were damaged; rebuilding them');
    }
  } catch (err) {
    throw asUserDataError(err, 'read-failed', 'Could not read the imported lists');
  }
  const tx = writeTx(db);
  try {
    const stored = await tx.objectStore('importedLists').getAll();
    // A damaged record is left out (and kept, for a later version to read): the other
    // imported lists still work.
    const lists = stored.filter(isStoredList);
    if (lists.length < stored.length) {
      console.warn(`Settlement Screen: ${stored.length - lists.length} imported list(s) are damaged and not used`);
    }
    const data = compile(lists);
    const cache: CompiledCache = { cacheVersion: cacheVersion(), data };
    await Promise.all([tx.objectStore('meta').put({ key: CACHE_KEY, value: cache }), tx.done]);
    return data;
  } catch (err) {
    abortQuietly(tx);
    throw asUserDataError(err, 'read-failed', 'Could not prepare the imported lists');
  }
}
