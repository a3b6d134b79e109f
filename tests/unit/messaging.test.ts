// Messages between contexts without a polyfill: a listener's promise answers through
// sendResponse (Chrome takes no returned promise), a handler's failure reaches the sender as
// a rejection, and a message nobody answered resolves to undefined in both browsers.
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => unknown;

const fake = vi.hoisted(() => ({
  listeners: new Set<Listener>(),
  sendMessage: vi.fn<(message: unknown) => Promise<unknown>>(),
  tabsSendMessage: vi.fn<(tabId: number, message: unknown, options?: unknown) => Promise<unknown>>(),
}));

vi.mock('../../src/shared/browser', () => ({
  browser: {
    runtime: {
      onMessage: {
        addListener: (l: Listener) => fake.listeners.add(l),
        removeListener: (l: Listener) => fake.listeners.delete(l),
      },
      sendMessage: fake.sendMessage,
    },
    tabs: { sendMessage: fake.tabsSendMessage },
  },
}));

const { listenForMessages, sendToExtension, sendToTab } = await import('../../src/shared/messaging');

/** Delivers `message` to the listeners as the browser does; resolves with the answer, if any. */
function deliver(message: unknown): { kept: unknown[]; answer: Promise<unknown> } {
  let respond!: (reply: unknown) => void;
  const answer = new Promise((r) => (respond = r));
  const kept = [...fake.listeners].map((l) => l(message, { id: 'ext' }, respond));
  return { kept, answer };
}

beforeEach(() => {
  fake.listeners.clear();
  fake.sendMessage.mockReset();
  fake.tabsSendMessage.mockReset();
});

describe('listenForMessages', () => {
  it('answers through sendResponse and keeps the channel open while the promise runs', async () => {
    listenForMessages((m) => (m === 'ping' ? Promise.resolve({ pong: true }) : undefined));
    const { kept, answer } = deliver('ping');
    expect(kept).toEqual([true]);
    expect(await answer).toEqual({ pong: true });
  });

  it('leaves a message it does not handle to other listeners', () => {
    listenForMessages(() => undefined);
    const { kept } = deliver('other');
    expect(kept).toEqual([undefined]);
  });

  it('turns a failing handler into a failure the sender rejects with, thrown or rejected', async () => {
    listenForMessages((m) => {
      if (m === 'throws') throw new Error('bad input');
      return Promise.reject(new Error('storage full'));
    });
    for (const [m, text] of [
      ['throws', 'bad input'],
      ['rejects', 'storage full'],
    ]) {
      const reply = await deliver(m).answer;
      fake.sendMessage.mockResolvedValueOnce(reply);
      await expect(sendToExtension(m)).rejects.toThrow(text);
    }
  });

  it('stops answering once removed', () => {
    const remove = listenForMessages(() => Promise.resolve(1));
    remove();
    expect(fake.listeners.size).toBe(0);
  });
});

describe('sendToExtension and sendToTab', () => {
  it('resolve with the reply', async () => {
    fake.sendMessage.mockResolvedValueOnce({ ok: true });
    await expect(sendToExtension({ type: 'x' })).resolves.toEqual({ ok: true });
    fake.tabsSendMessage.mockResolvedValueOnce(true);
    await expect(sendToTab(3, { type: 'y' }, 7)).resolves.toBe(true);
    expect(fake.tabsSendMessage).toHaveBeenCalledWith(3, { type: 'y' }, { frameId: 7 });
    fake.tabsSendMessage.mockResolvedValueOnce(true);
    await sendToTab(3, { type: 'y' });
    expect(fake.tabsSendMessage).toHaveBeenLastCalledWith(3, { type: 'y' });
  });

  it('resolve to undefined when no listener answered (Chrome rejects), and reject on other errors', async () => {
    fake.sendMessage.mockRejectedValueOnce(new Error('The message port closed before a response was received.'));
    await expect(sendToExtension({ type: 'x' })).resolves.toBeUndefined();
    fake.tabsSendMessage.mockRejectedValueOnce(new Error('The message port closed before a response was received.'));
    await expect(sendToTab(1, { type: 'x' })).resolves.toBeUndefined();
    fake.sendMessage.mockRejectedValueOnce(new Error('Extension context invalidated.'));
    await expect(sendToExtension({ type: 'x' })).rejects.toThrow('context invalidated');
    fake.tabsSendMessage.mockRejectedValueOnce(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    await expect(sendToTab(1, { type: 'x' })).rejects.toThrow('Receiving end does not exist');
  });
});
