// Loads the bundled list data from disk and refuses to hand back anything invalid: the build
// (scripts/build-data.ts) and the tests read data only through here, so a malformed list fails
// them with messages naming file, entry and field. The file bytes are returned too because the
// compiled data records each list's SHA-256.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  CorporateLinksFile,
  LinkStatusFile,
  ListFile,
  NotRelatedExtraFile,
  WeakNamesFile,
} from '../../src/generated/list-types';
import {
  parseJsonText,
  validateCorporateLinks,
  validateLinkStatus,
  validateLists,
  validateNotRelatedExtra,
  validateWeakNames,
  type ValidationIssue,
} from './validate';

export type { ValidationIssue } from './validate';

// The shapes of the files are generated from data/schema/*.schema.json (scripts/lib/schema-types.ts);
// what a schema cannot say is checked in validate.ts.
export type {
  CorporateLinksFile,
  LinkStatusFile,
  ListFile,
  NotRelatedExtraFile,
  WeakNamesFile,
} from '../../src/generated/list-types';

// ---------------------------------------------------------------------------------------------
// Loading

export interface LoadedListFile {
  /** Path as read, e.g. "data/lists/dbio-2024.json". */
  file: string;
  /** The file's exact bytes (hash these, not a re-serialisation). */
  bytes: Buffer;
  json: ListFile;
}

export interface LoadedCorporateLinks {
  file: string;
  bytes: Buffer;
  json: CorporateLinksFile;
}

export { NOT_FOR_FLAGGING } from './validate';

/** Thrown when data fails validation; `message` lists every issue, one per line. */
export class DataValidationError extends Error {
  readonly issues: readonly ValidationIssue[];
  constructor(issues: readonly ValidationIssue[]) {
    const n = issues.length;
    super(`Invalid data (${n} problem${n === 1 ? '' : 's'}):\n${issues.map((i) => `  - ${i.message}`).join('\n')}`);
    this.name = 'DataValidationError';
    this.issues = issues;
  }
}

interface RawFile {
  file: string;
  bytes: Buffer;
  /** Undefined when the text is not valid JSON (the issue is already recorded). */
  json: unknown;
  parsed: boolean;
}

function readJsonFile(file: string, issues: ValidationIssue[]): RawFile {
  const bytes = readFileSync(file);
  const result = parseJsonText(file, bytes.toString('utf8'));
  if (!result.ok) {
    issues.push(result.issue);
    return { file, bytes, json: undefined, parsed: false };
  }
  return { file, bytes, json: result.json, parsed: true };
}

/** Reads and validates every *.json in `dir` (sorted by name) without throwing. */
export function checkListFiles(dir = 'data/lists'): { lists: LoadedListFile[]; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.json'))
    .map((d) => d.name)
    .sort();
  const raw = names.map((name) => readJsonFile(join(dir, name), issues)).filter((r) => r.parsed);
  issues.push(...validateLists(raw));
  const lists = raw.map((r) => ({ file: r.file, bytes: r.bytes, json: r.json as ListFile }));
  return { lists, issues };
}

/** Reads and validates the corporate-links file against the given lists without throwing. */
export function checkCorporateLinks(
  path: string,
  lists: readonly LoadedListFile[],
): { links: LoadedCorporateLinks | null; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const raw = readJsonFile(path, issues);
  if (!raw.parsed) return { links: null, issues };
  issues.push(
    ...validateCorporateLinks(
      path,
      raw.json,
      lists.map((l) => l.json),
    ),
  );
  return { links: { file: path, bytes: raw.bytes, json: raw.json as CorporateLinksFile }, issues };
}

/** All list files in `dir`, validated. Throws DataValidationError listing every issue. */
export function loadListFiles(dir = 'data/lists'): LoadedListFile[] {
  const { lists, issues } = checkListFiles(dir);
  if (issues.length) throw new DataValidationError(issues);
  return lists;
}

/** The corporate-links file, validated against `lists` (from loadListFiles). Throws DataValidationError. */
export function loadCorporateLinks(path: string, lists: readonly LoadedListFile[]): LoadedCorporateLinks {
  const { links, issues } = checkCorporateLinks(path, lists);
  if (issues.length || !links) throw new DataValidationError(issues);
  return links;
}

export interface CurationFiles {
  linkStatus: LinkStatusFile;
  notRelatedExtra: NotRelatedExtraFile;
  weakNames: WeakNamesFile;
}

/** The files of data/curation/, each checked against its schema and the files it refers to. */
export function checkCurationFiles(
  dir: string,
  lists: readonly LoadedListFile[],
  links: LoadedCorporateLinks,
): { curation: CurationFiles | null; issues: ValidationIssue[]; files: string[] } {
  const issues: ValidationIssue[] = [];
  const read = (name: string) => readJsonFile(join(dir, name), issues);
  const linkStatus = read('link-status.json');
  const notRelatedExtra = read('not-related-extra.json');
  const weakNames = read('weak-names.json');
  const listJson = lists.map((l) => l.json);
  if (linkStatus.parsed) issues.push(...validateLinkStatus(linkStatus.file, linkStatus.json, links.json));
  if (notRelatedExtra.parsed) {
    issues.push(...validateNotRelatedExtra(notRelatedExtra.file, notRelatedExtra.json, listJson));
  }
  if (weakNames.parsed) issues.push(...validateWeakNames(weakNames.file, weakNames.json));
  const files = [linkStatus.file, notRelatedExtra.file, weakNames.file];
  if (issues.length) return { curation: null, issues, files };
  return {
    curation: {
      linkStatus: linkStatus.json as LinkStatusFile,
      notRelatedExtra: notRelatedExtra.json as NotRelatedExtraFile,
      weakNames: weakNames.json as WeakNamesFile,
    },
    issues,
    files,
  };
}

/** The curation files, validated. Throws DataValidationError listing every issue. */
export function loadCurationFiles(
  dir: string,
  lists: readonly LoadedListFile[],
  links: LoadedCorporateLinks,
): CurationFiles {
  const { curation, issues } = checkCurationFiles(dir, lists, links);
  if (issues.length || !curation) throw new DataValidationError(issues);
  return curation;
}
