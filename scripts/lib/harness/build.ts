// The browser tests load dist/<target>-local (the build whose content script also runs on
// 127.0.0.1), or dist/<target> (the build as shipped) where a test serves pages under the real
// sites' names. scripts/test-all.sh builds both before the tests (SS_E2E_SKIP_BUILD=1); a
// direct `vitest run --project e2e` rebuilds one here when it is missing or older than its
// sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const SOURCES = ['src', 'public', 'manifest.json', 'vite.config.ts', 'package.json'];

export type Target = 'chrome' | 'firefox';

export function localBuildDir(target: Target): string {
  return join(ROOT, 'dist', `${target}-local`);
}

export function shippedBuildDir(target: Target): string {
  return join(ROOT, 'dist', target);
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
  return ensureBuild(target, true, opts);
}

/** dist/<target>, the build as shipped (content script on the supported sites only). */
export function ensureShippedBuild(target: Target, opts: { quiet?: boolean } = {}): string {
  return ensureBuild(target, false, opts);
}

function ensureBuild(target: Target, local: boolean, opts: { quiet?: boolean }): string {
  const dir = local ? localBuildDir(target) : shippedBuildDir(target);
  const manifest = join(dir, 'manifest.json');
  if (process.env.SS_E2E_SKIP_BUILD === '1') {
    if (!existsSync(manifest))
      throw new Error(
        `${dir} is missing: build it with ${local ? 'SS_LOCAL_PAGES=1 ' : ''}vite build --mode ${target}`,
      );
    return dir;
  }
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))));
  if (built < sources) {
    const r = spawnSync('npx', ['vite', 'build', '--mode', target, '--logLevel', 'warn'], {
      cwd: ROOT,
      env: { ...process.env, SS_LOCAL_PAGES: local ? '1' : '0' },
      stdio: opts.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
    });
    if (r.status !== 0) throw new Error(`building ${dir} failed (exit ${r.status})`);
  }
  return dir;
}
