// Asking the background from a content script, through MV3's worker restarts: each message
// gets a bounded wait for its answer and a few attempts, and an extension that was updated,
// reloaded or disabled under the page is told apart from a background that is waking up.
import { browser } from '../shared/browser';
import { sendToExtension } from '../shared/messaging';
import { OrphanedError } from './block-matcher';

/** Waits between attempts while the background restarts. */
const RESEND_DELAYS_MS = [100, 400, 1600];
/**
 * Longest wait for the background's answer. Nothing promises that a message sent while the
 * worker is being stopped is ever answered or refused, and without a bound the frame
 * would wait on it for ever.
 */
export const ANSWER_TIMEOUT_MS = 5000;

export function contextAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

export function isContextInvalidated(err: unknown): boolean {
  const message = err instanceof Error ? err.message : String(err);
  return /context invalidated/i.test(message) || !contextAlive();
}

/** `promise`, or a rejection after `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The background's answer that `accept` takes, trying again a few times when there is none
 * (worker restarting) or it is not acceptable. Rejects with OrphanedError when the
 * extension is gone, and with the last error after the last attempt.
 */
export async function askBackground<T>(message: unknown, accept: (reply: unknown) => reply is T): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      const reply: unknown = await withTimeout(sendToExtension(message), ANSWER_TIMEOUT_MS);
      if (accept(reply)) return reply;
      throw new Error('the background gave no usable answer');
    } catch (err) {
      if (isContextInvalidated(err)) throw new OrphanedError();
      if (attempt >= RESEND_DELAYS_MS.length) throw err;
      await new Promise((resolve) => setTimeout(resolve, RESEND_DELAYS_MS[attempt]));
    }
  }
}
