// What any content script pays on a page before it does anything of its own, measured in the
// same loads as the real build: stand-in builds made from a copy of the measured build, each
// with the script the manifest names (or the module it imports) replaced. The content
// script's time on a trivial page moves with the VM's hour by more than any change to our
// code, so a figure against its target means little alone; beside the floor of the same hour
// it says how much of it is ours.
//
// The stand-ins are benchmark fixtures written into a throwaway copy, never shipped.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_MAIN_FILE } from '../../src/content/module-files';

export interface FloorVariant {
  label: string;
  /** Rewrites the copy at `extDir` into this stand-in. */
  write: (extDir: string) => void;
}

interface ContentScriptFiles {
  /** The script the manifest names. */
  boot: string;
  /** The module that script imports, when it imports one (Chromium's build). */
  module: string | null;
}

function contentScriptFiles(extDir: string): ContentScriptFiles {
  const manifest = JSON.parse(readFileSync(join(extDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[] }[];
  };
  const boot = manifest.content_scripts?.[0]?.js?.[0];
  if (!boot) throw new Error('the build names no content script');
  // Chromium's one-line script names the module it imports (src/content/boot-module.ts);
  // Firefox's build names the bundled content script itself.
  const imports = readFileSync(join(extDir, boot), 'utf8').includes(CONTENT_MAIN_FILE);
  const module = imports && existsSync(join(extDir, CONTENT_MAIN_FILE)) ? CONTENT_MAIN_FILE : null;
  return { boot, module };
}

/** The stand-ins for a build, cheapest first. */
export function floorVariants(extDir: string): FloorVariant[] {
  const files = contentScriptFiles(extDir);
  const variants: FloorVariant[] = [
    {
      label: 'a content script that does nothing',
      write: (dir) => writeFileSync(join(dir, files.boot), 'void 0;\n'),
    },
    {
      // Every content script that talks to its extension makes this first call.
      label: 'one that makes one call into the extension APIs (runtime.getURL)',
      write: (dir) => writeFileSync(join(dir, files.boot), 'globalThis.chrome.runtime.getURL("manifest.json");\n'),
    },
  ];
  const module = files.module;
  if (module)
    variants.push({
      label: "the build's own one-line script, importing an empty module",
      write: (dir) => writeFileSync(join(dir, module), 'export function start() {}\n'),
    });
  return variants;
}

/** A copy of `built` at `dir`, rewritten into the stand-in. */
export function makeFloorBuild(built: string, dir: string, variant: FloorVariant): string {
  cpSync(built, dir, { recursive: true });
  variant.write(dir);
  return dir;
}
