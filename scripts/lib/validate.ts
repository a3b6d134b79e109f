// Validation of the bundled list data: the JSON Schemas in data/schema/ (compiled once with
// ajv) plus the checks a schema cannot express because they span entries or files. Pure: no
// file access, so tests can feed it fixtures and the loader can feed it the real files.
// Every issue names the file, the entry and the field in plain words, because the person
// reading a failed build is usually someone who just replaced a list file.

import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import listSchema from '../../data/schema/list.schema.json';
import linksSchema from '../../data/schema/corporate-links.schema.json';
import localitiesSchema from '../../data/schema/localities.schema.json';
import linkStatusSchema from '../../data/schema/link-status.schema.json';
import notRelatedExtraSchema from '../../data/schema/not-related-extra.schema.json';
import weakNamesSchema from '../../data/schema/weak-names.schema.json';
import type { CorporateLinksFile, ListFile } from '../../src/generated/list-types';

export interface ValidationIssue {
  /** The file name as passed in (e.g. "data/lists/dbio-2024.json"). */
  file: string;
  /** `entries[12] "Bank Hapoalim Ltd."`, `links[3] "Cetelem"`, or null for file-level issues. */
  entry: string | null;
  /** Path inside the entry (or the file), e.g. `rationale`, `aliases[1]`,
   *  `also_listed_as[0].listed_entity`; '' when the issue concerns the whole file or entry. */
  field: string;
  /** Full sentence naming file, entry and field. */
  message: string;
}

/** The OHCHR database list, which other lists and the links file refer to by entry name. */
export const OHCHR_LIST_ID = 'ohchr-bhr-database-hrc-31-36';

/** Lists that are shipped in data/lists/ but must not produce flags yet (the settlement-localities
 *  list is for a later, address-based feature). */
export const NOT_FOR_FLAGGING: ReadonlySet<string> = new Set(['settlement-localities-west-bank-hfc-ocha']);

// Arrays whose items are reported as entries (with index and name) rather than as fields.
const ENTRY_COLLECTIONS = new Set(['entries', 'links', 'not_related', 'names']);

const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
const validateListSchema: ValidateFunction = ajv.compile(listSchema);
const validateLinksSchema: ValidateFunction = ajv.compile(linksSchema);
const validateLocalitiesSchema: ValidateFunction = ajv.compile(localitiesSchema);
// The curation schemas refer to corporate-links.schema.json (compiled above) by file name.
const validateLinkStatusSchema: ValidateFunction = ajv.compile(linkStatusSchema);
const validateNotRelatedExtraSchema: ValidateFunction = ajv.compile(notRelatedExtraSchema);
const validateWeakNamesSchema: ValidateFunction = ajv.compile(weakNamesSchema);

/** The settlement-localities list: origin findings read its coordinates, categories and review flags. */
export const LOCALITIES_LIST_ID = 'settlement-localities-west-bank-hfc-ocha';

// ---------------------------------------------------------------------------------------------
// Building issues

function makeIssue(file: string, entry: string | null, field: string, text: string): ValidationIssue {
  const parts = [file];
  if (entry) parts.push(entry);
  const head = parts.join(': ');
  const message = field ? `${head}: field "${field}" ${text}` : `${head}: ${text}`;
  return { file, entry, field, message };
}

const COLLECTION_RANK: Record<string, number> = { entries: 0, links: 1, not_related: 2, names: 3 };

