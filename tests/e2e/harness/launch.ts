import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { BrowserName, ExtBrowser } from './types';

export function launchBrowser(name: BrowserName, extDir: string, opts?: { headless?: boolean }): Promise<ExtBrowser> {
  return name === 'chromium' ? launchChromium(extDir, opts) : launchFirefox(extDir, opts);
}
