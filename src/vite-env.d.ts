/// <reference types="vite/client" />
// Vite client types: `?inline` CSS imports and import.meta.env.

declare const __BROWSER__: 'chrome' | 'firefox';
