// Reading screening input: CSV and XLSX column choice, pasted cells, encodings, and bad
// files. A bad file is a ScreeningInputError that says what and where (row, line, column):
// never a partial list of names that would look complete.
import { DOMParser } from 'linkedom';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/universal';
import {
  MAX_NAME_LENGTH,
  ScreeningInputError,
  chooseColumn,
  chooseSheet,
  findColumn,
  guessColumn,
  inputsFromSheet,
  loadPastedText,
  loadScreeningFile,
  parseCsvTable,
  type LoadedInput,
  type ScreeningErrorInfo,
  type SheetTable,
} from '../../src/formats/tables';

const parseXml = (xml: string): Document => new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
const utf8 = (s: string) => new TextEncoder().encode(s);
const load = (name: string, content: string | Uint8Array) =>
  loadScreeningFile(name, typeof content === 'string' ? utf8(content) : content, parseXml);

async function failure(p: Promise<unknown> | (() => unknown)): Promise<ScreeningErrorInfo> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    expect(e).toBeInstanceOf(ScreeningInputError);
    return (e as ScreeningInputError).info;
  }
  throw new Error('expected a ScreeningInputError, got a result');
}

function table(loaded: LoadedInput): SheetTable[] {
  expect(loaded.kind).toBe('table');
  return loaded.kind === 'table' ? loaded.sheets : [];
}

