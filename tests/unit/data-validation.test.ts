// The bundled list data must validate cleanly, and each kind of malformed list must be caught
// with an issue that names the right file, entry and field (the build's error message is the
// only help someone replacing a list file gets).

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkCorporateLinks,
  checkCurationFiles,
  checkListFiles,
  DataValidationError,
  loadCorporateLinks,
  loadListFiles,
  NOT_FOR_FLAGGING,
  type ListFile,
} from '../../scripts/lib/load-lists';
import {
  OHCHR_LIST_ID,
  parseJsonText,
  validateCorporateLinks,
  validateLinkStatus,
  validateListFile,
  validateLists,
  validateNotRelatedExtra,
  validateWeakNames,
  type ValidationIssue,
} from '../../scripts/lib/validate';

const BAD = 'tests/fixtures/bad-lists';

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function validateFixture(name: string): { file: string; issues: ValidationIssue[] } {
  const file = join(BAD, name);
  return { file, issues: validateListFile(file, readJson(file)) };
}

/** Runs fn, which must throw DataValidationError, and returns its issues. */
function issuesThrownBy(fn: () => unknown): readonly ValidationIssue[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DataValidationError);
    const err = e as DataValidationError;
    for (const issue of err.issues) expect(err.message).toContain(issue.message);
    return err.issues;
  }
  throw new Error('expected a DataValidationError, but nothing was thrown');
}

function pick(issue: ValidationIssue) {
  return { file: issue.file, entry: issue.entry, field: issue.field };
}

