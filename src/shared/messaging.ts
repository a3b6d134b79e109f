// One-time messages between the extension's contexts, the same in Chrome and Firefox:
// - a listener answers with a promise; Chrome cannot take a returned promise, so the answer
//   goes back through sendResponse (which Firefox supports too);
// - a handler that fails makes the sender's promise reject, with its message;
// - a message that no listener answered resolves to undefined (Chrome rejects with "The
//   message port closed before a response was received", Firefox resolves).
import { browser, type Runtime } from './browser';

const FAILED = '__settlementScreenFailed';

interface Failure {
  [FAILED]: true;
  message: string;
}

function isFailure(v: unknown): v is Failure {
  return typeof v === 'object' && v !== null && (v as Record<string, unknown>)[FAILED] === true;
}

/** Answers a message with a promise of the reply, or undefined to leave it to other listeners. */
export type MessageHandler = (message: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined;

/** Adds `handler` to runtime.onMessage; the returned function removes it. */
export function listenForMessages(handler: MessageHandler): () => void {
  const listener = (
    message: unknown,
    sender: Runtime.MessageSender,
    sendResponse: (reply: unknown) => void,
  ): true | undefined => {
    let answer: Promise<unknown> | undefined;
    try {
      answer = handler(message, sender);
    } catch (err) {
      answer = Promise.reject(err);
    }
    if (!answer) return undefined;
    answer.then(
      (reply) => sendResponse(reply),
      (err: unknown) => sendResponse({ [FAILED]: true, message: err instanceof Error ? err.message : String(err) }),
    );
    return true;
  };
  // Typed for answering through sendResponse, which it does whenever it returns true.
  const callback = listener as Runtime.OnMessageListenerCallback;
  browser.runtime.onMessage.addListener(callback);
  return () => browser.runtime.onMessage.removeListener(callback);
}

const UNANSWERED = /message port closed before a response was received/i;

async function settle(send: () => Promise<unknown>): Promise<unknown> {
  let reply: unknown;
  try {
    reply = await send();
  } catch (err) {
    if (err instanceof Error && UNANSWERED.test(err.message)) return undefined;
    throw err;
  }
  if (isFailure(reply)) throw new Error(reply.message);
  return reply;
}

/** Sends `message` to the background (and the extension's pages). */
export function sendToExtension(message: unknown): Promise<unknown> {
  return settle(() => browser.runtime.sendMessage(message));
}

/** Sends `message` to the content scripts of a tab, or of one frame of it. */
export function sendToTab(tabId: number, message: unknown, frameId?: number): Promise<unknown> {
  return settle(() =>
    frameId === undefined
      ? browser.tabs.sendMessage(tabId, message)
      : browser.tabs.sendMessage(tabId, message, { frameId }),
  );
}
