// Where the Debian packages put the browsers (shared/docs/browser-testing.md); overridable
// for other machines through CHROMIUM_PATH / FIREFOX_PATH.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
