// The one place that imports webextension-polyfill. Everything else imports `browser`
// from here, so the polyfill can be dropped (Chrome >= 116 and Firefox both return
// promises from the `chrome`/`browser` namespaces) by changing this file alone.
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs } from 'webextension-polyfill';
