// Where the build puts the content script's two modules (scripts/vite-content-modules.ts),
// both web-accessible resources the content script imports from the extension.
/** The content script itself: finds the text blocks, asks the background, paints (main.ts). */
export const CONTENT_MAIN_FILE = 'src/content/main.js';
/** What only some pages need: fields, the page's data, origin rows (page-reader.ts). */
export const PAGE_READER_FILE = 'src/content/page-reader.js';