/** File-level issues first, then entry by entry, so all problems of one entry read together. */
function sortIssues(issues: ValidationIssue[]): ValidationIssue[] {
  const rank = (i: ValidationIssue): [number, number] => {
    const m = i.entry ? /^(\w+)\[(\d+)\]/.exec(i.entry) : null;
    return m ? [1 + (COLLECTION_RANK[m[1]] ?? 4), Number(m[2])] : [0, 0];
  };
  return issues
    .map((issue, order) => ({ issue, order, r: rank(issue) }))
    .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.order - b.order)
    .map((x) => x.issue);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'object') return 'an object';
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** Label of item `index` of `collection` in `root`: `entries[3] "Carrefour"`. */
function entryLabel(root: unknown, collection: string, index: number): string {
  const items = isRecord(root) ? root[collection] : undefined;
  const item = Array.isArray(items) ? items[index] : undefined;
  const name = isRecord(item) ? item.name : undefined;
  return typeof name === 'string' ? `${collection}[${index}] ${JSON.stringify(name)}` : `${collection}[${index}]`;
}

function joinField(base: string, segment: string | number): string {
  if (typeof segment === 'number') return `${base}[${segment}]`;
  return base ? `${base}.${segment}` : segment;
}

/** Splits an ajv instancePath into the entry label and the field path inside it. */
function locate(root: unknown, instancePath: string): { entry: string | null; field: string } {
  const segments: (string | number)[] = instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
  let entry: string | null = null;
  let rest = segments;
  const [first, second] = segments;
  if (typeof first === 'string' && ENTRY_COLLECTIONS.has(first) && typeof second === 'number') {
    entry = entryLabel(root, first, second);
    rest = segments.slice(2);
  }
  return { entry, field: rest.reduce<string>((acc, s) => joinField(acc, s), '') };
}

const SCHEMA_BY_FILE: Record<string, Record<string, unknown>> = {
  'corporate-links.schema.json': linksSchema,
};