describe('shipped data', () => {
  it('validates with zero issues', () => {
    const { lists, issues } = checkListFiles('data/lists');
    expect(issues.map((i) => i.message)).toEqual([]);
    const links = checkCorporateLinks('data/corporate-links.json', lists);
    expect(links.issues.map((i) => i.message)).toEqual([]);
  });

  it('loads every list file with its id, entries and exact bytes', () => {
    const lists = loadListFiles();
    expect(lists.map((l) => [l.file, l.json.id, l.json.kind, l.json.entries.length])).toEqual([
      ['data/lists/dbio-2024.json', 'dbio-2024', 'ngo-research', 31],
      ['data/lists/investor-exclusions-isif.json', 'investor-exclusions-isif', 'investor-exclusion', 6],
      ['data/lists/investor-exclusions-klp.json', 'investor-exclusions-klp', 'investor-exclusion', 17],
      ['data/lists/investor-exclusions-norway-gpfg.json', 'investor-exclusions-norway-gpfg', 'investor-exclusion', 16],
      ['data/lists/ohchr-bhr-database-2025.json', OHCHR_LIST_ID, 'un-database', 165],
      ['data/lists/sanctions-au-settlers.json', 'au-sanctions-settler-violence', 'sanctions', 8],
      ['data/lists/sanctions-ca-settlers.json', 'ca-sanctions-extremist-settler-violence', 'sanctions', 24],
      ['data/lists/sanctions-eu-settlers.json', 'eu-sanctions-settler-violence', 'sanctions', 21],
      ['data/lists/sanctions-jp-settlers.json', 'jp-sanctions-settler-violence', 'sanctions', 4],
      ['data/lists/sanctions-uk-settlers.json', 'uk-sanctions-settler-violence', 'sanctions', 23],
      ['data/lists/sanctions-us-eo14115.json', 'us-sanctions-eo-14115-historical', 'sanctions', 30],
      ['data/lists/settlement-localities-west-bank.json', 'settlement-localities-west-bank-hfc-ocha', undefined, 265],
      ['data/lists/whoprofits.json', 'whoprofits', 'ngo-research', 37],
    ]);
    for (const l of lists) expect(l.bytes.equals(readFileSync(l.file))).toBe(true);
    expect([...NOT_FOR_FLAGGING].every((id) => lists.some((l) => l.json.id === id))).toBe(true);

    const ohchr = lists.find((l) => l.json.id === OHCHR_LIST_ID)!.json;
    expect(ohchr.entries.filter((e) => e.status === 'listed')).toHaveLength(153);
    expect(ohchr.entries.filter((e) => e.status === 'delisted')).toHaveLength(12);
  });

  it('loads the corporate links, every one pointing at a real entry', () => {
    const lists = loadListFiles();
    const links = loadCorporateLinks('data/corporate-links.json', lists);
    expect(links.json.links).toHaveLength(224);
    expect(links.json.not_related).toHaveLength(16);
    const names = new Map(lists.map((l) => [l.json.id, new Set(l.json.entries.map((e) => e.name))]));
    for (const link of links.json.links) expect(names.get(link.list)?.has(link.listed_entity)).toBe(true);
  });

  it('reports each required entry field when it is removed from a real entry', () => {
    const file = 'data/lists/dbio-2024.json';
    for (const field of ['name', 'aliases', 'country', 'categories', 'rationale', 'evidence_url']) {
      const list = readJson(file) as ListFile;
      Reflect.deleteProperty(list.entries[3], field);
      const issues = validateListFile(file, list);
      const label = field === 'name' ? 'entries[3]' : 'entries[3] "Carrefour"';
      expect(issues.map(pick)).toEqual([{ file, entry: label, field }]);
      expect(issues[0].message).toContain(`${file}: ${label}: field "${field}" is missing`);
    }
  });

  it('requires a removal date on delisted OHCHR entries and a status on every OHCHR entry', () => {
    const file = 'data/lists/ohchr-bhr-database-2025.json';
    const list = readJson(file) as ListFile;
    const i = list.entries.findIndex((e) => e.name === 'Alstom S. A.');
    expect(list.entries[i].status).toBe('delisted');
    delete list.entries[i].delisted_table_date;
    delete list.entries[0].status;
    expect(validateListFile(file, list).map(pick)).toEqual([
      { file, entry: 'entries[0] "A. Barkan and Partners Ltd."', field: 'status' },
      { file, entry: `entries[${i}] "Alstom S. A."`, field: 'delisted_table_date' },
    ]);
  });

  it('checks also_in_ohchr_database_2025 names against the OHCHR list', () => {
    const files = ['data/lists/dbio-2024.json', 'data/lists/ohchr-bhr-database-2025.json'].map((file) => ({
      file,
      json: readJson(file) as ListFile,
    }));
    expect(validateLists(files)).toEqual([]);
    const airbnb = files[0].json.entries[0];
    expect(airbnb.also_in_ohchr_database_2025).toEqual(['Airbnb Inc.']);
    airbnb.also_in_ohchr_database_2025 = ['Airbnb, Inc.'];
    const issues = validateLists(files);
    expect(issues.map(pick)).toEqual([
      { file: 'data/lists/dbio-2024.json', entry: 'entries[0] "Airbnb"', field: 'also_in_ohchr_database_2025[0]' },
    ]);
    expect(issues[0].message).toContain('did you mean "Airbnb Inc."?');
  });
});

