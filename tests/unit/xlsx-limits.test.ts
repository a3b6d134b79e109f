// The .xlsx reader streams a workbook within its limits: sizes declared in the ZIP directory
// are checked before anything is inflated, real sizes while inflating (a directory can lie),
// rows and cells while the sheet XML is still arriving. And it reads what spreadsheets write:
// shared and inline strings, rich text, numbers, booleans, dates, gaps between rows and cells.
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCompiledData } from '../../scripts/build-data';
import { InputError, type CliIo } from '../../src/cli/io';
import { runScreen } from '../../src/cli/screen';
import { Matcher } from '../../src/core/matcher';
import { TABLE_MAX_ROWS } from '../../src/formats/limits';
import { ScreeningInputError, loadScreeningFile, readXlsxTables } from '../../src/formats/tables';

const enc = (s: string) => new TextEncoder().encode(s);
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

interface SheetSpec {
  name: string;
  /** The <sheetData> content. */
  rows: string;
}

function parts(sheets: SheetSpec[], extra: Record<string, string> = {}): Record<string, Uint8Array> {
  const files: Record<string, string> = {
    '[Content_Types].xml': '<Types/>',
    'xl/workbook.xml':
      `<workbook ${NS} ${RNS}><sheets>` +
      sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<Relationships>' +
      sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('') +
      '</Relationships>',
    ...Object.fromEntries(
      sheets.map((s, i) => [
        `xl/worksheets/sheet${i + 1}.xml`,
        `<worksheet ${NS}><sheetData>${s.rows}</sheetData></worksheet>`,
      ]),
    ),
    ...extra,
  };
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, enc(v)]));
}

const workbook = (sheets: SheetSpec[], extra: Record<string, string> = {}) => zipSync(parts(sheets, extra));

/** Rewrites the uncompressed size an entry's central directory and local header declare. */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let p = 0; p + 46 < out.length; p++) {
    if (view.getUint32(p, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(p + 28, true);
    if (new TextDecoder().decode(out.subarray(p + 46, p + 46 + nameLength)) !== name) continue;
    view.setUint32(p + 24, size, true);
    view.setUint32(view.getUint32(p + 42, true) + 22, size, true);
    return out;
  }
  throw new Error(`no entry ${name}`);
}

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof ScreeningInputError) return e.info;
    throw e;
  }
  throw new Error('expected a ScreeningInputError');
}

const sheet = { name: 'S', rows: '<row><c t="inlineStr"><is><t>Elbit Systems Ltd</t></is></c></row>' };

describe('reading SpreadsheetML', () => {
  it('shared strings (rich text, phonetic guides left out), inline strings, numbers, booleans, dates, gaps', async () => {
    const sharedStrings =
      `<sst ${NS}><si><t>Name</t></si><si><r><t>Soci&#233;t&#xE9; </t></r><r><rPr><b/></rPr><t>G&#xe9;n&#233;rale</t></r></si>` +
      '<si><t>Elbit</t><rPh><t>エルビット</t></rPh></si></sst>';
    const styles =
      `<styleSheet ${NS}><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="&quot;Lot&quot; 0"/></numFmts>` +
      '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>';
    const rows =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>Date</t></is></c></row>' +
      '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" s="1"><v>45293</v></c></row>' +
      '<row r="5"><c r="A5" t="s"><v>2</v></c><c r="B5" s="3"><v>7.50</v></c><c r="C5" s="2"><v>45293.5</v></c></row>' +
      '<row r="6"><c r="A6" t="str"><v>Acme &amp; Sons &lt;BV&gt;</v></c></row><row r="9"/>';
    const bytes = workbook([{ name: 'Bidders', rows }], {
      'xl/sharedStrings.xml': sharedStrings,
      'xl/styles.xml': styles,
    });
    const [sheet] = await readXlsxTables(bytes);
    expect(sheet).toEqual({
      name: 'Bidders',
      rows: [
        ['Name', '', 'Date'],
        ['Société Générale', 'true', '2024-01-02'],
        [],
        [],
        ['Elbit', '7.5', '2024-01-02T12:00:00.000Z'],
        ['Acme & Sons <BV>'],
      ],
    });
  });

  it('namespace prefixes, sheets in the workbook order, 1904 dates and the shared strings the relationships name', async () => {
    const files = parts([
      { name: 'First', rows: '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c s="1"><x:v>0</x:v></x:c></x:row>' },
      { name: 'Second', rows: '<x:row><x:c t="inlineStr"><x:is><x:t>Acme</x:t></x:is></x:c></x:row>' },
    ]);
    files['xl/workbook.xml'] = enc(
      `<x:workbook ${RNS}><x:workbookPr date1904="1"/><x:sheets><x:sheet name="Second" r:id="rId2"/><x:sheet name="First" r:id="rId1"/></x:sheets></x:workbook>`,
    );
    files['xl/_rels/workbook.xml.rels'] = enc(
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/>' +
        '<Relationship Id="rId3" Target="strings/shared.xml" ' +
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>',
    );
    files['xl/strings/shared.xml'] = enc('<sst><si><t>Elbit Systems Ltd</t></si></sst>');
    files['xl/styles.xml'] = enc('<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>');
    const tables = await readXlsxTables(zipSync(files));
    expect(tables).toEqual([
      { name: 'Second', rows: [['Acme']] },
      { name: 'First', rows: [['Elbit Systems Ltd', '1904-01-01']] },
    ]);
  });
});

