// The browser tests load dist/<target>-local (the build whose content script also runs on
// 127.0.0.1). scripts/test-all.sh builds it before the tests (SS_E2E_SKIP_BUILD=1); a direct
// `vitest run --project e2e` rebuilds it here when it is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const SOURCES = ['src', 'public', 'manifest.json', 'vite.config.ts', 'package.json'];

export type Target = 'chrome' | 'firefox';

export function localBuildDir(target: Target): string {
  return join(ROOT, 'dist', `${target}-local`);
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/**
 * dist/<target>-local, built when missing or older than its sources. `quiet`: the build's
 * own output is not shown (the benchmark prints tables).
 */
export function ensureLocalBuild(target: Target, opts: { quiet?: boolean } = {}): string {
  const dir = localBuildDir(target);
  const manifest = join(dir, 'manifest.json');
  if (process.env.SS_E2E_SKIP_BUILD === '1') {
    if (!existsSync(manifest))
      throw new Error(`${dir} is missing: build it with SS_LOCAL_PAGES=1 vite build --mode ${target}`);
    return dir;
  }
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))));
  if (built < sources) {
    const r = spawnSync('npx', ['vite', 'build', '--mode', target, '--logLevel', 'warn'], {
      cwd: ROOT,
      env: { ...process.env, SS_LOCAL_PAGES: '1' },
      stdio: opts.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
    });
    if (r.status !== 0) throw new Error(`building ${dir} failed (exit ${r.status})`);
  }
  return dir;
}
