// `scan` and `screen` within their stated limits: plain text of any size is scanned in blocks
// (a stream past the size where reading the whole file crashed V8), documents parsed
// whole are refused over their cap before or while reading (standard input too), nesting
// too deep for the parsers is refused before parsing, and a flood of matches keeps every
// company it names.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DOMParser } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompiledData } from '../../scripts/build-data';
import { InputError, nodeIo, type CliIo, type InputStream } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import type { JsonResult } from '../../src/cli/json-output';
import { ScanCollector } from '../../src/cli/scan-collector';
import { Matcher } from '../../src/core/matcher';
import { FormatError, parseDataFile } from '../../src/formats';
import { MAX_MARKUP_BYTES, SCAN_MAX_LINE_CHARS } from '../../src/formats/limits';

const MiB = 1024 * 1024;
const ROOT = resolve(__dirname, '../..');
const enc = (s: string) => new TextEncoder().encode(s);

let matcher: Matcher;
let dir: string;
beforeAll(() => {
  matcher = Matcher.fromData(buildCompiledData());
  dir = mkdtempSync(join(tmpdir(), 'scan-limits-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Source {
  size: number | null;
  chunks: () => Iterable<Uint8Array>;
}

/** An in-memory CLI whose inputs stream in chunks; `pulled` counts the chunks read. */
function streamingIo(files: Record<string, Source>) {
  const out: string[] = [];
  const err: string[] = [];
  const pulled: Record<string, number> = {};
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    read: async (f) => {
      // Only a CLI that does not stream reads the input whole.
      const parts = [...files[f].chunks()];
      return Buffer.concat(parts);
    },
    open: async (f): Promise<InputStream> => {
      const src = files[f];
      if (!src) throw new InputError(`cannot read ${f}: no such file`);
      pulled[f] = 0;
      return {
        size: src.size,
        chunks: (function* () {
          for (const c of src.chunks()) {
            pulled[f]++;
            yield c;
          }
        })(),
      };
    },
  };
  return { io, out, err, pulled };
}

function repeat(chunk: Uint8Array, count: number, head: Uint8Array[] = [], tail: Uint8Array[] = []) {
  return function* () {
    yield* head;
    for (let i = 0; i < count; i++) yield chunk;
    yield* tail;
  };
}

describe('plain text streamed in blocks', () => {
  it('scans 520 MiB from a stream and finds the names at both ends', async () => {
    // Lines of spaces cost the decoder and the line splitter their full price, and the
    // matcher nothing: the test measures the reading, not the matching.
    const blank = enc((' '.repeat(4095) + '\n').repeat(256));
    const { io, out, err } = streamingIo({
      'big.log': {
        size: null,
        chunks: repeat(blank, 520, [enc('Elbit Systems Ltd\n')], [enc('Ahava Dead Sea Laboratories Ltd.\n')]),
      },
    });
    expect(await main(['scan', 'big.log', '--json'], { io, matcher: () => matcher })).toBe(0);
    expect(err).toEqual([]);
    const r = JSON.parse(out[0]) as JsonResult;
    expect(r.matches.map((m) => [m.block, m.level, m.text])).toEqual([
      [0, 'flag', 'Elbit Systems Ltd'],
      [1, 'flag', 'Ahava Dead Sea Laboratories Ltd.'],
    ]);
    expect(r.blocks).toBe(2);
  }, 120_000);

  it('refuses a line longer than the limit and binary data posing as text, and reads around NULs', async () => {
    const line = enc('x'.repeat(SCAN_MAX_LINE_CHARS + 1));
    const long = streamingIo({ 'one.txt': { size: line.length, chunks: () => [line] } });
    expect(await main(['scan', 'one.txt'], { io: long.io, matcher: () => matcher })).toBe(2);
    expect(long.err[0]).toMatch(/^settlement-screen: one\.txt: a line is longer than 16,777,216 characters/);
    const binary = Uint8Array.from({ length: 4000 }, (_, i) => (i * 7) % 32);
    const bin = streamingIo({ 'x.txt': { size: binary.length, chunks: () => [binary] } });
    expect(await main(['scan', 'x.txt'], { io: bin.io, matcher: () => matcher })).toBe(2);
    expect(bin.err[0]).toBe('settlement-screen: x.txt is binary data, not text: nothing was scanned');
    // A log cut short by a crash holds a run of NULs: the lines around it are still read.
    const log = Uint8Array.from([
      ...enc('Elbit Systems Ltd\n'),
      0,
      0,
      0,
      ...enc('x\nAhava Dead Sea Laboratories Ltd.\n'),
    ]);
    const nul = streamingIo({ 'crash.log': { size: log.length, chunks: () => [log] } });
    expect(await main(['scan', 'crash.log', '--json'], { io: nul.io, matcher: () => matcher })).toBe(0);
    const r = JSON.parse(nul.out[0]) as JsonResult;
    expect(r.matches.map((m) => m.level)).toEqual(['flag', 'flag']);
    expect(r.warnings).toEqual(['1 line(s) held NUL bytes, read as spaces (part of the file may be binary)']);
  });
});

describe('documents parsed whole', () => {
  const page = enc('<!doctype html><html><body>' + '<p>Acme Bakery BV</p>\n'.repeat(40_000));

  it('refuses an HTML page over the cap from its size, after reading only its head', async () => {
    const { io, err, pulled } = streamingIo({ 'p.html': { size: 20 * MiB, chunks: repeat(page, 100) } });
    expect(await main(['scan', 'p.html'], { io, matcher: () => matcher })).toBe(2);
    expect(err).toEqual([
      'settlement-screen: p.html is 20 MiB: HTML pages and XML files are parsed whole, and can be at most 16 MiB',
    ]);
    expect(pulled['p.html']).toBe(1);
  });

  it('stops reading standard input as soon as a page passes the cap', async () => {
    const { io, err, pulled } = streamingIo({ '-': { size: null, chunks: repeat(page, 100) } });
    expect(await main(['scan', '-'], { io, matcher: () => matcher })).toBe(2);
    expect(err).toEqual([
      'settlement-screen: standard input is over 16 MiB: HTML pages and XML files are parsed whole, and can be at most 16 MiB',
    ]);
    expect(pulled['-']).toBe(Math.floor(MAX_MARKUP_BYTES / page.length) + 1);
  });

  it('refuses files by their size before reading them (node file system)', async () => {
    const huge = join(dir, 'huge.log');
    writeFileSync(huge, '');
    truncateSync(huge, 5 * 1024 * MiB); // sparse: no disk used
    const err: string[] = [];
    const io: CliIo = { ...nodeIo, err: (t) => err.push(t), out: () => {} };
    expect(await main(['scan', huge], { io, matcher: () => matcher })).toBe(2);
    expect(err).toEqual([`settlement-screen: ${huge} is 5 GiB: scan reads plain text of at most 4 GiB`]);
    const big = join(dir, 'big.xml');
    writeFileSync(big, '<TED_EXPORT>' + ' '.repeat(17 * MiB - 12));
    err.length = 0;
    expect(await main(['screen', big], { io, matcher: () => matcher })).toBe(2);
    expect(err).toEqual([
      `settlement-screen: ${big}: the file is 17825792 bytes; at most 16777216 can be screened at once`,
    ]);
  });

  it('stops reading standard input for screen at its cap (a real process and pipe)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'screen', '-'], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.on('error', () => {});
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    const block = Buffer.from('Acme Bakery BV\n'.repeat(70_000));
    let written = 0;
    let done = false;
    void exited.then(() => (done = true));
    // Write 200 MiB at most; the CLI must give up long before.
    while (!done && written < 200 * MiB) {
      if (!child.stdin.write(block)) await Promise.race([new Promise((r) => child.stdin.once('drain', r)), exited]);
      written += block.length;
    }
    child.stdin.destroy();
    expect(await exited).toBe(2);
    expect(stderr.trim()).toBe(
      'settlement-screen: standard input is over 50 MiB: screen reads files of at most 50 MiB',
    );
    expect(written).toBeLessThan(100 * MiB);
  }, 60_000);
});

describe('nesting', () => {
  const parseXml = (s: string) => new DOMParser().parseFromString(s, 'text/xml') as unknown as Document;

  it('refuses XML nested 400,000 levels deep before parsing it', () => {
    const xml =
      '<TED_EXPORT><FORM_SECTION>' + '<a>'.repeat(400_000) + '</a>'.repeat(400_000) + '</FORM_SECTION></TED_EXPORT>';
    let error: unknown = null;
    try {
      parseDataFile('deep.xml', xml, parseXml);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FormatError);
    expect((error as Error).message).toBe(
      'deep.xml: elements nested more than 256 levels deep at line 1 (<a>): not read (procurement notices nest about 15 levels)',
    );
  });

  it('refuses an HTML page nested 400,000 levels deep, and scans a normal one', async () => {
    const deep = enc('<html><body>' + '<div>'.repeat(400_000) + 'Ahava' + '</div>'.repeat(400_000));
    const { io, err } = streamingIo({ 'deep.html': { size: deep.length, chunks: () => [deep] } });
    expect(await main(['scan', 'deep.html'], { io, matcher: () => matcher })).toBe(2);
    expect(err).toEqual([
      'settlement-screen: deep.html: elements nested more than 512 levels deep at line 1 (<div>): not read (browsers stop at 512 levels; pages nest a few dozen)',
    ]);
    const ok = enc('<html><body>' + '<div><p>x<li>y<td>z'.repeat(300) + '<p>Ahava Dead Sea Laboratories Ltd.</p>');
    const fine = streamingIo({ 'ok.html': { size: ok.length, chunks: () => [ok] } });
    expect(await main(['scan', 'ok.html', '--json'], { io: fine.io, matcher: () => matcher })).toBe(0);
    expect((JSON.parse(fine.out[0]) as JsonResult).matches.map((m) => m.level)).toContain('flag');
  });
});

describe('a flood of matches', () => {
  it('lists every company at least once past the match limit, and says how many repeats it left out', () => {
    const collector = new ScanCollector(3);
    const scan = (text: string) => matcher.scanBlock({ text, field: null });
    collector.add(0, scan('Elbit Systems Ltd'));
    collector.add(1, scan('Elbit Systems Ltd'));
    collector.add(2, scan('Elbit Systems Ltd'));
    collector.add(3, scan('Elbit Systems Ltd')); // over the limit, a repeat: counted, not kept
    collector.add(4, scan('Ahava Dead Sea Laboratories Ltd.')); // over the limit, a new company: kept
    const { scans, warning } = collector.finish();
    expect(scans.map((s) => [s.block, s.scan.matches[0].text])).toEqual([
      [0, 'Elbit Systems Ltd'],
      [1, 'Elbit Systems Ltd'],
      [2, 'Elbit Systems Ltd'],
      [4, 'Ahava Dead Sea Laboratories Ltd.'],
    ]);
    expect(warning).toBe(
      'more than 3 matches: 1 repeated match(es) and 0 look-alike(s) are not listed; every company found is listed at least once',
    );
  });
});

describe('--help', () => {
  it('names every limit', async () => {
    const { USAGE } = await import('../../src/cli/args');
    const { SCREEN_USAGE } = await import('../../src/cli/screen');
    for (const text of [USAGE, SCREEN_USAGE]) {
      for (const limit of [
        'plain text: 4 GiB per input',
        'a line of at most 16,777,216 characters',
        'HTML pages 16 MiB, OCDS JSON 50 MiB per input',
        '100,000 matches listed per input',
        '50 MiB per file (OCDS JSON, CSV, XLSX, text), 100,000 names, 1,000 characters per name',
        'TED XML 16 MiB, nested at most 256 levels; HTML nested at most 512 levels',
        'CSV and XLSX: 200,000 rows',
        '100 MiB of XML uncompressed (declared and actual), 2,000,000 cells',
      ]) {
        expect(text).toContain(limit);
      }
    }
  });
});
