// The user's own data in IndexedDB (idb): database 'settlement-screen'. Opened only in
// extension pages and the background: a content script's IndexedDB belongs to the web
// page's origin, so content scripts ask the background instead (message 'get-user-data').
//
// Schema changes go through MIGRATIONS: entry i upgrades a database of version i to i+1,
// inside the browser's versionchange transaction. If any step fails the transaction is
// aborted and the database stays exactly as it was (old version, old data), so an update
// can never leave half-migrated data behind. Settings are not in here (they live in
// browser.storage.local, see settings.ts) and no migration touches them.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { CompiledData } from '../../core/types';
import type { Dismissal, StoredImportedList } from './types';

export const DB_NAME = 'settlement-screen';

export interface MetaRecord {
  key: string;
  value: unknown;
}

export interface SchemaInfo {
  version: number;
  upgradedFrom: number;
  at: string;
}

/** The compiled imported lists, rewritten in the same transaction as every list change. */
export interface CompiledCache {
  /** Compiler and extension version it was made with; anything else is rebuilt. */
  cacheVersion: string;
  data: CompiledData | null;
}

export interface UserDbSchema extends DBSchema {
  dismissals: { key: string; value: Dismissal; indexes: { byEntity: string } };
  importedLists: { key: string; value: StoredImportedList };
  meta: { key: string; value: MetaRecord };
}

export type UserDb = IDBPDatabase<UserDbSchema>;

/**
 * One schema step. It may only wait on IndexedDB requests of `tx` (awaiting anything else
 * would let the upgrade transaction commit early). Typed loosely on purpose: a step sees
 * the database as the previous version left it, not as the current types describe it.
 */
export type Migration = (
  db: IDBPDatabase<unknown>,
  tx: IDBPTransaction<unknown, string[], 'versionchange'>,
) => void | Promise<void>;

/** Version 0 (no database) -> 1: dismissals by id (indexed by entity), imported lists, meta. */
const createV1: Migration = (db) => {
  const dismissals = db.createObjectStore('dismissals', { keyPath: 'id' });
  dismissals.createIndex('byEntity', 'entity');
  db.createObjectStore('importedLists', { keyPath: 'id' });
  db.createObjectStore('meta', { keyPath: 'key' });
};

export const MIGRATIONS: readonly Migration[] = [createV1];

export type UserDataErrorCode =
  | 'unavailable'
  | 'upgrade-failed'
  | 'read-failed'
  | 'write-failed'
  | 'quota'
  | 'conflict'
  | 'not-found'
  | 'compile-failed';

/** Every failure of the user-data store, with a code the UI words and the cause for logs. */
export class UserDataError extends Error {
  override readonly name = 'UserDataError';
  constructor(
    readonly code: UserDataErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function asUserDataError(err: unknown, code: UserDataErrorCode, what: string): UserDataError {
  if (err instanceof UserDataError) return err;
  const name = (err as { name?: string } | null)?.name;
  const detail = err instanceof Error ? err.message : String(err);
  if (name === 'QuotaExceededError') {
    return new UserDataError('quota', `${what}: the browser has no storage space left for this extension.`, {
      cause: err,
    });
  }
  return new UserDataError(code, `${what}: ${detail}`, { cause: err });
}

export interface OpenOptions {
  /** Another database name (tests). */
  name?: string;
  /** Another list of steps (tests of a future version's upgrade). */
  migrations?: readonly Migration[];
}

let shared: Promise<UserDb> | null = null;

/**
 * Open (and if needed create or upgrade) the database. The default database's connection
 * is shared by the page or worker; it is dropped when a newer version of the extension
 * needs to upgrade (versionchange) or the browser closes it.
 */
export function openUserDb(options: OpenOptions = {}): Promise<UserDb> {
  const isDefault = options.name === undefined && options.migrations === undefined;
  if (isDefault && shared) return shared;
  const opening = openFresh(options.name ?? DB_NAME, options.migrations ?? MIGRATIONS, isDefault);
  if (isDefault) {
    shared = opening;
    opening.catch(() => {
      if (shared === opening) shared = null;
    });
  }
  return opening;
}

async function openFresh(name: string, migrations: readonly Migration[], isDefault: boolean): Promise<UserDb> {
  if (typeof indexedDB === 'undefined') {
    throw new UserDataError('unavailable', 'This browser gives the extension no IndexedDB storage.');
  }
  const version = migrations.length;
  let upgradeError: unknown = null;
  let db: UserDb | undefined;
  try {
    db = await openDB<UserDbSchema>(name, version, {
      upgrade(database, oldVersion, _newVersion, transaction) {
        // idb's `done` promise rejects when a failed step aborts the upgrade; the failure is
        // reported through openDB's rejection below, so this one must not go unhandled.
        transaction.done.catch(() => undefined);
        const looseDb = database as unknown as IDBPDatabase<unknown>;
        const looseTx = transaction as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;
        const run = async () => {
          for (let v = oldVersion; v < version; v++) await migrations[v](looseDb, looseTx);
          const info: SchemaInfo = { version, upgradedFrom: oldVersion, at: new Date().toISOString() };
          await transaction.objectStore('meta').put({ key: 'schema', value: info });
        };
        run().catch((err) => {
          upgradeError = err;
          try {
            transaction.abort();
          } catch {
            // Already aborting.
          }
        });
      },
      blocking() {
        // A newer version wants to upgrade: let it, and reopen on the next call.
        db?.close();
        if (isDefault) shared = null;
      },
      terminated() {
        if (isDefault) shared = null;
      },
    });
  } catch (err) {
    if (upgradeError !== null) {
      throw asUserDataError(upgradeError, 'upgrade-failed', 'Could not upgrade the stored data (nothing was changed)');
    }
    const name = (err as { name?: string } | null)?.name;
    if (name === 'VersionError') {
      throw new UserDataError(
        'upgrade-failed',
        'The stored data was written by a newer version of the extension; update the extension.',
        { cause: err },
      );
    }
    throw asUserDataError(err, 'unavailable', 'Could not open the stored data');
  }
  return db!;
}

/** Forget the shared connection (tests that delete the database between cases). */
export async function closeUserDb(): Promise<void> {
  const current = shared;
  shared = null;
  if (current) (await current.catch(() => null))?.close();
}
