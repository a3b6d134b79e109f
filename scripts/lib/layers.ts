// The layers of the code base, bottom to top, and what each may import besides itself
// (scripts/check-layers.ts checks them; docs/architecture.md explains them). A new folder
// belongs to a layer before its first import is accepted.

export interface Layer {
  name: string;
  /** Folders (ending in /) or single files. The longest match decides a file's layer. */
  paths: string[];
  /** Layers this one may import from. */
  may: string[];
}

const BELOW_UI = ['shared', 'formats', 'core', 'data'];
const UI_PAGE = ['ui-common', 'presentation', ...BELOW_UI];

export const LAYERS: Layer[] = [
  { name: 'data', paths: ['data/', 'src/generated/'], may: [] },
  // Pure: no DOM, no extension APIs. Runs the same everywhere.
  { name: 'core', paths: ['src/core/'], may: ['data'] },
  // Reading inputs: notices, OCDS, tables, and a page's DOM (live or parsed).
  { name: 'formats', paths: ['src/formats/'], may: ['core', 'data'] },
  // What the extension's contexts share: the browser API, messages, settings, user data.
  { name: 'shared', paths: ['src/shared/'], may: ['formats', 'core', 'data'] },
  { name: 'content', paths: ['src/content/'], may: BELOW_UI },
  { name: 'background', paths: ['src/background/'], may: BELOW_UI },
  // What the pages and the CLI show, from data: explanations, the popup's model, audit records.
  { name: 'presentation', paths: ['src/ui/presentation/'], may: BELOW_UI },
  // Components and styles more than one extension page uses.
  { name: 'ui-common', paths: ['src/ui/common/'], may: ['presentation', ...BELOW_UI] },
  { name: 'popup', paths: ['src/ui/popup/'], may: UI_PAGE },
  { name: 'options', paths: ['src/ui/options/'], may: UI_PAGE },
  { name: 'screen', paths: ['src/ui/screen/'], may: UI_PAGE },
  { name: 'record', paths: ['src/ui/record/'], may: UI_PAGE },
  { name: 'cli', paths: ['src/cli/', 'package.json'], may: ['presentation', 'formats', 'core', 'data'] },
  { name: 'env', paths: ['src/vite-env.d.ts'], may: [] },
  // Build, data, audit and benchmark tools: anything in src, never the tests.
  {
    name: 'scripts',
    paths: ['scripts/'],
    may: [
      'cli',
      'popup',
      'options',
      'screen',
      'record',
      'ui-common',
      'presentation',
      'content',
      'background',
      ...BELOW_UI,
    ],
  },
];

export interface BundleRule {
  entry: string;
  /** Files or folders the entry's bundle must never contain, by any chain of imports. */
  never: string[];
  why: string;
}

export const BUNDLE_RULES: BundleRule[] = [
  {
    entry: 'src/content/boot-module.ts',
    never: ['src/content/main.ts', 'src/content/page-scanner.ts', 'src/shared/', 'src/core/', 'src/formats/'],
    why: 'the script the manifest names is compiled on the page’s main thread at every load: it only imports the content script (main.ts), whose module is compiled off that thread',
  },
  {
    entry: 'src/content/main.ts',
    never: [
      'src/generated/match-index.json',
      'src/generated/origin-index.json',
      'src/generated/compiled-lists.json',
      'src/core/matcher.ts',
      'src/core/compile.ts',
      'node_modules/idb/',
    ],
    why: 'a page loads only the small content script: the indexes and the matcher live in the background, and IndexedDB is the background’s',
  },
  {
    entry: 'src/content/main.ts',
    never: [
      'src/formats/page/fields/',
      'src/formats/page/sites/',
      'src/formats/page/origin-scan.ts',
      'data/lexicon/',
      'src/core/normalize.ts',
      'node_modules/webextension-polyfill/',
    ],
    why: 'every page compiles the content script: fields, site adapters, origin rows and the lexicons come with the page reader (src/content/page-reader.ts), loaded only by the pages that call for it',
  },
  {
    entry: 'src/content/page-reader.ts',
    never: [
      'src/generated/match-index.json',
      'src/generated/origin-index.json',
      'src/generated/compiled-lists.json',
      'src/core/matcher.ts',
      'node_modules/idb/',
    ],
    why: 'the page reader loads into pages too: the indexes and the matcher stay in the background',
  },
];
