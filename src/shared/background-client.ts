// Typed requests from extension pages (popup, options) to the background, with the
// replies checked on receipt like every other message.
import { sendToExtension } from './messaging';
import type { PageToBackground, TabResults } from './messages';

/** Reply to 'check-page'. `not-allowed`: the browser refuses injection (browser pages,
 * extension stores, PDF viewer, no activeTab grant). */
export type CheckPageResult = { ok: true } | { ok: false; reason: 'not-allowed' | 'failed' };

export function isCheckPageResult(v: unknown): v is CheckPageResult {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return r.ok === true || (r.ok === false && (r.reason === 'not-allowed' || r.reason === 'failed'));
}

function isTabResults(v: unknown, tabId: number): v is TabResults {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return r.tabId === tabId && typeof r.frames === 'object' && r.frames !== null;
}

async function send(message: PageToBackground): Promise<unknown> {
  return sendToExtension(message);
}

export async function getTabResults(tabId: number): Promise<TabResults | null> {
  const reply = await send({ type: 'get-tab-results', tabId });
  return isTabResults(reply, tabId) ? reply : null;
}

export async function checkPage(tabId: number): Promise<CheckPageResult> {
  const reply = await send({ type: 'check-page', tabId });
  return isCheckPageResult(reply) ? reply : { ok: false, reason: 'failed' };
}
