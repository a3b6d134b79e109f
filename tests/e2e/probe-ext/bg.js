// Mirrors the real background's observable contract: storage.session `tab:<id>` and the badge.
const api = globalThis.browser ?? globalThis.chrome;
api.runtime.onMessage.addListener((msg, sender) => {
  if (!sender.tab || msg?.type !== 'page-report') return;
  const tabId = sender.tab.id;
  const frames = { [String(sender.frameId ?? 0)]: msg.report };
  api.storage.session.set({ ['tab:' + tabId]: { tabId, frames } });
  api.action.setBadgeText({ tabId, text: String(msg.report.matches.length) });
});