describe('limits', () => {
  it('refuses sizes the directory declares over the limit before inflating anything', async () => {
    // A sheet that claims 3 GiB: its data is not even valid deflate, so reading it at all
    // would be a "damaged" error, not this one.
    const zip = declareSize(workbook([sheet]), 'xl/worksheets/sheet1.xml', 3 * 1024 ** 3);
    expect(await failure(readXlsxTables(zip))).toMatchObject({ code: 'xlsx-too-large', count: 3 * 1024 ** 3 });
    const bigIndex = declareSize(workbook([sheet]), 'xl/workbook.xml', 0xfffffff0);
    expect(await failure(readXlsxTables(bigIndex))).toMatchObject({ code: 'xlsx-too-large' });
  });

  it('stops inflating when a part grows past what the directory declared', async () => {
    // 10 MiB of spaces inside <sheetData>, declared as 1,000 bytes: a bomb that lies.
    const files = parts([{ name: 'S', rows: ' '.repeat(10 * 1024 * 1024) }]);
    const zip = declareSize(zipSync(files), 'xl/worksheets/sheet1.xml', 1000);
    const info = await failure(readXlsxTables(zip));
    expect(info).toMatchObject({ code: 'xlsx-corrupt' });
    expect(info.detail).toMatch(/inflates to more than the 1000 bytes its directory declares/);
  });

  it('counts real sizes against the limit and refuses ZIP64 sizes', async () => {
    const files = parts([{ name: 'S', rows: ' '.repeat(200_000) }]);
    expect(await failure(readXlsxTables(zipSync(files), { bytes: 100_000, rows: 10, cells: 10 }))).toMatchObject({
      code: 'xlsx-too-large',
    });
    const zip64 = declareSize(workbook([sheet]), 'xl/worksheets/sheet1.xml', 0xffffffff);
    expect(await failure(readXlsxTables(zip64))).toMatchObject({ code: 'xlsx-too-large' });
  });

  it('refuses a sheet of a million rows while reading it, not after', async () => {
    // 8 MB of XML compressed to a few hundred KB, as in a real million-row export.
    const rows = '<row><c><v>1</v></c></row>'.repeat(1_000_000);
    const zip = zipSync(parts([{ name: 'S', rows }]), { level: 1 });
    expect(await failure(readXlsxTables(zip))).toMatchObject({ code: 'table-too-many-rows', limit: TABLE_MAX_ROWS });
  }, 30_000);

  it('counts skipped rows and cells too', async () => {
    const far = workbook([{ name: 'S', rows: '<row r="900000"><c><v>1</v></c></row>' }]);
    expect(await failure(readXlsxTables(far))).toMatchObject({ code: 'table-too-many-rows' });
    const wide = workbook([{ name: 'S', rows: '<row><c r="ZZ1"><v>1</v></c></row>' }]);
    expect(await failure(readXlsxTables(wide, { bytes: 1e6, rows: 10, cells: 100 }))).toMatchObject({
      code: 'xlsx-too-large',
    });
    expect((await readXlsxTables(wide))[0].rows[0]).toHaveLength(702);
  });

  it('a CSV over the row limit is refused while parsing', async () => {
    const csv = 'Name\n' + 'Acme\n'.repeat(TABLE_MAX_ROWS + 1);
    const info = await failure(loadScreeningFile('big.csv', enc(csv), () => null as unknown as Document));
    expect(info).toMatchObject({ code: 'table-too-many-rows', limit: TABLE_MAX_ROWS });
  });
});

describe('screen with a workbook bomb', () => {
  let matcher: Matcher;
  beforeAll(() => {
    matcher = Matcher.fromData(buildCompiledData());
  });

  it('exits 2 with the limit in the message, and reads the names of a good workbook', async () => {
    const bomb = declareSize(
      workbook([{ name: 'S', rows: '<row><c><v>1</v></c></row>' }]),
      'xl/worksheets/sheet1.xml',
      4_000_000_000,
    );
    const good = workbook([sheet]);
    const err: string[] = [];
    const out: string[] = [];
    const io: CliIo = {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      read: async (f) => {
        if (f === 'bomb.xlsx') return bomb;
        if (f === 'good.xlsx') return good;
        throw new InputError(`cannot read ${f}`);
      },
    };
    expect(await runScreen(['bomb.xlsx'], io, { matcher: () => matcher })).toBe(2);
    expect(err).toEqual([
      'settlement-screen: bomb.xlsx: the workbook expands to 3814.7 MiB of sheet data; at most 100 MiB can be read (save the column of names as CSV)',
    ]);
    expect(await runScreen(['good.xlsx', '--json'], io, { matcher: () => matcher })).toBe(0);
    expect(JSON.parse(out.join('\n')).rows.map((r: { result: string }) => r.result)).toEqual(['flag']);
  });
});
