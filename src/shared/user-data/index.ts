// The user's own data: dismissals ("not this company") and imported lists, in IndexedDB.
// Extension pages and the background import from here; content scripts must not (their
// IndexedDB is the web page's): they import only ./rules and ./client and ask the
// background with the 'get-user-data' message.
import { listDismissals } from './dismissals';
import { getImportedCompiled } from './imported-lists';
import { dismissalsInForce } from './rules';
import type { UserDataReply } from './types';

export * from './types';
export * from './rules';
export * from './dismissal-input';
export { addDismissal, removeDismissal, listDismissals } from './dismissals';
export { importList, removeImportedList, listImportedLists, getImportedCompiled } from './imported-lists';
export { openUserDb, closeUserDb, UserDataError, DB_NAME, MIGRATIONS } from './db';
export type { Migration } from './db';
export { onUserDataChanged, USER_DATA_REVISION_KEY } from './changes';
export { compileImportedLists } from './compile-imported';
export { mergeCompiledData } from './merge';
export { isCompiledData } from './compiled-shape';
export { sha256Hex } from '../sha256';

export interface UserDataQuery {
  /** Only dismissals that apply on this hostname (content scripts); all of them when undefined. */
  hostname?: string | null;
  /** False: leave out the imported lists (content scripts: the background matches with them). */
  importedLists?: boolean;
}

/**
 * What the background answers to 'get-user-data'. Each half is read on its own: a broken
 * imported-list store must not also drop the dismissals, or the reverse.
 */
export async function getUserData(query: UserDataQuery = {}): Promise<UserDataReply> {
  const [imported, dismissals] = await Promise.all([
    (query.importedLists === false ? Promise.resolve(null) : getImportedCompiled()).catch((err) => {
      console.warn('Settlement Screen: imported lists unavailable', err);
      return null;
    }),
    listDismissals().catch((err) => {
      console.warn('Settlement Screen: dismissals unavailable', err);
      return [];
    }),
  ]);
  return {
    imported,
    dismissals: query.hostname === undefined ? dismissals : dismissalsInForce(dismissals, query.hostname),
  };
}
