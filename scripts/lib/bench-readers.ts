// The readers on damaged and hostile input: how long each takes, so the time bound the
// property tests (tests/unit/property-readers.test.ts) do not assert is measured here.
//   - per reader (CSV, XLSX, OCDS, TED XML, eForms, HTML, text): a file of about 1 MB,
//     damaged many ways (cut anywhere, bytes replaced, re-encoded, random bytes of the same
//     size), each read as `screen` or `scan` reads it; the slowest per megabyte counts;
//   - inputs made to hurt: XML and HTML nested 400,000 deep, a workbook of a million rows,
//     a workbook whose parts claim gigabytes, a CSV of 1.6 million rows, a TED notice naming
//     20,000 contractors: the time to read or refuse each.
import { DOMParser } from 'linkedom';
import { zipSync } from 'fflate';
import { InputError, type CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import type { Matcher } from '../../src/core/matcher';
import { ScreeningInputError, loadScreeningFile } from '../../src/formats/tables';
import { median } from './bench-report';
import { rng } from './bench-corpus';

export interface ReaderRow {
  reader: string;
  bytes: number;
  variants: number;
  medianMs: number;
  maxMs: number;
  maxMsPerMB: number;
  errors: number;
}

export interface HostileRow {
  input: string;
  bytes: number;
  ms: number;
  outcome: string;
}

export interface ReadersResult {
  readers: ReaderRow[];
  hostile: HostileRow[];
}

const enc = (s: string) => new TextEncoder().encode(s);
const parseXml = (s: string) => new DOMParser().parseFromString(s, 'text/xml') as unknown as Document;
const NAMES = ['Société Générale', 'Elbit Systems Ltd', 'Ahava Dead Sea Laboratories Ltd.', 'Acme Bakery BV'];

function rows(count: number, row: (i: number) => string): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(row(i));
  return out.join('\n');
}

const name = (i: number) => `${NAMES[i % NAMES.length]} ${i}`;

function validFiles(n: number): Record<string, { file: string; bytes: Uint8Array; via: 'screen' | 'scan' }> {
  const xlsxSheet = rows(n, (i) => `<row><c t="inlineStr"><is><t>${name(i)}</t></is></c></row>`);
  return {
    csv: { file: 'bidders.csv', via: 'screen', bytes: enc(`Naam;Stad\n${rows(n, (i) => `${name(i)};Gent`)}\n`) },
    text: { file: 'names.txt', via: 'scan', bytes: enc(rows(n, name) + '\n') },
    ocds: {
      file: 'release.json',
      via: 'screen',
      bytes: enc(
        JSON.stringify({
          ocid: 'ocds-x',
          parties: Array.from({ length: n }, (_, i) => ({ id: `p${i}`, name: name(i), roles: ['tenderer'] })),
        }),
      ),
    },
    'ted-xml': {
      file: 'notice.xml',
      via: 'screen',
      bytes: enc(
        `<TED_EXPORT VERSION="R2.0.9.S05"><FORM_SECTION><F03_2014 CATEGORY="ORIGINAL" LG="NL"><AWARD_CONTRACT>\n` +
          rows(
            Math.ceil(n / 4),
            (i) =>
              `<AWARDED_CONTRACT><CONTRACTORS><CONTRACTOR><ADDRESS_CONTRACTOR><OFFICIALNAME>${name(i)}</OFFICIALNAME></ADDRESS_CONTRACTOR></CONTRACTOR></CONTRACTORS></AWARDED_CONTRACT>`,
          ) +
          '\n</AWARD_CONTRACT></F03_2014></FORM_SECTION></TED_EXPORT>\n',
      ),
    },
    eforms: {
      file: 'eforms.xml',
      via: 'screen',
      bytes: enc(
        '<ContractAwardNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractAwardNotice-2" ' +
          'xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" ' +
          'xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" ' +
          'xmlns:efac="http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1" ' +
          'xmlns:efext="http://data.europa.eu/p27/eforms-ubl-extensions/1" ' +
          'xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2">' +
          '<ext:UBLExtensions><ext:UBLExtension><ext:ExtensionContent><efext:EformsExtension><efac:Organizations>\n' +
          rows(
            Math.ceil(n / 4),
            (i) =>
              `<efac:Organization><efac:Company><cac:PartyIdentification><cbc:ID>ORG-${i}</cbc:ID></cac:PartyIdentification><cac:PartyName><cbc:Name>${name(i)}</cbc:Name></cac:PartyName></efac:Company></efac:Organization>`,
          ) +
          '\n</efac:Organizations></efext:EformsExtension></ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions>' +
          '</ContractAwardNotice>\n',
      ),
    },
    html: {
      file: 'page.html',
      via: 'scan',
      bytes: enc(
        `<!doctype html><html><body><table>\n${rows(Math.ceil(n / 2), (i) => `<tr><td>${name(i)}</td></tr>`)}\n</table></body></html>\n`,
      ),
    },
    xlsx: {
      file: 'bidders.xlsx',
      via: 'screen',
      bytes: zipSync({
        'xl/workbook.xml': enc('<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>'),
        'xl/_rels/workbook.xml.rels': enc(
          '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
        ),
        'xl/worksheets/sheet1.xml': enc(`<worksheet><sheetData>${xlsxSheet}</sheetData></worksheet>`),
      }),
    },
  };
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i] = c & 0xff;
    out[3 + 2 * i] = c >> 8;
  }
  return out;
}

