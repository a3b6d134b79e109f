// The heading words as written in data/lexicon/field-headings.json, each with its source.
// Read by the build (which compiles them into src/generated/heading-tables.json for pages)
// and by the tests; a page's content script reads only the compiled tables.
import type { FieldRole } from '../../../core/types';
import data from '../../../../data/lexicon/field-headings.json';

export interface HeadingRecord {
  kind: 'heading' | 'name-label' | 'class';
  text: string;
  language: string;
  role: FieldRole | null;
  source: string;
}

export const HEADING_RECORDS = data.records as HeadingRecord[];