type Cell = string | number | Date | null;
async function xlsx(sheets: { name: string; rows: Cell[][] }[]): Promise<Uint8Array> {
  const data = sheets.map((s) => ({
    sheet: s.name,
    data: s.rows.map((r) =>
      r.map((v) => (v === null ? null : v instanceof Date ? { value: v, format: 'yyyy-mm-dd' } : { value: v })),
    ),
  }));
  const blob = await (writeXlsxFile as unknown as (s: unknown) => { toBlob(): Promise<Blob> })(data).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

describe('CSV column choice', () => {
  it('takes the only column, and knows a header when it sees one', async () => {
    const [sheet] = table(await load('names.csv', 'Name\nElbit Systems Ltd\nAcme BV\n'));
    expect(guessColumn(sheet)).toEqual({ column: 0, header: true });
    const { inputs } = inputsFromSheet(sheet, { column: 0, header: true });
    expect(inputs.map((i) => i.input)).toEqual(['Elbit Systems Ltd', 'Acme BV']);
    expect(inputs[1].source).toEqual({ kind: 'cell', row: 3, column: 'A', header: 'Name' });
    // No header word: the first row is a name too.
    const [plain] = table(await load('names.csv', 'Elbit Systems Ltd\nAcme BV\n'));
    expect(guessColumn(plain)).toEqual({ column: 0, header: false });
    expect(inputsFromSheet(plain, { column: 0, header: false }).inputs).toHaveLength(2);
  });

  it('finds the name column by its header in Dutch, French or English, with ; as delimiter', async () => {
    const [sheet] = table(
      await load('inschrijvers.csv', 'Dossier;Inschrijver;Bedrag\n1;Elbit Systems Ltd;100\n2;"Acme; Zonen BV";200\n'),
    );
    expect(guessColumn(sheet)).toEqual({ column: 1, header: true });
    expect(inputsFromSheet(sheet, { column: 1, header: true }).inputs.map((i) => i.input)).toEqual([
      'Elbit Systems Ltd',
      'Acme; Zonen BV',
    ]);
    const [fr] = table(await load('f.csv', 'Lot,Soumissionnaire,Montant\n1,Carrefour SA,10\n'));
    expect(guessColumn(fr)).toEqual({ column: 1, header: true });
  });

  it('asks when several columns could hold the names, and lists them', async () => {
    const [sheet] = table(await load('x.csv', 'Supplier,Bidder,Country\nA,B,NL\n'));
    expect(guessColumn(sheet)).toBeNull();
    const info = await failure(() => chooseColumn([sheet], {}));
    expect(info.code).toBe('column-ambiguous');
    expect(info.detail).toBe('A (Supplier), B (Bidder), C (Country)');
    // No header word at all: ambiguous too.
    const [bare] = table(await load('x.csv', 'Acme,Beta\nGamma,Delta\n'));
    expect(guessColumn(bare)).toBeNull();
    // One name header among others: that one.
    const [one] = table(await load('x.csv', 'Company,Parent company,Country\nA,B,NL\n'));
    expect(guessColumn(one)).toEqual({ column: 0, header: true });
  });

  it('takes --column as a header, a letter or a number, and says which columns exist otherwise', async () => {
    const [sheet] = table(await load('x.csv', 'Ref,Leverancier,Land\n7,Elbit Systems Ltd,IL\n'));
    expect(findColumn(sheet, 'leverancier')).toEqual({ column: 1, header: true });
    expect(findColumn(sheet, 'B').column).toBe(1);
    expect(findColumn(sheet, '3').column).toBe(2);
    const info = await failure(() => findColumn(sheet, 'Supplier'));
    expect(info).toMatchObject({
      code: 'column-not-found',
      column: 'Supplier',
      detail: 'A (Ref), B (Leverancier), C (Land)',
    });
  });

  it('reports empty name cells in filled rows, and an empty column as an error', async () => {
    const [sheet] = table(await load('x.csv', 'Name,Country\nAcme,NL\n,BE\n\nBeta,FR\n'));
    const { inputs, emptyRows } = inputsFromSheet(sheet, { column: 0, header: true });
    expect(inputs.map((i) => [i.input, i.source.kind === 'cell' && i.source.row])).toEqual([
      ['Acme', 2],
      ['Beta', 5],
    ]);
    expect(emptyRows).toEqual([3]);
    expect(await failure(() => inputsFromSheet(sheet, { column: 2, header: true }))).toMatchObject({
      code: 'column-empty',
    });
  });

  it('treats pasted spreadsheet cells (tabs) as a table and plain lines as names', () => {
    const pasted = loadPastedText('Name\tCountry\nElbit Systems Ltd\tIL\n');
    expect(table(pasted)[0].rows[1]).toEqual(['Elbit Systems Ltd', 'IL']);
    const lines = loadPastedText('  Elbit Systems Ltd \n\nMotorola Solutions, Inc.\n');
    expect(lines.kind).toBe('names');
    if (lines.kind === 'names') {
      expect(lines.inputs.map((i) => [i.input, i.source])).toEqual([
        ['Elbit Systems Ltd', { kind: 'line', line: 1 }],
        ['Motorola Solutions, Inc.', { kind: 'line', line: 3 }],
      ]);
    }
  });
});

describe('XLSX column choice', () => {
  it('reads sheets, chooses the column by header, and turns numbers and dates into text', async () => {
    const bytes = await xlsx([
      { name: 'Notes', rows: [] },
      {
        name: 'Bidders',
        rows: [
          ['Lot', 'Bidder', 'Date'],
          [1, 'Elbit Systems Ltd', new Date(Date.UTC(2024, 0, 2))],
          [2, 12345, null],
          [3, null, null],
        ],
      },
    ]);
    const sheets = table(await load('bidders.xlsx', bytes));
    expect(sheets.map((s) => s.name)).toEqual(['Notes', 'Bidders']);
    // The first sheet with data, by default.
    expect(chooseSheet(sheets)).toBe(1);
    expect(sheets[1].rows[1]).toEqual(['1', 'Elbit Systems Ltd', '2024-01-02']);
    const choice = chooseColumn(sheets, {});
    expect(choice).toEqual({ sheet: 1, column: 1, header: true });
    const { inputs, emptyRows } = inputsFromSheet(sheets[1], choice);
    expect(inputs.map((i) => i.input)).toEqual(['Elbit Systems Ltd', '12345']);
    expect(inputs[0].source).toEqual({ kind: 'cell', row: 2, column: 'B', header: 'Bidder' });
    expect(emptyRows).toEqual([4]);
    expect(chooseColumn(sheets, { sheet: 'bidders', column: 'C' })).toEqual({ sheet: 1, column: 2, header: true });
    expect(await failure(() => chooseSheet(sheets, 'Suppliers'))).toMatchObject({
      code: 'sheet-not-found',
      detail: 'Suppliers',
    });
  });

  it('rejects a truncated workbook, an old .xls and a ZIP that is not a workbook', async () => {
    const bytes = await xlsx([{ name: 'S', rows: [['Name'], ['Acme']] }]);
    expect(await failure(load('cut.xlsx', bytes.slice(0, Math.floor(bytes.length / 2))))).toMatchObject({
      code: 'xlsx-corrupt',
    });
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await failure(load('old.xls', ole))).toMatchObject({ code: 'old-xls' });
    const zip = zipSync({ 'readme.txt': utf8('not a workbook') });
    expect(await failure(load('archive.xlsx', zip))).toMatchObject({ code: 'not-xlsx' });
    const ods = zipSync({
      mimetype: utf8('application/vnd.oasis.opendocument.spreadsheet'),
      'content.xml': utf8('<x/>'),
    });
    expect(await failure(load('names.ods', ods))).toMatchObject({ code: 'not-xlsx' });
    // A file named .xlsx that is not a ZIP at all (an HTML error page saved as .xlsx).
    expect(await failure(load('download.xlsx', '<html>Session expired</html>'))).toMatchObject({
      code: 'xlsx-corrupt',
    });
  });
});

