// The built CLI as users run it: bin/settlement-screen.mjs -> dist/cli/settlement-screen.mjs
// (the bundle with the compiled lists). A test of the built product, like the extension's:
// it runs after `npm run build` (npm test builds first).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/settlement-screen.mjs');
const bundle = join(root, 'dist/cli/settlement-screen.mjs');

const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });

describe('built CLI (bin/settlement-screen.mjs)', () => {
  it('is built', () => {
    expect(existsSync(bundle), `${bundle} is missing: run npm run build`).toBe(true);
  });

  it('checks a name and prints the JSON contract', () => {
    const r = cli('check', 'Booking.com B.V.', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res.file).toBeNull();
    expect(res.matches[0]).toMatchObject({
      text: 'Booking.com B.V.',
      level: 'flag',
      lists: [{ list: 'ohchr-bhr-database-hrc-31-36', entry: 'Booking.com B.V.', status: 'listed' }],
    });
  });

  it('scans HTML and text files, one JSON line each', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ss-bin-'));
    writeFileSync(join(dir, 'p.html'), '<!doctype html><p>Contractor: <b>Heidelberg</b> Materials AG</p>');
    writeFileSync(join(dir, 'n.txt'), 'Delta\nMotorola Solutions, Inc.\n');
    const r = cli('scan', join(dir, 'p.html'), join(dir, 'n.txt'), '--json');
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.matches.map((m: { text: string }) => m.text))).toEqual([
      ['Heidelberg Materials AG'],
      ['Motorola Solutions, Inc.'],
    ]);
  });

  it('exits 2 with one line on a missing file', () => {
    const r = cli('scan', 'no/such/file.html');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual(['settlement-screen: cannot read no/such/file.html: no such file']);
  });
});
