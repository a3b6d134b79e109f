// What the content script keeps from the extension's storage: the settings and the user
// data's revision (imported lists and dismissals changed when it does). Read together in
// one call and followed with one listener: each call into the extension APIs costs a page
// something at start-up, and every page of every covered site starts this script.
import { browser } from '../shared/browser';
import { defaultSettings, parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings';
import { USER_DATA_REVISION_KEY } from '../shared/user-data/changes';

export interface StoredState {
  settings: Settings;
  revision: string | null;
}

/** What changed: only the keys present were written. */
export interface StoredChange {
  settings?: Settings;
  revision?: string | null;
}

const revisionOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Never rejects: unreadable storage gives the defaults, which scan rather than do nothing. */
export async function readStoredState(): Promise<StoredState> {
  try {
    const stored = await browser.storage.local.get([SETTINGS_KEY, USER_DATA_REVISION_KEY]);
    return { settings: parseSettings(stored[SETTINGS_KEY]), revision: revisionOf(stored[USER_DATA_REVISION_KEY]) };
  } catch (err) {
    console.warn('Settlement Screen: could not read settings', err);
    return { settings: defaultSettings(), revision: null };
  }
}

/** Calls `listener` when the settings or the revision change; returns an unsubscribe. */
export function onStoredStateChanged(listener: (change: StoredChange) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== 'local') return;
    const change: StoredChange = {};
    if (SETTINGS_KEY in changes) change.settings = parseSettings(changes[SETTINGS_KEY].newValue);
    if (USER_DATA_REVISION_KEY in changes) change.revision = revisionOf(changes[USER_DATA_REVISION_KEY].newValue);
    if ('settings' in change || 'revision' in change) listener(change);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
