// Result shapes of the procurement data-file parsers (OCDS JSON, TED eForms XML, TED XML R2.0.9).
// Pure types plus one error class: no DOM globals, no Node APIs, so the extension can use them too.
import type { TextBlock } from '../core/types';

/** Which schema a data file was read as. */
export type DataFormat =
  'ocds-release' | 'ocds-record' | 'ocds-release-package' | 'ocds-record-package' | 'ted-eforms' | 'ted-xml-r209';

/** One name from the file with the role the file states, and where in the file it was found. */
export interface DataFileBlock extends TextBlock {
  /** JSON path (`parties[3].name`) or XPath (`/TED_EXPORT/FORM_SECTION/F03_2014/...`). */
  source: string;
  /**
   * `party`: an organisation's name with its role (what bulk screening lists). `text`: any
   * other text a person reads in the notice (title, descriptions, addresses), scanned like
   * the notice's web page.
   */
  kind: 'party' | 'text';
}

export interface DataFileResult {
  format: DataFormat;
  blocks: DataFileBlock[];
  /** Things the user should know about the file (parts not read, non-standard shapes). */
  warnings: string[];
}

/**
 * The file is not (or not entirely) in a supported format. Thrown instead of returning a
 * partial result, so a truncated export never looks like a clean one.
 */
export class FormatError extends Error {
  override name = 'FormatError';
}