describe('list kinds, exclusions, revocations and notes', () => {
  const GPFG = 'data/lists/investor-exclusions-norway-gpfg.json';
  const US = 'data/lists/sanctions-us-eo14115.json';
  const copy = (file: string) => readJson(file) as ListFile;

  it('gives every list used for flagging a kind, a partial flag and two different notes', () => {
    for (const { json } of loadListFiles()) {
      expect(json.curation_note.length, json.id).toBeGreaterThan(20);
      expect(json.coverage_note, json.id).not.toBe(json.curation_note);
      if (NOT_FOR_FLAGGING.has(json.id)) continue;
      expect(['un-database', 'sanctions', 'investor-exclusion', 'ngo-research'], json.id).toContain(json.kind);
      expect(typeof json.partial, json.id).toBe('boolean');
    }
  });

  it('refuses a list used for flagging without a kind or a partial flag, and a list without a curation note', () => {
    const EU = 'data/lists/sanctions-eu-settlers.json';
    const list = copy(EU);
    delete list.kind;
    delete list.partial;
    delete (list as Partial<ListFile>).curation_note;
    expect(validateListFile(EU, list).map(pick)).toEqual([
      { file: EU, entry: null, field: 'curation_note' },
      { file: EU, entry: null, field: 'kind' },
      { file: EU, entry: null, field: 'partial' },
    ]);
  });

  it("refuses a coverage note that is the curation note (users would read maintainers' notes)", () => {
    const list = copy('data/lists/whoprofits.json');
    list.coverage_note = list.curation_note;
    const issues = validateListFile('w.json', list);
    expect(issues.map(pick)).toEqual([{ file: 'w.json', entry: null, field: 'coverage_note' }]);
    expect(issues[0].message).toContain('must be written for them');
  });

  it('requires every exclusion to give its ground, its status and a date', () => {
    const list = copy(GPFG);
    const i = list.entries.findIndex((e) => e.name === 'Bank Leumi Le-Israel BM');
    delete list.entries[i].ground;
    delete list.entries[i].exclusion_status;
    delete list.entries[i].decision_date;
    delete list.entries[i].listed;
    expect(validateListFile(GPFG, list).map((x) => x.field)).toEqual(['exclusion_status', 'ground', 'decision_date']);
  });

  it('keeps a revoked exclusion and a revoked designation out of the current entries', () => {
    const gpfg = copy(GPFG);
    gpfg.entries[0].exclusion_status = 'revoked';
    const issues = validateListFile(GPFG, gpfg);
    expect(issues.map(pick)).toEqual([
      { file: GPFG, entry: 'entries[0] "Africa Israel Investments Ltd"', field: 'exclusion_status' },
    ]);
    expect(issues[0].message).toContain('"status" must be "delisted"');

    const us = copy(US);
    us.entries[0].status = 'listed';
    delete us.entries[0].delisted_table_date;
    expect(validateListFile(US, us).map(pick)).toEqual([
      { file: US, entry: 'entries[0] "David Chai Chasdai"', field: 'status' },
    ]);
  });

  it('refuses exclusion fields on a list that is not an investor-exclusion list', () => {
    const list = copy('data/lists/sanctions-eu-settlers.json');
    list.entries[0].decision_date = '2024-04-19';
    expect(validateListFile('eu.json', list).map((x) => x.field)).toEqual(['decision_date']);
  });

  it('types the new fields: dates, history events and the exclusion status', () => {
    const list = copy(GPFG);
    list.entries[0].exclusion_history = [{ date: 'January 2014', event: 'excluded again' }];
    list.entries[1].council_recommendation_dates = ['16.11.2009'];
    Object.assign(list.entries[2], { exclusion_status: 'sold' });
    expect(validateListFile(GPFG, list).map((x) => `${x.entry} ${x.field}`)).toEqual([
      'entries[0] "Africa Israel Investments Ltd" exclusion_history[0].date',
      'entries[1] "Danya Cebus Ltd" council_recommendation_dates[0]',
      'entries[2] "Shikun & Binui Ltd" exclusion_status',
    ]);
  });

  it('the build refuses a list whose entry has no source', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ss-lists-'));
    const list = copy(GPFG);
    delete (list.entries[12] as Partial<(typeof list.entries)[number]>).evidence_url;
    writeFileSync(join(dir, 'gpfg.json'), JSON.stringify(list));
    const issues = issuesThrownBy(() => loadListFiles(dir));
    expect(issues.map(pick)).toEqual([
      { file: join(dir, 'gpfg.json'), entry: 'entries[12] "Bank Leumi Le-Israel BM"', field: 'evidence_url' },
    ]);
    expect(issues[0].message).toContain("is missing; it must be the entry's source");
  });
});

