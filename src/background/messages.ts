// The background's message handler. Every message is validated (isToBackground) and its
// sender checked; anything else is dropped without a reply, so a page cannot ask for
// another tab's results or make us inject scripts.
import { browser, type Runtime } from '../shared/browser';
import type { CheckPageResult } from '../shared/background-client';
import { isToBackground, type PageReport } from '../shared/messages';
import { getUserData, listDismissals, undismissedFlagCount } from '../shared/user-data';
import type { UserDataReply } from '../shared/user-data/types';
import { showBadge } from './badge';
import { injectContentScript } from './inject';
import { answerMatchBlocks, answerMatchRequest } from './match-service';
import { isMatchRequest, type MatchBlocksReply, type MatchBlocksRequest } from '../shared/match-messages';
import { readTab, updateTab } from './session-store';
import { mergeFrameReport } from './tab-results';

export type SenderKind = 'content-script' | 'extension-page' | 'other';

/** Subset of Runtime.MessageSender used here (so the check is testable). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * Who sent a message. Extension pages are recognised by their URL (the options page also
 * runs in a tab, so `tab` alone does not mean a content script). Content scripts run in a
 * tab frame on a web page.
 */
export function classifySender(sender: SenderInfo, extensionId: string, extensionBase: string): SenderKind {
  if (sender.id !== extensionId) return 'other';
  if (typeof sender.url === 'string' && sender.url.startsWith(extensionBase)) return 'extension-page';
  if (typeof sender.tab?.id === 'number' && sender.tab.id >= 0 && typeof sender.frameId === 'number') {
    return 'content-script';
  }
  return 'other';
}

// ---- user data (dismissals, imported lists): see src/shared/user-data ----

/**
 * Recount every tab's badge after the user's data changed (a dismissal added or undone).
 * main.ts calls it from storage.onChanged for USER_DATA_REVISION_KEY.
 */
export async function recountBadges(): Promise<void> {
  const all = await browser.storage.session.get(null);
  const dismissals = await readDismissalsOnce();
  if (!dismissals) return;
  await Promise.all(
    Object.keys(all)
      .filter((key) => /^tab:\d+$/.test(key))
      .map(async (key) => {
        const tabId = Number(key.slice(4));
        await showBadge(tabId, undismissedFlagCount(await readTab(tabId), dismissals));
      }),
  );
}

/** Content scripts get only the dismissals in force on their tab's site (they match through the background). */
function userDataFor(kind: SenderKind, sender: SenderInfo & { tab?: { url?: string } }): Promise<UserDataReply> {
  if (kind === 'extension-page') return getUserData();
  let hostname: string | null = null;
  try {
    hostname = new URL(sender.tab?.url ?? sender.url ?? '').hostname || null;
  } catch {
    hostname = null;
  }
  return getUserData({ hostname, importedLists: false });
}
// ---- end user data ----

async function recordReport(tabId: number, frameId: number, report: PageReport): Promise<void> {
  // The badge never counts an entity the user dismissed on this site (or everywhere).
  // Dismissals are read first, so each badge update follows its merge directly and the
  // last merge sets the badge last.
  const dismissals = await readDismissalsOnce();
  const merged = await updateTab(tabId, (prev) => mergeFrameReport(prev, tabId, frameId, report));
  // If the dismissals could not be read, leave the badge as it is rather than count a
  // company the user dismissed; the next report or the start-up recount sets it.
  if (dismissals) await showBadge(tabId, undismissedFlagCount(merged, dismissals));
}

/** The dismissals, read with one retry (IndexedDB may be busy while the worker wakes). */
async function readDismissalsOnce() {
  try {
    return await listDismissals();
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 100));
    return listDismissals().catch(() => null);
  }
}

/**
 * Matches the blocks, and when they find nothing (and do not call for the page reader, whose
 * scan would change the report), keeps the report the frame would otherwise send next: the
 * frame sees `reported` and does not send it. A report that cannot be kept is simply not
 * reported as kept: the frame sends it as usual.
 */
async function answerKeepingReport(
  request: MatchBlocksRequest,
  report: PageReport,
  tabId: number,
  frameId: number,
): Promise<MatchBlocksReply> {
  const reply = await answerMatchBlocks(request);
  if (!reply.ok || reply.found.length > 0 || reply.needsReader === true) return reply;
  try {
    await recordReport(tabId, frameId, report);
    return { ...reply, reported: true };
  } catch (err) {
    console.debug('Settlement Screen: could not keep the report sent with the blocks', err);
    return reply;
  }
}

async function checkPage(tabId: number): Promise<CheckPageResult> {
  try {
    await injectContentScript(tabId);
    return { ok: true };
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    // Chrome: "Cannot access contents of ...", "Cannot access a chrome:// URL",
    // "The extensions gallery cannot be scripted"; Firefox: "Missing host permission".
    const notAllowed = /cannot access|cannot be scripted|permission|not allowed/i.test(text);
    return { ok: false, reason: notAllowed ? 'not-allowed' : 'failed' };
  }
}

/**
 * runtime.onMessage listener. Returns a promise for messages it answers and undefined
 * for everything it drops (so another listener could still answer).
 */
export function handleMessage(message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined {
  if (isMatchRequest(message)) {
    // Matching is for the pages' content scripts; extension pages load the lists themselves.
    const kind = classifySender(sender, browser.runtime.id, browser.runtime.getURL(''));
    if (kind !== 'content-script') return undefined;
    if (message.type === 'match-blocks' && message.reportIfNone) {
      return answerKeepingReport(message, message.reportIfNone, sender.tab!.id!, sender.frameId!);
    }
    return answerMatchRequest(message);
  }
  if (!isToBackground(message)) return undefined;
  const kind = classifySender(sender, browser.runtime.id, browser.runtime.getURL(''));
  switch (message.type) {
    case 'page-report': {
      if (kind !== 'content-script') return undefined;
      const tabId = sender.tab!.id!;
      return recordReport(tabId, sender.frameId!, message.report).then(() => ({ ok: true }));
    }
    case 'get-tab-results':
      if (kind !== 'extension-page') return undefined;
      return readTab(message.tabId);
    case 'check-page':
      if (kind !== 'extension-page') return undefined;
      return checkPage(message.tabId);
    case 'get-user-data':
      if (kind === 'other') return undefined;
      return userDataFor(kind, sender);
  }
}
