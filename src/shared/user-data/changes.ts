// "The user's data changed": a revision stamp in browser.storage.local. IndexedDB has no
// change events across contexts, and content scripts cannot read the extension's
// IndexedDB at all, but every context (content scripts, pages, the background worker,
// which storage events wake) sees storage.onChanged. Written after each committed change.
import { browser } from '../browser';

export const USER_DATA_REVISION_KEY = 'userDataRevision';

export async function notifyUserDataChanged(): Promise<void> {
  try {
    // Unique per change, so two changes in the same millisecond still fire an event.
    await browser.storage.local.set({
      [USER_DATA_REVISION_KEY]: `${Date.now()}-${Math.random().toString(36).slice(2)}`,
    });
  } catch (err) {
    // The change itself is committed; other open pages catch up when reopened.
    console.warn('Settlement Screen: could not announce a change of user data', err);
  }
}

/** Calls `listener` after any change of the user's dismissals or imported lists; returns an unsubscribe. */
export function onUserDataChanged(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && USER_DATA_REVISION_KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
