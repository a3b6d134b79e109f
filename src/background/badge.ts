// The toolbar badge: the number of distinct listed companies flagged on the tab's page.
// A calm dark grey, not alarm red: a flag is information for the user to weigh, not a verdict.
import { browser } from '../shared/browser';
import { t } from '../shared/i18n';
import { badgeText } from './tab-results';

const BADGE_BACKGROUND = '#37474f';
const BADGE_TEXT = '#ffffff';

export async function showBadge(tabId: number, count: number): Promise<void> {
  const title = count > 0 ? t('badgeTitleCount', count) : t('actionTitle');
  const calls: Promise<void>[] = [
    browser.action.setBadgeText({ tabId, text: badgeText(count) }),
    browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_BACKGROUND }),
    browser.action.setTitle({ tabId, title }),
  ];
  // setBadgeTextColor: Chrome 110+, Firefox 63+; guard in case a browser lacks it.
  if (typeof browser.action.setBadgeTextColor === 'function') {
    calls.push(browser.action.setBadgeTextColor({ tabId, color: BADGE_TEXT }));
  }
  try {
    await Promise.all(calls);
  } catch {
    // The tab closed between the report and the update ("No tab with id"): nothing to show.
  }
}
