// The one place that reaches the extension APIs. Chrome >= 116 and Firefox both return
// promises from their own namespaces (`chrome`, `browser`), so no polyfill is loaded: it
// was a tenth of the content script every page compiles. What still differs between the
// two, how a message listener answers, is bridged in messaging.ts. The types are
// webextension-polyfill's (the `browser` API as Firefox documents it).
import type { Browser } from 'webextension-polyfill';

const scope = globalThis as unknown as { browser?: Browser; chrome?: Browser };

export const browser: Browser = scope.browser?.runtime ? scope.browser : (scope.chrome as Browser);

export type { Runtime, Tabs } from 'webextension-polyfill';
