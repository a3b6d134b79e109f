import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { BrowserName, ExtBrowser } from './types';

export function launchBrowser(
  name: BrowserName,
  extDir: string,
  // firefoxPrefs: extra Firefox preferences (Chromium ignores them).
  opts?: { headless?: boolean; firefoxPrefs?: Record<string, unknown> },
): Promise<ExtBrowser> {
  return name === 'chromium'
    ? launchChromium(extDir, opts)
    : launchFirefox(extDir, { headless: opts?.headless, prefs: opts?.firefoxPrefs });
}
