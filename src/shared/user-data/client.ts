// For content scripts: the user's data, asked of the background (a content script cannot
// open the extension's IndexedDB). Safe to bundle into the content script: no idb here.
import { browser } from '../browser';
import { isUserDataReply } from './rules';
import type { UserDataReply } from './types';

/** Null when the background does not answer or answers something invalid. */
export async function requestUserData(): Promise<UserDataReply | null> {
  const reply: unknown = await browser.runtime.sendMessage({ type: 'get-user-data' });
  return isUserDataReply(reply) ? reply : null;
}
