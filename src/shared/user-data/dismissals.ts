// Dismissals in IndexedDB: add ("not this company"), remove (undo), list. Each write is
// one transaction; a failed write leaves the store as it was and throws a UserDataError.
import { asUserDataError, openUserDb } from './db';
import { notifyUserDataChanged } from './changes';
import { makeDismissal } from './dismissal-input';
import { isDismissal } from './rules';
import type { Dismissal, DismissalInput } from './types';

/**
 * Store a dismissal (validated; see makeDismissal). Dismissing the same entity on the same
 * site again replaces the earlier record (new reason and date). Throws DismissalInputError
 * for invalid input, UserDataError when storing fails.
 */
export async function addDismissal(input: DismissalInput, now: Date = new Date()): Promise<Dismissal> {
  const dismissal = makeDismissal(input, now);
  try {
    const db = await openUserDb();
    const tx = db.transaction('dismissals', 'readwrite');
    await Promise.all([tx.store.put(dismissal), tx.done]);
  } catch (err) {
    throw asUserDataError(err, 'write-failed', 'Could not save the dismissal');
  }
  await notifyUserDataChanged();
  return dismissal;
}

/** Undo: remove one dismissal. Returns what was removed, or null if it was already gone. */
export async function removeDismissal(id: string): Promise<Dismissal | null> {
  let removed: Dismissal | null = null;
  try {
    const db = await openUserDb();
    const tx = db.transaction('dismissals', 'readwrite');
    const existing = await tx.store.get(id);
    if (existing) {
      removed = existing;
      await tx.store.delete(id);
    }
    await tx.done;
  } catch (err) {
    throw asUserDataError(err, 'write-failed', 'Could not undo the dismissal');
  }
  if (removed) await notifyUserDataChanged();
  return removed;
}

/** Every valid stored dismissal, newest first. Damaged records are skipped, never deleted. */
export async function listDismissals(): Promise<Dismissal[]> {
  let all: unknown[];
  try {
    const db = await openUserDb();
    all = await db.getAll('dismissals');
  } catch (err) {
    throw asUserDataError(err, 'read-failed', 'Could not read the dismissals');
  }
  return all.filter(isDismissal).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
