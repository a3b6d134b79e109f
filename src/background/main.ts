// Background entry: a service worker in Chrome, an event page (background.scripts) in
// Firefox MV3 (mozilla/web-ext#2532), so only APIs both offer are used. All listeners are
// registered synchronously at top level, as MV3 requires for waking the worker, and all
// state lives in storage.session (see session-store.ts).
import { browser } from '../shared/browser';
import { listenForMessages } from '../shared/messaging';
import { showBadge } from './badge';
import { registerContextMenu } from './context-menu';
import { handleMessage, recountBadges } from './messages';
import { warmUp } from './match-service';
import { onUserDataChanged } from '../shared/user-data/changes';
import { registerPermissionSync } from './permissions';
import { clearTab, updateTab } from './session-store';
import { isNavigationAway } from './tab-results';

listenForMessages(handleMessage);

// The match index is parsed and the matcher built as the background starts, not when the
// first page asks (in Chrome the worker starts for the first page's blocks, in Firefox with
// the browser).
void warmUp();

// "Check '<selection>'" opens the screening page with the selected text.
registerContextMenu();

// Sites the user allowed from the options page get the content script registered.
registerPermissionSync();

// A dismissal added or undone anywhere changes what the badges count.
onUserDataChanged(() => void recountBadges());
// The worker may have stopped between storing a report and setting its badge: set every
// badge again from what storage.session holds.
void recountBadges().catch(() => undefined);

browser.tabs.onRemoved.addListener((tabId) => {
  void clearTab(tabId);
});

// Prerendered or instant-loaded pages replace the tab: the old id's results are stale.
browser.tabs.onReplaced.addListener((_addedTabId, removedTabId) => {
  void clearTab(removedTabId);
});

browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
  // Firefox and Chrome do not always report `url` together with status 'loading', so any
  // URL change is checked against the stored top-frame URL (fragment changes excluded).
  const url = changeInfo.url;
  if (url === undefined) return;
  let navigated = false;
  updateTab(tabId, (prev) => {
    navigated = isNavigationAway(prev, url);
    return navigated ? null : prev;
  })
    .then(() => (navigated ? showBadge(tabId, 0) : undefined))
    .catch(() => {
      // The tab may be gone already; onRemoved cleans up.
    });
});
