// For content scripts: the user's data, asked of the background (a content script cannot
// open the extension's IndexedDB). Safe to bundle into the content script: no idb here.
import { sendToExtension } from '../messaging';
import { isDismissal, isUserDataReply } from './rules';
import type { UserDataReply } from './types';

/**
 * Null when the background does not answer or answers something invalid. Imported lists
 * that cannot be loaded are dropped on their own: the dismissals still apply, and the
 * bundled lists run either way.
 */
export async function requestUserData(): Promise<UserDataReply | null> {
  const reply: unknown = await sendToExtension({ type: 'get-user-data' });
  if (isUserDataReply(reply)) return reply;
  const dismissals = (reply as { dismissals?: unknown } | null)?.dismissals;
  if (Array.isArray(dismissals) && dismissals.every(isDismissal)) return { imported: null, dismissals };
  return null;
}