describe('malformed list fixtures', () => {
  it('missing rationale', () => {
    const { file, issues } = validateFixture('missing-rationale.json');
    expect(issues.map(pick)).toEqual([{ file, entry: 'entries[1] "Beta Ltd."', field: 'rationale' }]);
    expect(issues[0].message).toBe(
      `${file}: entries[1] "Beta Ltd.": field "rationale" is missing; it must be a non-empty string (no leading or trailing spaces)`,
    );
  });

  it('alias that is an empty string', () => {
    const { file, issues } = validateFixture('empty-alias.json');
    expect(issues.map(pick)).toEqual([{ file, entry: 'entries[1] "Beta Ltd."', field: 'aliases[1]' }]);
    expect(issues[0].message).toBe(
      `${file}: entries[1] "Beta Ltd.": field "aliases[1]" must be a non-empty string (no leading or trailing spaces), found ""`,
    );
  });

  it('evidence_url that is not an http(s) URL', () => {
    const { file, issues } = validateFixture('bad-evidence-url.json');
    expect(issues.map(pick)).toEqual([{ file, entry: 'entries[1] "Beta Ltd."', field: 'evidence_url' }]);
    expect(issues[0].message).toBe(
      `${file}: entries[1] "Beta Ltd.": field "evidence_url" must be the entry's source: an http:// or https:// URL (without spaces) of the page that states it, found "www.example.org/beta"`,
    );
  });

  it('unknown category code', () => {
    const { file, issues } = validateFixture('unknown-category.json');
    expect(issues.map(pick)).toEqual([{ file, entry: 'entries[1] "Beta Ltd."', field: 'categories[1]' }]);
    expect(issues[0].message).toContain(
      `${file}: entries[1] "Beta Ltd.": field "categories[1]" uses category code "c9"`,
    );
    expect(issues[0].message).toContain('known codes: "c1", "c2"');
  });

  it('duplicate entry names', () => {
    const { file, issues } = validateFixture('duplicate-names.json');
    expect(issues.map(pick)).toEqual([{ file, entry: 'entries[2] "Alpha Ltd."', field: 'name' }]);
    expect(issues[0].message).toContain('repeats the name of entries[0] "Alpha Ltd."');
  });

  it('delisted entry without a removal date', () => {
    const { file, issues } = validateFixture('delisted-without-date.json');
    expect(issues.map(pick)).toEqual([{ file, entry: 'entries[1] "Beta Ltd."', field: 'delisted_table_date' }]);
  });

  it('top level that is not an object', () => {
    const { file, issues } = validateFixture('not-an-object.json');
    expect(issues.map(pick)).toEqual([{ file, entry: null, field: '' }]);
    expect(issues[0].message).toBe(`${file}: must contain a JSON object at the top level, found an array of 1`);
  });

  it('truncated JSON, with the position of the parse error', () => {
    const file = join(BAD, 'truncated.json');
    const text = readFileSync(file, 'utf8');
    const result = parseJsonText(file, text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(pick(result.issue)).toEqual({ file, entry: null, field: '' });
    const lines = text.split('\n');
    const lastLine = lines.length;
    const lastColumn = lines[lines.length - 1].length + 1;
    expect(result.issue.message).toBe(
      `${file}: is not valid JSON: Unexpected end of JSON input (line ${lastLine}, column ${lastColumn}, character ${text.length})`,
    );
  });

  it('parse errors in the middle of a file give that line and column', () => {
    const result = parseJsonText('x.json', '{\n  "id": "x",\n  "title" "oops"\n}');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issue.message).toMatch(/^x\.json: is not valid JSON: .*\(line 3, column 11, character 25\)$/);
  });

  it('duplicate list ids across files', () => {
    const dir = join(BAD, 'duplicate-ids');
    const issues = issuesThrownBy(() => loadListFiles(dir));
    expect(issues.map(pick)).toEqual([{ file: join(dir, 'second.json'), entry: null, field: 'id' }]);
    expect(issues[0].message).toContain(`the same as in ${join(dir, 'first.json')}`);
  });

  it('the loader reports every broken file in a directory at once', () => {
    const issues = issuesThrownBy(() => loadListFiles(BAD));
    const files = readdirSync(BAD)
      .filter((f) => f.endsWith('.json'))
      .map((f) => join(BAD, f));
    expect(files.length).toBeGreaterThanOrEqual(8);
    expect(new Set(issues.map((i) => i.file))).toEqual(new Set(files));
  });
});

