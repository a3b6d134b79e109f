// Context menu "Check '<selection>'": opens the screening page in a new tab with the
// selected text in its lookup (?q=...). Not the popup: action.openPopup() is not available
// from a menu click in every browser we support (Chrome gates it, Firefox needs a user
// action it does not always grant from menus), while a tab works everywhere, keeps the
// result on screen, and offers bulk screening and the audit record right there.
// Menus are created on install/update and on browser start (removeAll first, so a second
// create never fails on a duplicate id); the click listener is registered at top level so
// it wakes the worker / event page.
import { browser, type Tabs } from '../shared/browser';
import { t } from '../shared/i18n';

export const CHECK_MENU_ID = 'settlement-screen-check-selection';
export const SCREEN_PAGE = 'src/ui/screen/index.html';
/** As the lookup box: longer than any name, short enough to stay instant. */
export const MAX_SELECTION_LENGTH = 1000;

/** The screening page URL for a selection, or null when there is nothing to check. */
export function screeningUrlFor(selection: string | undefined, getURL: (path: string) => string): string | null {
  const text = (selection ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_SELECTION_LENGTH);
  if (text === '') return null;
  return getURL(`${SCREEN_PAGE}?q=${encodeURIComponent(text)}`);
}

export async function createCheckMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: CHECK_MENU_ID,
    // Chrome and Firefox put the selected text where %s is.
    title: t('contextMenuCheck'),
    contexts: ['selection'],
  });
}

interface ClickInfo {
  menuItemId: string | number;
  selectionText?: string;
}

export async function onCheckMenuClicked(
  info: ClickInfo,
  tab: Pick<Tabs.Tab, 'id' | 'index'> | undefined,
): Promise<void> {
  if (info.menuItemId !== CHECK_MENU_ID) return;
  const url = screeningUrlFor(info.selectionText, (p) => browser.runtime.getURL(p));
  if (!url) return;
  await browser.tabs.create({
    url,
    ...(typeof tab?.index === 'number' ? { index: tab.index + 1 } : {}),
    ...(typeof tab?.id === 'number' && tab.id >= 0 ? { openerTabId: tab.id } : {}),
  });
}

/** Call once, synchronously, at the top level of the background script. */
export function registerContextMenu(): void {
  const create = () => {
    createCheckMenu().catch((err) => console.warn('Settlement Screen: could not create the context menu', err));
  };
  browser.runtime.onInstalled.addListener(create);
  browser.runtime.onStartup.addListener(create);
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void onCheckMenuClicked(info, tab).catch((err) => console.warn('Settlement Screen: could not open the check', err));
  });
}