describe('malformed text files', () => {
  it('names the row, line and column of an unclosed quote (a truncated file)', async () => {
    const info = await failure(load('x.csv', 'Name,Country\nAcme,NL\n"Motorola Solutions, Inc.,US\nBeta,BE\n'));
    expect(info).toMatchObject({ code: 'csv-unclosed-quote', row: 3, line: 3, column: 'A' });
  });

  it('counts lines, not rows, after cells that span lines', () => {
    let info: ScreeningErrorInfo | null = null;
    try {
      parseCsvTable('Name,Note\n"Acme","two\nlines"\nBeta,"x" y\n');
    } catch (e) {
      info = (e as ScreeningInputError).info;
    }
    expect(info).toMatchObject({ code: 'csv-bad-quote', row: 3, line: 4, column: 'B' });
  });

  it('rejects a row with more cells than the header: an unquoted comma in a name', async () => {
    const info = await failure(load('x.csv', 'Name,Country\nAcme,NL\nMotorola Solutions, Inc.,US\n'));
    expect(info).toMatchObject({ code: 'csv-extra-columns', row: 3, column: 'C', count: 3, limit: 2, detail: ',' });
    // Trailing empty cells are not extra columns.
    expect(table(await load('x.csv', 'Name,Country\nAcme,NL,,\n'))[0].rows[1]).toEqual(['Acme', 'NL', '', '']);
  });

  it('rejects a huge cell in the name column, with where it is', async () => {
    const [sheet] = table(await load('x.csv', `Name,Note\nAcme,ok\n${'x'.repeat(MAX_NAME_LENGTH + 1)},ok\n`));
    expect(await failure(() => inputsFromSheet(sheet, { column: 0, header: true }))).toMatchObject({
      code: 'cell-too-long',
      row: 3,
      column: 'A (Name)',
      count: MAX_NAME_LENGTH + 1,
    });
    // A long note in another column is not a name: fine.
    const [notes] = table(await load('x.csv', `Name,Note\nAcme,${'y'.repeat(5000)}\n`));
    expect(inputsFromSheet(notes, { column: 0, header: true }).inputs).toHaveLength(1);
    expect(await failure(load('x.txt', `Acme\n${'z'.repeat(MAX_NAME_LENGTH + 1)}\n`))).toMatchObject({
      code: 'cell-too-long',
      line: 2,
    });
  });

  it('reads windows-1252 and UTF-16 exports, and says when it guessed the encoding', async () => {
    const cp1252 = new Uint8Array([
      ...utf8('Name\nSoci'),
      0xe9,
      ...utf8('t'),
      0xe9,
      ...utf8(' G'),
      0xe9,
      ...utf8('n'),
      0xe9,
      ...utf8('rale SA\n'),
    ]);
    const loaded = await load('x.csv', cp1252);
    expect(table(loaded)[0].rows[1]).toEqual(['Société Générale SA']);
    expect(loaded.warnings).toEqual([{ code: 'encoding', encoding: 'windows-1252', detectedBy: 'fallback' }]);
    const u16 = new Uint8Array([
      0xff,
      0xfe,
      ...Array.from('Name\tLand\nAcme\tNL\n').flatMap((c) => [c.charCodeAt(0), 0]),
    ]);
    const loaded16 = await load('export.txt', u16);
    expect(table(loaded16)[0].rows[1]).toEqual(['Acme', 'NL']);
  });

  it('rejects empty, binary and HTML files, and truncated data files', async () => {
    expect(await failure(load('x.csv', ''))).toMatchObject({ code: 'empty' });
    expect(await failure(load('x.txt', ' \n\n '))).toMatchObject({ code: 'empty' });
    expect(await failure(load('x.bin', new Uint8Array([1, 2, 0, 0, 5, 6])))).toMatchObject({ code: 'binary' });
    expect(await failure(load('page.html', '<!doctype html><p>Acme</p>'))).toMatchObject({ code: 'html' });
    const truncated = await failure(load('release.json', '{"ocid": "ocds-1", "parties": [{"name": "Acme'));
    expect(truncated.code).toBe('data-file');
    expect(truncated.detail).toMatch(/^invalid JSON/);
    const xml = await failure(load('notice.xml', '<?xml version="1.0"?><TED_EXPORT><CODED_DATA_SECTION>'));
    expect(xml.code).toBe('data-file');
  });

  it('keeps names that look like markup or formulas as text', async () => {
    const [sheet] = table(
      await load('x.csv', 'Name\n<img src=x onerror=alert(1)>\n"=HYPERLINK(""http://x"",""y"")"\n'),
    );
    expect(inputsFromSheet(sheet, { column: 0, header: true }).inputs.map((i) => i.input)).toEqual([
      '<img src=x onerror=alert(1)>',
      '=HYPERLINK("http://x","y")',
    ]);
  });
});
