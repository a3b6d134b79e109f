// parseDataFile (the entry the CLI calls), detectDataFormat, and malformed input: every bad file
// is a FormatError naming the file and the problem, never a partial result.
import { readdirSync, readFileSync } from 'node:fs';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detectDataFormat, FormatError, parseDataFile, tedXmlBlocks } from '../../src/formats';
import { xmlStructureError } from '../../src/formats/xml-check';

const dir = new URL('../fixtures/data-files/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8');
const parseXml = (xml: string): Document => new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
const parse = (fileName: string, text: string) => parseDataFile(fileName, text, parseXml);

function expectFormatError(fileName: string, text: string, message: string | RegExp): void {
  let thrown: unknown;
  try {
    parse(fileName, text);
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(FormatError);
  expect((thrown as FormatError).message.startsWith(`${fileName}: `)).toBe(true);
  expect((thrown as FormatError).message).toMatch(message);
}

describe('parseDataFile on every fixture', () => {
  const expected: Record<string, [string, number]> = {
    'ocds-mexico-gacm-release-112-esteva.json': ['ocds-release', 3],
    'ocds-paraguay-record-273637.json': ['ocds-record-package', 2],
    'ocds-uk-contractsfinder-metoffice-tender-2014.json': ['ocds-release', 1],
    'ted-eforms-can-2024-OJS065-00191534-belgium-fod-bosa-cleaning.xml': ['ted-eforms', 8],
    'ted-eforms-can-2024-OJS065-00191536-netherlands-waterschap.xml': ['ted-eforms', 3],
    'ted-eforms-can-2024-OJS072-00215550-poland-hospital-pharma-astrazeneca.xml': ['ted-eforms', 4],
    'ted-eforms-can-2024-OJS170-00525037-finland-transport.xml': ['ted-eforms', 8],
    'ted-eforms-can-2024-OJS198-00611835-belgium-ombudsman-ict.xml': ['ted-eforms', 12],
    'ted-eforms-converted-22-091559.xml': ['ted-eforms', 18],
    'ted-xml-r209-19-271873.xml': ['ted-xml-r209', 8],
    'ted-xml-r209-20-157543.xml': ['ted-xml-r209', 5],
    'ted-xml-r209-20-537923.xml': ['ted-xml-r209', 44],
    'ted-xml-r209-21-000061.xml': ['ted-xml-r209', 14],
    'ted-xml-r209-21-139343.xml': ['ted-xml-r209', 22],
    'ted-xml-r209-21-205737.xml': ['ted-xml-r209', 3],
    'ted-xml-r209-22-091559.xml': ['ted-xml-r209', 18],
  };

  it('covers every OCDS and TED file in the fixture folder', () => {
    const files = readdirSync(dir).filter((f) => /^(ocds|ted)-.*\.(json|xml)$/.test(f));
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [file, [format, count]] of Object.entries(expected)) {
    it(`${file}: ${format}, ${count} blocks, each with a role and a source`, () => {
      const text = read(file);
      expect(detectDataFormat(file, text)).toBe(file.endsWith('.json') ? 'ocds' : 'ted-xml');
      const r = parse(file, text);
      expect(r.format).toBe(format);
      const parties = r.blocks.filter((b) => b.kind === 'party');
      expect(parties).toHaveLength(count);
      for (const b of parties) {
        expect(b.text).toBe(b.text.trim());
        expect(b.text).not.toMatch(/\s{2}/);
        expect(b.field).not.toBeNull();
        expect(b.source).not.toBe('');
      }
    });
  }

  it('tolerates a UTF-8 BOM and a misleading .txt name', () => {
    const text = '\uFEFF' + read('ocds-uk-contractsfinder-metoffice-tender-2014.json');
    expect(detectDataFormat('export.txt', text)).toBe('ocds');
    expect(parse('export.txt', text).blocks.map((b) => b.text)).toEqual(['Met Office']);
    const xml = '\uFEFF' + read('ted-xml-r209-21-205737.xml');
    expect(parse('notice', xml).blocks.map((b) => b.text)).toContain('Cellnex UK Ltd');
  });
});

describe('malformed input: a FormatError with a clear message, never a partial result', () => {
  it('an empty file (or only whitespace / a BOM)', () => {
    expectFormatError('empty.json', '', /empty file/);
    expectFormatError('blank.xml', ' \n\t', /empty file/);
    expectFormatError('bom.json', '\uFEFF', /empty file/);
  });

  it('truncated OCDS JSON', () => {
    const text = read('ocds-paraguay-record-273637.json');
    expectFormatError('cut.json', text.slice(0, text.length / 2), /^cut\.json: invalid JSON: /);
  });

  it('truncated TED XML (linkedom alone would silently close the open elements)', () => {
    for (const file of [
      'ted-xml-r209-20-537923.xml',
      'ted-eforms-can-2024-OJS065-00191534-belgium-fod-bosa-cleaning.xml',
    ]) {
      const text = read(file);
      const cut = text.slice(0, Math.floor(text.length * 0.6));
      expect(parseXml(cut).documentElement).not.toBeNull(); // the lenient parse "succeeds"...
      expectFormatError(file, cut, /malformed XML: .*(truncated|unterminated)/); // ...the file does not
    }
  });

  it('XML with mismatched tags', () => {
    const text = read('ted-xml-r209-21-205737.xml').replace('</OFFICIALNAME>', '</OFFICIALNAM>');
    expectFormatError(
      'bad.xml',
      text,
      /malformed XML: mismatched <\/OFFICIALNAM> at line \d+: <OFFICIALNAME> is still open/,
    );
  });

  it('JSON that is not OCDS (real Target search results; an object without OCDS keys)', () => {
    expectFormatError(
      'target.json',
      read('target-us-search-records-hp-laptops.json'),
      "not an OCDS release, record or package: missing 'ocid'/'releases'/'records' (the file is a JSON array, expected an object)",
    );
    expectFormatError(
      'products.json',
      '{"products": [{"brands": "Lay\'s"}]}',
      "products.json: not an OCDS release, record or package: missing 'ocid'/'releases'/'records'",
    );
  });

  it('XML that is not a TED notice (real contratacion.euskadi.eus notice)', () => {
    const text = read('euskadi-contratacion-tender-2022-notice.xml');
    expect(detectDataFormat('notice.xml', text)).toBe('unknown');
    expectFormatError('notice.xml', text, 'notice.xml: not a TED notice: root element <contractingAnnouncement>');
  });

  it('an eForms root name in a non-UBL namespace is not a TED notice', () => {
    expectFormatError(
      'x.xml',
      '<ContractNotice xmlns="urn:example"><A/></ContractNotice>',
      'not a TED notice: root element <ContractNotice>',
    );
  });

  it('HTML or plain text given as a data file', () => {
    expectFormatError(
      'page.html',
      '<!doctype html><html><body>Hi</body></html>',
      /not a procurement data file \(looks like html\)/,
    );
    expectFormatError('notes.txt', 'Awarded to Acme', /not a procurement data file \(looks like text\)/);
  });

  it('a browser-style <parsererror> document', () => {
    const firefox = parseXml(
      '<parsererror xmlns="http://www.mozilla.org/newlayout/xml/parsererror.xml">XML Parsing Error: no root element found</parsererror>',
    );
    expect(() => tedXmlBlocks(firefox)).toThrow(
      new FormatError('malformed XML: XML Parsing Error: no root element found'),
    );
    const chromium = parseXml(
      '<TED_EXPORT><parsererror><div>error on line 3 at column 1: Extra content at the end of the document</div></parsererror><FORM_SECTION/></TED_EXPORT>',
    );
    expect(() => tedXmlBlocks(chromium)).toThrow(/malformed XML: error on line 3/);
  });

  it('a TED_EXPORT without a form', () => {
    expectFormatError(
      'x.xml',
      '<TED_EXPORT><FORM_SECTION></FORM_SECTION></TED_EXPORT>',
      'TED notice <TED_EXPORT> has no form in FORM_SECTION',
    );
  });
});

describe('xmlStructureError', () => {
  it('accepts every real XML fixture', () => {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.xml')))
      expect(xmlStructureError(read(f)), f).toBeNull();
  });

  it('accepts comments, CDATA, PIs, a DOCTYPE with internal subset, > in attribute values', () => {
    expect(
      xmlStructureError(
        '<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY x "y">]>\n<!-- <b> -->\n<a t="1 > 0"><![CDATA[<b>]]><c/></a>\n',
      ),
    ).toBeNull();
  });

  it('reports the problem', () => {
    expect(xmlStructureError('<a><b></a>')).toBe('mismatched </a> at line 1: <b> is still open');
    expect(xmlStructureError('<a/><b/>')).toBe('second root element <b> at line 1');
    expect(xmlStructureError('<a></a>junk')).toBe('text outside the root element at line 1');
    expect(xmlStructureError('<a x="1')).toMatch(/unterminated attribute value/);
    expect(xmlStructureError('<a>\n<b>')).toBe('the file ends inside <b> (file truncated?)');
    expect(xmlStructureError('<a><!-- x')).toBe('unterminated comment at line 1');
    expect(xmlStructureError('<?xml version="1.0"?>')).toBe('no root element');
  });
});

describe('detectDataFormat', () => {
  it.each([
    ['page.html', '<!DOCTYPE html><html><body></body></html>', 'html'],
    [
      'page.bin',
      '<?xml version="1.0"?>\n<!-- saved -->\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
      'html',
    ],
    ['saved.htm', '<div>no doctype</div>', 'html'],
    ['download', '<body><p>Awarded to Acme</p></body>', 'html'],
    ['notes.txt', 'Awarded to Acme', 'text'],
    ['notes', 'Awarded to Acme', 'text'],
    ['rows.csv', 'name,role\nAcme,supplier\n', 'csv'],
    ['rows.tsv', 'name\trole\n', 'csv'],
    ['book.xlsx', 'PK\u0003\u0004\u0014\u0000', 'xlsx'],
    ['archive.zip', 'PK\u0003\u0004\u0014\u0000', 'unknown'],
    ['data.json', '{"products": []}', 'unknown'],
    ['data.json', '[{"ocid": "x"}]', 'unknown'],
    ['release.json', '{"ocid": "ocds-1", "tender": {}}', 'ocds'],
    ['package.json', '{ "uri": "x",\n  "releases" : [] }', 'ocds'],
    ['cut.json', '{"records": [{"ocid": "ocds-1", "compiled', 'ocds'],
    ['n.xml', '<?xml version="1.0"?><TED_EXPORT VERSION="R2.0.9.S05.E01"/>', 'ted-xml'],
    ['n.xml', '<TED_ESENDERS xmlns="http://publications.europa.eu/resource/schema/ted/R2.0.9/reception"/>', 'ted-xml'],
    [
      'n.xml',
      '<can:ContractAwardNotice xmlns:can="urn:oasis:names:specification:ubl:schema:xsd:ContractAwardNotice-2"/>',
      'ted-xml',
    ],
    ['n.xml', '<PriorInformationNotice/>', 'ted-xml'],
    ['n.xml', '<?xml version="1.0"?><contractingAnnouncement/>', 'unknown'],
    ['empty.json', '', 'unknown'],
    ['empty.txt', '', 'text'],
  ])('%s %j -> %s', (name, text, kind) => {
    expect(detectDataFormat(name, text)).toBe(kind);
  });
});

describe('src/formats stays portable (runs in the extension and in Node)', () => {
  it('uses no DOM globals and no Node APIs', () => {
    const srcDir = new URL('../../src/formats/', import.meta.url);
    for (const f of readdirSync(srcDir).filter((n) => n.endsWith('.ts'))) {
      const code = readFileSync(new URL(f, srcDir), 'utf8')
        .split('\n')
        .filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l))
        .join('\n');
      expect(code, f).not.toMatch(
        /\b(window|document|globalThis|process|Buffer)\s*\.|\bDOMParser\b|\brequire\(|from '(node:|fs|path|linkedom)/,
      );
    }
  });
});
