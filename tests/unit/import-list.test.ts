// Imported lists: the documented CSV and JSON formats, and every way a file can be bad,
// each refused as a whole with a message that says what and where.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ImportError,
  isImportedListShape,
  MAX_CELL_CHARS,
  parseImportedList,
  type ImportMetaInput,
} from '../../src/core/import-list';

const META: ImportMetaInput = {
  title: 'Gemeente Gent supplier exclusion list',
  publisher: 'Stad Gent',
  published: '2026-03-01',
  version: 'v2',
  coverageNote: 'All suppliers excluded by the council decision of March 2026.',
};

const CSV = [
  'name,aliases,country,criterion,rationale,source_url,date',
  'Acme Holdings Ltd.,Acme|ACME Group,Israel,Construction,"Builds in settlements, says the council",https://example.org/acme,2025-01-15',
  '"Beta ""Quoted"" Works",,Spain,Construction|Quarrying,,https://example.org/beta,',
  '',
  'Gamma Industries,Gamma,,,,,',
  '',
].join('\n');

function failure(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ImportError) return err;
    throw err;
  }
  throw new Error('expected an ImportError');
}

describe('CSV import', () => {
  it('reads every documented column and the metadata from the form', () => {
    const { list, warnings, format } = parseImportedList('gent.csv', CSV, META);
    expect(format).toBe('csv');
    expect(warnings).toEqual([]);
    expect(list.id).toBe('user:gemeente-gent-supplier-exclusion-list');
    expect(list.title).toBe(META.title);
    expect(list.publisher).toBe('Stad Gent');
    expect(list.published).toBe('2026-03-01');
    expect(list.version).toBe('v2');
    expect(list.coverage_note).toBe(META.coverageNote);
    expect(list.entries).toHaveLength(3);
    expect(list.entries[0]).toEqual({
      name: 'Acme Holdings Ltd.',
      aliases: ['Acme', 'ACME Group'],
      country: 'Israel',
      categories: ['Construction'],
      rationale: 'Builds in settlements, says the council',
      evidence_url: 'https://example.org/acme',
      listed: '2025-01-15',
    });
    expect(list.entries[1].name).toBe('Beta "Quoted" Works');
    expect(list.entries[1].categories).toEqual(['Construction', 'Quarrying']);
    expect(list.entries[1].country).toBe('Spain');
    expect(list.entries[2]).toMatchObject({
      name: 'Gamma Industries',
      aliases: ['Gamma'],
      country: null,
      evidence_url: '',
    });
    expect(list.categories).toEqual({ Construction: 'Construction', Quarrying: 'Quarrying' });
  });

  it('accepts semicolons, tabs, CRLF, a BOM, any header case and blank lines', () => {
    const semi = '\uFEFFName;Source URL;Aliases\r\n\r\nAcme Ltd;https://example.org/a;A1 | A2\r\nBeta BV;;\r\n';
    const { list } = parseImportedList('x.csv', semi, META);
    expect(list.entries.map((e) => e.name)).toEqual(['Acme Ltd', 'Beta BV']);
    expect(list.entries[0].aliases).toEqual(['A1', 'A2']);
    expect(list.entries[0].evidence_url).toBe('https://example.org/a');
    const tabs = 'name\tcountry\nAcme Ltd\tIsrael\n';
    expect(parseImportedList('x.tsv', tabs, META).list.entries[0].country).toBe('Israel');
    // One column only: no delimiter to find, still fine.
    expect(parseImportedList('x.csv', 'name\nAcme Ltd\nBeta BV\n', META).list.entries).toHaveLength(2);
  });

  it('warns (and keeps both) for a repeated name, an unknown column and an unreadable date', () => {
    const text = 'name,notes,date\nAcme Ltd,x,2024-01-01\nBeta BV,y,someday\nACME LTD,z,\n';
    const { list, warnings } = parseImportedList('x.csv', text, META);
    expect(list.entries).toHaveLength(3);
    expect(warnings.map((w) => [w.code, w.at.row, w.at.column])).toEqual([
      ['unknown-column', 1, 'notes'],
      ['bad-entry-date', 3, 'date'],
      ['duplicate-name', 4, 'name'],
    ]);
    expect(warnings[2].message).toBe(
      'Row 4 repeats the name "ACME LTD" of row 2; both are kept and shown as one company.',
    );
    expect(warnings[2].detail).toBe('2');
  });

  it('refuses an empty file', () => {
    for (const text of ['', '   \n\n', '\uFEFF']) {
      const e = failure(() => parseImportedList('x.csv', text, META));
      expect(e.code).toBe('empty-file');
      expect(e.message).toBe('The file is empty.');
    }
  });

  it('refuses a header without a name column, saying what it found', () => {
    const e = failure(() => parseImportedList('x.csv', 'company,country\nAcme,Israel\n', META));
    expect(e.code).toBe('no-name-column');
    expect(e.at.row).toBe(1);
    expect(e.message).toBe('Row 1 must be a header with a "name" column; found: company, country.');
  });

  it('refuses an empty name and names its row', () => {
    const e = failure(() => parseImportedList('x.csv', 'name,country\nAcme,Israel\n  ,Spain\n', META));
    expect(e.code).toBe('empty-name');
    expect(e.at).toEqual({ row: 3, column: 'name' });
    expect(e.message).toBe('Row 3: the name is empty.');
  });

  it('refuses a bad URL and names its row and column', () => {
    const text = 'name,source_url\nAcme,https://example.org/ok\nBeta,javascript:alert(1)\n';
    const e = failure(() => parseImportedList('x.csv', text, META));
    expect(e.code).toBe('bad-url');
    expect(e.at).toEqual({ row: 3, column: 'source_url' });
    expect(e.message).toBe(
      'Row 3, column source_url: "javascript:alert(1)" is not a web address (it must start with http:// or https://).',
    );
    expect(failure(() => parseImportedList('x.csv', 'name,source_url\nA,www.example.org\n', META)).at.row).toBe(2);
  });

  it('refuses text that is not UTF-8, with its line', () => {
    // What File.text() makes of Latin-1 "é" and of UTF-16.
    const latin1 = 'name,country\nAcme,Isra\uFFFDl\n';
    const e = failure(() => parseImportedList('x.csv', latin1, META));
    expect(e.code).toBe('not-utf8');
    expect(e.at).toEqual({ line: 2, col: 10 });
    expect(e.message).toContain('the file is probably not UTF-8');
    const utf16 = '\uFFFD\uFFFDn\u0000a\u0000m\u0000e\u0000';
    expect(failure(() => parseImportedList('x.csv', utf16, META)).code).toBe('not-utf8');
    const nul = 'n\u0000a\u0000m\u0000e\u0000\n\u0000';
    expect(failure(() => parseImportedList('x.csv', nul, META)).message).toContain('UTF-16');
  });

  it('refuses a huge cell and names its row and column', () => {
    const big = 'x'.repeat(MAX_CELL_CHARS + 1);
    const e = failure(() => parseImportedList('x.csv', `name,rationale\nAcme,short\nBeta,${big}\n`, META));
    expect(e.code).toBe('huge-cell');
    expect(e.at).toEqual({ row: 3, column: 'rationale' });
    expect(e.message).toMatch(/^Row 3, column rationale: the text is 2001 characters long \(at most 2000\)/);
    // Exactly at the limit is fine.
    expect(() =>
      parseImportedList('x.csv', `name,rationale\nAcme,${'x'.repeat(MAX_CELL_CHARS)}\n`, META),
    ).not.toThrow();
  });

  it('refuses a file cut off inside a quoted cell', () => {
    const text = 'name,rationale\nAcme,"fine"\nBeta,"starts and never ends\nGamma,x\n';
    const e = failure(() => parseImportedList('x.csv', text, META));
    expect(e.code).toBe('csv-quotes');
    expect(e.at.row).toBe(3);
    expect(e.at.column).toBe('rationale');
    expect(e.message).toMatch(/^Row 3, column rationale: a quoted cell is not closed properly \(line 3\)/);
  });

  it('refuses rows with missing or extra cells (a cut-off last row says so)', () => {
    const short = failure(() => parseImportedList('x.csv', 'name,country,rationale\nAcme,Israel,x\nBeta,Spa', META));
    expect(short.code).toBe('csv-field-count');
    expect(short.at.row).toBe(3);
    expect(short.message).toBe('Row 3 has 2 cells but the header has 3. The file may be cut off.');
    const extra = failure(() => parseImportedList('x.csv', 'name,country\nAcme,Israel,oops\nBeta,Spain\n', META));
    expect(extra.at.row).toBe(2);
    expect(extra.message).toBe('Row 2 has 3 cells but the header has 2.');
    // A trailing empty cell (a delimiter at the end of the line) is not data.
    expect(parseImportedList('x.csv', 'name,country\nAcme,Israel,\n', META).list.entries).toHaveLength(1);
  });

  it('refuses a repeated header column, a header without rows, and missing metadata', () => {
    expect(failure(() => parseImportedList('x.csv', 'name,Name\nA,B\n', META)).code).toBe('duplicate-column');
    expect(failure(() => parseImportedList('x.csv', 'name,country\n\n', META)).code).toBe('no-entries');
    const noTitle = failure(() => parseImportedList('x.csv', 'name\nAcme\n', { ...META, title: '  ' }));
    expect(noTitle.code).toBe('missing-title');
    expect(noTitle.at.column).toBe('title');
    expect(failure(() => parseImportedList('x.csv', 'name\nAcme\n', { ...META, publisher: '' })).code).toBe(
      'missing-publisher',
    );
    const badDate = failure(() => parseImportedList('x.csv', 'name\nAcme\n', { ...META, published: '1 March 2026' }));
    expect(badDate.code).toBe('bad-date');
    expect(badDate.at.column).toBe('published');
  });

  it('refuses a file that is neither CSV nor JSON', () => {
    expect(failure(() => parseImportedList('list.xlsx', 'PK\u0003\u0004', META)).code).toBe('unknown-format');
  });
});