describe('malformed corporate links', () => {
  const dir = join(BAD, 'links');
  const linksFile = join(dir, 'corporate-links.json');

  it('the target list itself is valid', () => {
    expect(loadListFiles(join(dir, 'lists')).map((l) => l.json.id)).toEqual(['fixture-links-target']);
  });

  it('links and not_related records pointing at non-existent entries', () => {
    const lists = loadListFiles(join(dir, 'lists'));
    const issues = issuesThrownBy(() => loadCorporateLinks(linksFile, lists));
    expect(issues.map(pick)).toEqual([
      { file: linksFile, entry: 'links[1] "Beta Subsidiary"', field: 'listed_entity' },
      { file: linksFile, entry: 'links[2] "Alpha Former"', field: 'also_listed_as[0].listed_entity' },
      { file: linksFile, entry: 'not_related[0] "Alpha Cars"', field: 'not_the_same_as' },
    ]);
    expect(issues[0].message).toBe(
      `${linksFile}: links[1] "Beta Subsidiary": field "listed_entity" names "Beta Holdings", which is not the name of any entry in list "fixture-links-target"`,
    );
  });

  it('a link to an unknown list id, a bad relation and an unknown field', () => {
    const lists = loadListFiles(join(dir, 'lists')).map((l) => l.json);
    const json = readJson(linksFile) as { links: Record<string, unknown>[]; not_related: unknown[] };
    json.links = [{ ...json.links[0], list: 'no-such-list', relation: 'owner', ownr: 'x' }];
    json.not_related = [];
    const issues = validateCorporateLinks('links.json', json, lists);
    const byField = [...issues].sort((a, b) => a.field.localeCompare(b.field));
    expect(byField.map(pick)).toEqual([
      { file: 'links.json', entry: 'links[0] "Alpha Brand"', field: 'list' },
      { file: 'links.json', entry: 'links[0] "Alpha Brand"', field: 'ownr' },
      { file: 'links.json', entry: 'links[0] "Alpha Brand"', field: 'relation' },
    ]);
    expect(byField[0].message).toContain('"no-such-list", which is not the id of any list file');
    expect(byField[1].message).toContain('field "ownr" is not a known field');
    expect(byField[2].message).toContain('must be one of "brand", "subsidiary"');
  });
});

describe('curation files', () => {
  const lists = loadListFiles();
  const links = loadCorporateLinks('data/corporate-links.json', lists);
  const read = (name: string) => readJson(join('data/curation', name)) as Record<string, unknown>;

  it('the shipped curation files validate with zero issues', () => {
    const { issues, curation } = checkCurationFiles('data/curation', lists, links);
    expect(issues.map((i) => i.message)).toEqual([]);
    expect(curation?.weakNames.names.length).toBeGreaterThan(0);
  });

  it('a link status must name a link and give a known status', () => {
    const file = read('link-status.json') as { links: Record<string, unknown>[] };
    file.links[0] = { ...file.links[0], status: 'ended' };
    file.links[1] = { ...file.links[1], listed_entity: 'No Such Company' };
    const issues = validateLinkStatus('ls.json', file, links.json);
    expect(issues.map((i) => `${i.entry} ${i.field}`)).toEqual([
      `links[0] ${JSON.stringify(file.links[0].name)} status`,
      `links[1] ${JSON.stringify(file.links[1].name)} listed_entity`,
    ]);
    expect(issues[0].message).toContain('must be one of "historical", "weak-source", "contested", "current"');
    expect(issues[1].message).toContain('corporate-links.json has no link named');
  });

  it('an extra not_related record has the shape of corporate-links.json records and names a real entry', () => {
    const file = read('not-related-extra.json') as { not_related: Record<string, unknown>[] };
    const { reason: _reason, ...noReason } = file.not_related[0];
    file.not_related[0] = noReason;
    file.not_related[1] = { ...file.not_related[1], not_the_same_as: 'No Such Company' };
    const issues = validateNotRelatedExtra(
      'nr.json',
      file,
      lists.map((l) => l.json),
    );
    expect(issues.map((i) => `${i.entry?.replace(/ .*/, '')} ${i.field}`)).toEqual([
      'not_related[0] reason',
      'not_related[1] not_the_same_as',
    ]);
    // The description comes from the shared definition in corporate-links.schema.json.
    expect(issues[0].message).toContain('field "reason" is missing; it must be a non-empty string');
  });

  it('a weak name needs a reason', () => {
    const issues = validateWeakNames('w.json', { note: 'n', names: [{ name: 'Egis', why: ' ' }] });
    expect(issues.map((i) => `${i.entry} ${i.field}`)).toEqual(['names[0] "Egis" why']);
    expect(validateWeakNames('w.json', [])[0].message).toContain('must contain a JSON object');
  });
});
