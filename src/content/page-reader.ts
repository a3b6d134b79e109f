// The page reader's module (see page-reader-api.ts), built on its own as
// src/content/page-reader.js and imported by the content script when a page calls for it.
import { extraBlocksFor, fieldOfFor, withoutVisibleDuplicates } from '../formats/page/fields';
import { collectOriginContexts } from '../formats/page/origin-scan';
import { contentOriginLabels } from './origin-labels';
import type { PageReader } from './page-reader-api';

export const reader: PageReader = {
  fieldOf: fieldOfFor,
  extraBlocks: extraBlocksFor,
  withoutVisibleDuplicates,
  originContexts: (doc) => collectOriginContexts(doc, contentOriginLabels()),
};