const JSON_LIST = {
  id: 'ngo-export',
  title: 'NGO export',
  publisher: 'Some NGO',
  published: '2025-06',
  coverage_note: 'A sample of the companies the NGO documents.',
  categories: { c1: 'Builds in settlements' },
  entries: [
    {
      name: 'Acme Holdings Ltd.',
      aliases: ['Acme'],
      country: 'Israel',
      categories: ['c1'],
      rationale: 'Builds.',
      evidence_url: 'https://example.org/acme',
    },
    { name: 'Beta BV', aliases: [], country: null, categories: [], rationale: '', evidence_url: '' },
  ],
};

describe('JSON import', () => {
  it('reads the shape of data/lists/*.json, with file metadata filling what the form leaves empty', () => {
    const { list, warnings, format } = parseImportedList('ngo.json', JSON.stringify(JSON_LIST), {
      title: '',
      version: 'export of June',
    });
    expect(format).toBe('json');
    expect(warnings).toEqual([]);
    expect(list.id).toBe('user:ngo-export');
    expect(list.title).toBe('NGO export');
    expect(list.publisher).toBe('Some NGO');
    expect(list.published).toBe('2025-06');
    expect(list.version).toBe('export of June');
    expect(list.coverage_note).toBe('A sample of the companies the NGO documents.');
    expect(list.categories).toEqual({ c1: 'Builds in settlements' });
    expect(list.entries[0]).toEqual(JSON_LIST.entries[0]);
    expect(list.entries[1].country).toBeNull();
    // The form wins when filled in.
    expect(parseImportedList('ngo.json', JSON.stringify(JSON_LIST), { title: 'Mine' }).list.title).toBe('Mine');
  });

  it('imports a bundled list file as it is', () => {
    const text = readFileSync(resolve(__dirname, '../../data/lists/dbio-2024.json'), 'utf8');
    const bundled = JSON.parse(text) as { entries: unknown[] };
    const { list } = parseImportedList('dbio-2024.json', text);
    expect(list.id).toBe('user:dbio-2024');
    expect(list.entries).toHaveLength(bundled.entries.length);
  });

  it('says where a truncated file ends', () => {
    const text = JSON.stringify(JSON_LIST, null, 2);
    const cut = text.slice(0, 200);
    const e = failure(() => parseImportedList('ngo.json', cut, META));
    expect(e.code).toBe('json-truncated');
    const lines = cut.split('\n');
    expect(e.at.line).toBe(lines.length);
    expect(e.message).toMatch(/^The JSON file ends too early \(line \d+, character \d+\): it is probably cut off\.$/);
  });

  it('says where a syntax error is', () => {
    const text = '{\n  "title": "x",\n  "entries": [}\n}';
    const e = failure(() => parseImportedList('x.json', text, META));
    expect(e.code).toBe('json-syntax');
    expect(e.at.line).toBe(3);
    expect(e.message).toMatch(/^The JSON file is not valid at line 3, character \d+: /);
  });

  it('names the entry and field of bad entries', () => {
    const withEntry = (entry: unknown) => JSON.stringify({ ...JSON_LIST, entries: [JSON_LIST.entries[0], entry] });
    const noName = failure(() => parseImportedList('x.json', withEntry({ aliases: [] }), META));
    expect(noName.code).toBe('empty-name');
    expect(noName.at).toEqual({ row: 2, column: 'name' });
    const url = failure(() => parseImportedList('x.json', withEntry({ name: 'B', evidence_url: 'ftp://x' }), META));
    expect(url.code).toBe('bad-url');
    expect(url.message).toBe(
      'Entry 2, field evidence_url: "ftp://x" is not a web address (it must start with http:// or https://).',
    );
    const aliases = failure(() => parseImportedList('x.json', withEntry({ name: 'B', aliases: 'A|B' }), META));
    expect(aliases.code).toBe('json-shape');
    expect(aliases.message).toBe('Entry 2, field aliases: expected a list of texts.');
    const huge = failure(() =>
      parseImportedList('x.json', withEntry({ name: 'B', rationale: 'r'.repeat(MAX_CELL_CHARS + 5) }), META),
    );
    expect(huge.code).toBe('huge-cell');
    expect(huge.at).toEqual({ row: 2, column: 'rationale' });
  });

  it('refuses the wrong top-level shape and an empty entries list', () => {
    expect(failure(() => parseImportedList('x.json', '[{"name":"A"}]', META)).code).toBe('json-shape');
    expect(failure(() => parseImportedList('x.json', '{"title":"x"}', META)).message).toBe(
      '"entries": expected a list of entries.',
    );
    expect(failure(() => parseImportedList('x.json', '{"entries":[]}', META)).code).toBe('no-entries');
  });

  it('checks the fields against the list schema, in the words of the other errors', () => {
    const withEntry = (entry: unknown) => JSON.stringify({ ...JSON_LIST, entries: [JSON_LIST.entries[0], entry] });
    const date = failure(() => parseImportedList('x.json', withEntry({ name: 'B', listed: '8 May 2024' }), META));
    expect(date.code).toBe('json-shape');
    expect(date.at).toEqual({ row: 2, column: 'listed' });
    expect(date.message).toBe('Entry 2, field listed: expected a date written YYYY, YYYY-MM or YYYY-MM-DD.');
    const status = failure(() => parseImportedList('x.json', withEntry({ name: 'B', status: 'gone' }), META));
    expect(status.message).toBe('Entry 2, field status: expected "listed" or "delisted".');
    const alias = failure(() => parseImportedList('x.json', withEntry({ name: 'B', aliases: ['A', 3] }), META));
    expect(alias.at).toEqual({ row: 2, column: 'aliases' });
    const blank = JSON.stringify({ ...JSON_LIST, entries: ['', JSON_LIST.entries[0]] });
    expect(failure(() => parseImportedList('x.json', blank, META)).at).toEqual({ row: 1, column: '(entry)' });
    const url = failure(() => parseImportedList('x.json', JSON.stringify({ ...JSON_LIST, url: 'example.org' }), META));
    expect([url.code, url.at]).toEqual(['bad-url', { column: 'url' }]);
    const published = JSON.stringify({ ...JSON_LIST, published: 'June 2025' });
    expect(failure(() => parseImportedList('x.json', published, META)).code).toBe('bad-date');
    const categories = JSON.stringify({ ...JSON_LIST, categories: { c1: 7 } });
    expect(failure(() => parseImportedList('x.json', categories, META)).message).toBe(
      '"categories": expected an object mapping each criterion code to its text.',
    );
  });

  it('keeps what the schema allows: other entity types, blank texts and nulls as absent', () => {
    const entry = { name: ' Gamma Ltd ', entity_type: 'individual', aliases: ['', 'G'], rationale: null, listed: '' };
    const { list } = parseImportedList('x.json', JSON.stringify({ ...JSON_LIST, entries: [entry] }));
    expect(list.entries).toEqual([
      {
        name: 'Gamma Ltd',
        aliases: ['G'],
        country: null,
        categories: [],
        rationale: '',
        evidence_url: '',
        entity_type: 'individual',
      },
    ]);
    expect(isImportedListShape(list)).toBe(true);
    expect(isImportedListShape({ ...list, entries: [{ aliases: [] }] })).toBe(false);
    expect(isImportedListShape(null)).toBe(false);
  });

  it('warns on a repeated name in JSON too', () => {
    const text = JSON.stringify({ ...JSON_LIST, entries: [...JSON_LIST.entries, { name: 'acme holdings ltd' }] });
    const { warnings } = parseImportedList('x.json', text);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toBe(
      'Entry 3 repeats the name "acme holdings ltd" of entry 1; both are kept and shown as one company.',
    );
  });
});