function damaged(bytes: Uint8Array, count: number, binary: boolean): Uint8Array[] {
  const random = rng(14);
  const out: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 4;
    if (kind === 0) out.push(bytes.subarray(0, Math.floor(random() * bytes.length)));
    else if (kind === 1) {
      const d = bytes.slice();
      for (let k = 0; k < 16; k++) d[Math.floor(random() * d.length)] = Math.floor(random() * 256);
      out.push(d);
    } else if (kind === 2 && !binary) out.push(utf16le(new TextDecoder().decode(bytes)));
    else out.push(Uint8Array.from({ length: bytes.length }, () => Math.floor(random() * 256)));
  }
  return out;
}

function memoryIo(file: string, bytes: Uint8Array): CliIo {
  return {
    out: () => {},
    err: () => {},
    read: async (f) => {
      if (f !== file) throw new InputError(`cannot read ${f}`);
      return bytes;
    },
  };
}

/** Reads as the command that owns the format; true when it was refused with a documented error. */
async function read(via: 'screen' | 'scan', file: string, bytes: Uint8Array, matcher: Matcher): Promise<boolean> {
  if (via === 'scan')
    return (await main(['scan', file, '--json'], { io: memoryIo(file, bytes), matcher: () => matcher })) === 2;
  try {
    await loadScreeningFile(file, bytes, parseXml);
    return false;
  } catch (e) {
    if (e instanceof ScreeningInputError) return true;
    throw e;
  }
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await fn();
  return [performance.now() - t, r];
}

async function hostile(matcher: Matcher): Promise<HostileRow[]> {
  const out: HostileRow[] = [];
  const add = async (input: string, file: string, bytes: Uint8Array, via: 'screen' | 'scan') => {
    let outcome = 'read';
    const [ms] = await timed(async () => {
      if (via === 'screen') {
        try {
          const r = await loadScreeningFile(file, bytes, parseXml);
          outcome = `read (${r.kind === 'names' ? r.inputs.length : r.sheets[0].rows.length} names)`;
        } catch (e) {
          if (!(e instanceof ScreeningInputError)) throw e;
          outcome = `refused: ${e.info.code}`;
        }
      } else {
        const err: string[] = [];
        const io = { ...memoryIo(file, bytes), err: (t: string) => err.push(t) };
        const code = await main(['scan', file], { io, matcher: () => matcher });
        outcome = code === 0 ? 'read' : `refused (exit ${code})`;
      }
    });
    out.push({ input, bytes: bytes.length, ms, outcome });
  };
  const deep = 400_000;
  await add(
    'XML nested 400,000 deep',
    'deep.xml',
    enc(`<TED_EXPORT>${'<a>'.repeat(deep)}${'</a>'.repeat(deep)}</TED_EXPORT>`),
    'screen',
  );
  await add(
    'HTML nested 400,000 deep',
    'deep.html',
    enc(`<html><body>${'<div>'.repeat(deep)}x${'</div>'.repeat(deep)}`),
    'scan',
  );
  const million = zipSync(
    {
      'xl/workbook.xml': enc('<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': enc(
        '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': enc(
        `<worksheet><sheetData>${'<row><c><v>1</v></c></row>'.repeat(1_000_000)}</sheetData></worksheet>`,
      ),
    },
    { level: 1 },
  );
  await add('XLSX of 1,000,000 rows', 'rows.xlsx', million, 'screen');
  const bomb = million.slice();
  // The sheet's directory entry claims 4 GB.
  const view = new DataView(bomb.buffer);
  for (let p = bomb.length - 22; p >= 0; p--) {
    if (view.getUint32(p, true) !== 0x02014b50) continue;
    if (new TextDecoder().decode(bomb.subarray(p + 46, p + 46 + view.getUint16(p + 28, true))).includes('sheet1')) {
      view.setUint32(p + 24, 4_000_000_000, true);
      break;
    }
  }
  await add('XLSX whose sheet claims 4 GB', 'bomb.xlsx', bomb, 'screen');
  await add('CSV of 1,600,000 rows', 'big.csv', enc(`Naam\n${rows(1_600_000, name)}\n`), 'screen');
  const wide = validFiles(80_000)['ted-xml'];
  await add('TED notice naming 20,000 contractors', wide.file, wide.bytes, 'screen');
  return out;
}

export async function measureReaders(opts: {
  quick: boolean;
  matcher: Matcher;
  log: (s: string) => void;
}): Promise<ReadersResult> {
  const files = validFiles(opts.quick ? 8_000 : 30_000);
  const readers: ReaderRow[] = [];
  for (const [reader, f] of Object.entries(files)) {
    opts.log(`  ${reader} ...`);
    const variants = damaged(f.bytes, opts.quick ? 8 : 24, reader === 'xlsx');
    const times: number[] = [];
    let maxMsPerMB = 0;
    let errors = 0;
    for (const v of variants) {
      const [ms, refused] = await timed(() => read(f.via, f.file, v, opts.matcher));
      times.push(ms);
      if (refused) errors++;
      // Per megabyte only where the input is large enough for that to mean something.
      if (v.length >= 100_000) maxMsPerMB = Math.max(maxMsPerMB, ms / (v.length / 1e6));
    }
    readers.push({
      reader,
      bytes: f.bytes.length,
      variants: variants.length,
      medianMs: median(times),
      maxMs: Math.max(...times),
      maxMsPerMB,
      errors,
    });
  }
  opts.log('  hostile inputs ...');
  return { readers, hostile: await hostile(opts.matcher) };
}