/** The plain-words expectation a schema node states in its `description` (see the schema $comment). */
function expectation(schema: unknown, rootSchema: Record<string, unknown>): string | null {
  if (!isRecord(schema)) return null;
  if (typeof schema.description === 'string') return schema.description;
  const m = typeof schema.$ref === 'string' ? /^([^#]*)#\/definitions\/([^/]+)$/.exec(schema.$ref) : null;
  if (m) {
    // A reference into another schema file ("corporate-links.schema.json#/definitions/text"),
    // or a local one made inside a definition of that file (ajv's errors do not say which file).
    const roots = m[1] ? [SCHEMA_BY_FILE[m[1]]] : [rootSchema, ...Object.values(SCHEMA_BY_FILE)];
    for (const root of roots) {
      const defs = root?.definitions;
      if (isRecord(defs) && isRecord(defs[m[2]])) return expectation(defs[m[2]], root);
    }
  }
  return null;
}

function schemaIssues(
  file: string,
  root: unknown,
  errors: readonly ErrorObject[],
  rootSchema: Record<string, unknown>,
): ValidationIssue[] {
  // An anyOf failure also reports every branch's failure; keep only the anyOf's own message.
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath);
  const kept = errors.filter(
    (e) => e.keyword === 'anyOf' || !anyOfPaths.some((p) => e.instancePath === p || e.instancePath.startsWith(`${p}/`)),
  );

  const out: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const err of kept) {
    const { entry, field } = locate(root, err.instancePath);
    let issueField = field;
    let text: string;
    if (err.keyword === 'required') {
      const missing = String((err.params as { missingProperty: string }).missingProperty);
      issueField = joinField(field, missing);
      const props = isRecord(err.parentSchema) ? err.parentSchema.properties : undefined;
      const want = expectation(isRecord(props) ? props[missing] : undefined, rootSchema);
      text = want ? `is missing; it must be ${want}` : 'is missing';
    } else if (err.keyword === 'additionalProperties') {
      const extra = String((err.params as { additionalProperty: string }).additionalProperty);
      issueField = joinField(field, extra);
      text = 'is not a known field here (check its spelling)';
    } else if (err.keyword === 'propertyNames') {
      const name = String((err.params as { propertyName: string }).propertyName);
      text = `has a key ${JSON.stringify(name)} that is not allowed`;
    } else {
      const want = expectation(err.parentSchema, rootSchema);
      text = want
        ? `must be ${want}, found ${describeValue(err.data)}`
        : `${err.message ?? 'is invalid'}, found ${describeValue(err.data)}`;
    }
    const issue = makeIssue(file, entry, issueField, text);
    // Several keywords can fail on the same value ("" fails minLength and pattern): say it once.
    if (seen.has(issue.message)) continue;
    seen.add(issue.message);
    out.push(issue);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** Parses a data file's text; on failure the issue gives the parser's complaint and its line/column. */
export function parseJsonText(
  file: string,
  text: string,
): { ok: true; json: unknown } | { ok: false; issue: ValidationIssue } {
  // A UTF-8 byte order mark is harmless in a data file; JSON.parse would reject it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, json: JSON.parse(body) };
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const posMatch = /position (\d+)/.exec(raw);
    const pos = posMatch ? Number(posMatch[1]) : /end of JSON input/i.test(raw) ? body.length : null;
    let where = '';
    if (pos !== null) {
      const before = body.slice(0, pos);
      const line = before.split('\n').length;
      const column = pos - before.lastIndexOf('\n');
      where = ` (line ${line}, column ${column}, character ${pos})`;
    }
    const reason = raw.replace(/\s*\(line \d+ column \d+\)$/, '');
    return { ok: false, issue: makeIssue(file, null, '', `is not valid JSON: ${reason}${where}`) };
  }
}

function notAnObject(file: string, json: unknown): ValidationIssue {
  return makeIssue(file, null, '', `must contain a JSON object at the top level, found ${describeValue(json)}`);
}

// ---------------------------------------------------------------------------------------------
// List files

/** Case, width and spacing variants of a name count as the same name. */
function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Schema plus within-file checks for one list file. */
export function validateListFile(fileName: string, json: unknown): ValidationIssue[] {
  if (!isRecord(json)) return [notAnObject(fileName, json)];
  const issues = validateListSchema(json)
    ? []
    : schemaIssues(fileName, json, validateListSchema.errors ?? [], listSchema);
  if (json.id === LOCALITIES_LIST_ID && !validateLocalitiesSchema(json)) {
    issues.push(...schemaIssues(fileName, json, validateLocalitiesSchema.errors ?? [], localitiesSchema));
  }

  // The checks below run even when the schema failed, so one run reports every problem;
  // they skip values whose shape the schema already rejected.
  const entries = Array.isArray(json.entries) ? json.entries : [];
  const categoryCodes = isRecord(json.categories) ? Object.keys(json.categories) : [];
  const knownCodes = new Set(categoryCodes);
  const firstByName = new Map<string, number>();
  // OHCHR publishes a listed table and a removed table; a missing status there would silently
  // count as listed. Other lists have no status: absent means listed.
  const statusRequired = json.id === OHCHR_LIST_ID;
  const exclusions = json.kind === 'investor-exclusion';

  // Users see a list's kind, its completeness and its coverage note; maintainers keep the
  // gathering details in curation_note. A copy of one into the other would show users notes
  // that were not written for them.
  if (typeof json.id === 'string' && !NOT_FOR_FLAGGING.has(json.id)) {
    if (json.kind === undefined)
      issues.push(
        makeIssue(
          fileName,
          null,
          'kind',
          'is missing; every list used for flagging must say which kind it is ("un-database", "sanctions", "investor-exclusion" or "ngo-research")',
        ),
      );
    if (json.partial === undefined)
      issues.push(
        makeIssue(
          fileName,
          null,
          'partial',
          'is missing; every list used for flagging must say whether this copy is partial (true or false)',
        ),
      );
  }
  if (typeof json.coverage_note === 'string' && json.coverage_note === json.curation_note)
    issues.push(
      makeIssue(
        fileName,
        null,
        'coverage_note',
        'is the same text as "curation_note"; the coverage note is shown to users and must be written for them',
      ),
    );

  entries.forEach((entry, i) => {
    if (!isRecord(entry)) return;
    const label = entryLabel(json, 'entries', i);

    if (Array.isArray(entry.categories)) {
      entry.categories.forEach((code, k) => {
        if (typeof code !== 'string' || knownCodes.has(code)) return;
        const known = categoryCodes.length
          ? `known codes: ${categoryCodes
              .slice(0, 12)
              .map((c) => JSON.stringify(c))
              .join(', ')}${categoryCodes.length > 12 ? ', ...' : ''}`
          : 'the list defines no categories';
        issues.push(
          makeIssue(
            fileName,
            label,
            `categories[${k}]`,
            `uses category code ${JSON.stringify(code)}, which is not a key of the list's "categories" object (${known})`,
          ),
        );
      });
    }

    if (typeof entry.name === 'string') {
      const key = nameKey(entry.name);
      const first = firstByName.get(key);
      if (first === undefined) firstByName.set(key, i);
      else
        issues.push(
          makeIssue(
            fileName,
            label,
            'name',
            `repeats the name of ${entryLabel(json, 'entries', first)}; entry names must be unique within a list`,
          ),
        );
    }

    // A delisted entry must say when, because the popup shows "removed on <date>" instead of a flag.
    if (entry.status === 'delisted' && entry.delisted_table_date === undefined)
      issues.push(
        makeIssue(fileName, label, 'delisted_table_date', 'is missing; a delisted entry must give its removal date'),
      );
    if (entry.status === 'listed' && entry.delisted_table_date !== undefined)
      issues.push(makeIssue(fileName, label, 'delisted_table_date', 'is set, but the entry\'s status is "listed"'));
    if (statusRequired && entry.status === undefined)
      issues.push(
        makeIssue(fileName, label, 'status', 'is missing; every entry of this list must say "listed" or "delisted"'),
      );

    // A revocation ends the entry: it is history, and the popup says when it was revoked.
    if (entry.revoked !== undefined && entry.status !== 'delisted')
      issues.push(
        makeIssue(
          fileName,
          label,
          'status',
          'must be "delisted" because the entry has a "revoked" date (it is history)',
        ),
      );

    // "Excluded by <investor> on <date>" needs the decision, its date and its ground.
    if (exclusions) {
      for (const field of ['exclusion_status', 'ground'] as const) {
        if (entry[field] === undefined)
          issues.push(
            makeIssue(fileName, label, field, 'is missing; every entry of an investor-exclusion list needs it'),
          );
      }
      if (entry.decision_date === undefined && entry.announced === undefined && entry.listed === undefined)
        issues.push(
          makeIssue(
            fileName,
            label,
            'decision_date',
            'is missing, and so are "announced" and "listed"; an exclusion must give the date of its decision or announcement',
          ),
        );
      const revoked = entry.exclusion_status === 'revoked';
      if (revoked !== (entry.status === 'delisted'))
        issues.push(
          makeIssue(
            fileName,
            label,
            'exclusion_status',
            revoked
              ? 'is "revoked", so "status" must be "delisted"'
              : `is ${JSON.stringify(entry.exclusion_status ?? null)}, but "status" is "delisted"; a revoked exclusion says "revoked"`,
          ),
        );
    } else {
      for (const field of ['exclusion_status', 'decision_date', 'council_recommendation_dates'] as const) {
        if (entry[field] !== undefined)
          issues.push(
            makeIssue(
              fileName,
              label,
              field,
              'is set, but the list is not an investor-exclusion list (its "kind" is not "investor-exclusion")',
            ),
          );
      }
    }
  });
  return sortIssues(issues);
}

/** Resolves a reference to an OHCHR entry name; Who Profits appends remarks such as
 *  "Alstom S. A. (in the removed-enterprises table, ...)", so a trailing "(...)" may be dropped. */
export function resolveEntryReference(value: string, names: ReadonlySet<string>): string | null {
  if (names.has(value)) return value;
  const m = /^(.*\S)\s+\([^()]*\)$/.exec(value);
  return m && names.has(m[1]) ? m[1] : null;
}

function entryNamesById(lists: readonly unknown[]): Map<string, Set<string>> {
  const byId = new Map<string, Set<string>>();
  for (const list of lists) {
    if (!isRecord(list) || typeof list.id !== 'string' || !Array.isArray(list.entries)) continue;
    const names = byId.get(list.id) ?? new Set<string>();
    for (const e of list.entries) if (isRecord(e) && typeof e.name === 'string') names.add(e.name);
    byId.set(list.id, names);
  }
  return byId;
}

/** Points at a near miss (case, spacing or punctuation) so the fix is obvious. */
function didYouMean(value: string, names: ReadonlySet<string>): string {
  const loose = (s: string) => nameKey(s).replace(/[^\p{L}\p{N}]+/gu, '');
  const key = loose(value);
  for (const n of names) if (loose(n) === key) return ` (did you mean ${JSON.stringify(n)}?)`;
  return '';
}

/** Every list file on its own, then the checks across list files (unique ids, cross-references). */
export function validateLists(files: readonly { file: string; json: unknown }[]): ValidationIssue[] {
  const issues = files.flatMap(({ file, json }) => validateListFile(file, json));

  const fileById = new Map<string, string>();
  for (const { file, json } of files) {
    if (!isRecord(json) || typeof json.id !== 'string') continue;
    const other = fileById.get(json.id);
    if (other === undefined) fileById.set(json.id, file);
    else
      issues.push(
        makeIssue(file, null, 'id', `is ${JSON.stringify(json.id)}, the same as in ${other}; list ids must be unique`),
      );
  }

  const ohchrNames = entryNamesById(files.map((f) => f.json)).get(OHCHR_LIST_ID);
  if (ohchrNames) {
    for (const { file, json } of files) {
      if (!isRecord(json) || !Array.isArray(json.entries)) continue;
      json.entries.forEach((entry, i) => {
        if (!isRecord(entry) || !Array.isArray(entry.also_in_ohchr_database_2025)) return;
        entry.also_in_ohchr_database_2025.forEach((ref, k) => {
          if (typeof ref !== 'string' || resolveEntryReference(ref, ohchrNames)) return;
          issues.push(
            makeIssue(
              file,
              entryLabel(json, 'entries', i),
              `also_in_ohchr_database_2025[${k}]`,
              `names ${JSON.stringify(ref)}, which is not the name of any entry in list "${OHCHR_LIST_ID}"${didYouMean(ref, ohchrNames)}`,
            ),
          );
        });
      });
    }
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Corporate links

/** Checks that a (list id, entry name) pair names a real entry of a real list; adds an issue if not. */
function entryRefChecker(fileName: string, lists: readonly ListFile[], issues: ValidationIssue[]) {
  const namesById = entryNamesById(lists);
  const knownIds = [...namesById.keys()].map((id) => JSON.stringify(id)).join(', ');
  return (label: string, listField: string, nameField: string, listId: unknown, name: unknown) => {
    if (typeof listId !== 'string' || typeof name !== 'string') return;
    const names = namesById.get(listId);
    if (!names) {
      issues.push(
        makeIssue(
          fileName,
          label,
          listField,
          `names list ${JSON.stringify(listId)}, which is not the id of any list file (known ids: ${knownIds})`,
        ),
      );
    } else if (!names.has(name)) {
      issues.push(
        makeIssue(
          fileName,
          label,
          nameField,
          `names ${JSON.stringify(name)}, which is not the name of any entry in list ${JSON.stringify(listId)}${didYouMean(name, names)}`,
        ),
      );
    }
  };
}

/** Schema plus: every link, also_listed_as and not_related record names a real entry of a real list. */
export function validateCorporateLinks(fileName: string, json: unknown, lists: readonly ListFile[]): ValidationIssue[] {
  if (!isRecord(json)) return [notAnObject(fileName, json)];
  const issues = validateLinksSchema(json)
    ? []
    : schemaIssues(fileName, json, validateLinksSchema.errors ?? [], linksSchema);
  const checkRef = entryRefChecker(fileName, lists, issues);

  const links = Array.isArray(json.links) ? json.links : [];
  links.forEach((link, i) => {
    if (!isRecord(link)) return;
    const label = entryLabel(json, 'links', i);
    checkRef(label, 'list', 'listed_entity', link.list, link.listed_entity);
    if (!Array.isArray(link.also_listed_as)) return;
    link.also_listed_as.forEach((also, k) => {
      if (!isRecord(also)) return;
      const base = `also_listed_as[${k}]`;
      checkRef(label, `${base}.list`, `${base}.listed_entity`, also.list, also.listed_entity);
    });
  });

  const notRelated = Array.isArray(json.not_related) ? json.not_related : [];
  notRelated.forEach((rec, i) => {
    if (!isRecord(rec)) return;
    checkRef(entryLabel(json, 'not_related', i), 'list', 'not_the_same_as', rec.list, rec.not_the_same_as);
  });
  return sortIssues(issues);
}

// ---------------------------------------------------------------------------------------------
// Curation files (data/curation/)

/** Schema plus: every record names a link of corporate-links.json, at most once. */
export function validateLinkStatus(fileName: string, json: unknown, links: CorporateLinksFile): ValidationIssue[] {
  if (!isRecord(json)) return [notAnObject(fileName, json)];
  const issues = validateLinkStatusSchema(json)
    ? []
    : schemaIssues(fileName, json, validateLinkStatusSchema.errors ?? [], linkStatusSchema);
  const key = (name: unknown, entity: unknown) => `${String(name)}\u0000${String(entity)}`;
  const known = new Set(links.links.map((l) => key(l.name, l.listed_entity)));
  const seen = new Map<string, number>();
  const records = Array.isArray(json.links) ? json.links : [];
  records.forEach((rec, i) => {
    if (!isRecord(rec) || typeof rec.name !== 'string' || typeof rec.listed_entity !== 'string') return;
    const label = entryLabel(json, 'links', i);
    const k = key(rec.name, rec.listed_entity);
    if (!known.has(k)) {
      issues.push(
        makeIssue(
          fileName,
          label,
          'listed_entity',
          `is ${JSON.stringify(rec.listed_entity)}, but corporate-links.json has no link named ${JSON.stringify(rec.name)} to that entry`,
        ),
      );
    }
    const first = seen.get(k);
    if (first === undefined) seen.set(k, i);
    else issues.push(makeIssue(fileName, label, '', `gives a second status for the link of links[${first}]`));
  });
  return sortIssues(issues);
}

/** Schema plus: every record names a real entry of a real list. */
export function validateNotRelatedExtra(
  fileName: string,
  json: unknown,
  lists: readonly ListFile[],
): ValidationIssue[] {
  if (!isRecord(json)) return [notAnObject(fileName, json)];
  const issues = validateNotRelatedExtraSchema(json)
    ? []
    : schemaIssues(fileName, json, validateNotRelatedExtraSchema.errors ?? [], notRelatedExtraSchema);
  const checkRef = entryRefChecker(fileName, lists, issues);
  const records = Array.isArray(json.not_related) ? json.not_related : [];
  records.forEach((rec, i) => {
    if (!isRecord(rec)) return;
    checkRef(entryLabel(json, 'not_related', i), 'list', 'not_the_same_as', rec.list, rec.not_the_same_as);
  });
  return sortIssues(issues);
}

/** Schema only: a weak name need not be a listed name (it may be a link's or an alias's word). */
export function validateWeakNames(fileName: string, json: unknown): ValidationIssue[] {
  if (!isRecord(json)) return [notAnObject(fileName, json)];
  return validateWeakNamesSchema(json)
    ? []
    : sortIssues(schemaIssues(fileName, json, validateWeakNamesSchema.errors ?? [], weakNamesSchema));
}