describe('never a partial list', () => {
  it('every cut-off prefix of a JSON list is refused as cut off', () => {
    const text = JSON.stringify(JSON_LIST, null, 2);
    for (let n = 1; n < text.length; n++) {
      const e = failure(() => parseImportedList('x.json', text.slice(0, n), META));
      expect(e.code, `prefix of ${n}`).toBe('json-truncated');
      expect(e.at.line).toBe(text.slice(0, n).split('\n').length);
    }
  });

  it('every CSV cut inside a quoted cell is refused; cuts between rows give fewer rows, never a changed row', () => {
    const text = 'name,rationale\n"Acme, Ltd","says ""yes"""\n"Beta BV","multi\nline"\n';
    const full = parseImportedList('x.csv', text, META).list.entries;
    for (let n = 'name,rationale\n'.length + 1; n < text.length; n++) {
      let entries;
      try {
        entries = parseImportedList('x.csv', text.slice(0, n), META).list.entries;
      } catch (err) {
        expect(err, `prefix of ${n}`).toBeInstanceOf(ImportError);
        continue;
      }
      // What parses is a prefix of the full list whose rows are complete, except that a
      // cut right after a closing quote or inside an unquoted cell is indistinguishable
      // from a complete row: those are the rows the user sees in the preview count.
      for (let i = 0; i < entries.length - 1; i++) expect(entries[i]).toEqual(full[i]);
    }
  });
});
