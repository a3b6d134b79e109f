// Reads what the harness needs from a built extension's manifest.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export interface BuiltManifest {
  geckoId: string | null;
  popup: string | null;
  options: string | null;
}

export function readBuiltManifest(extDir: string): BuiltManifest {
  const file = join(extDir, 'manifest.json');
  if (!existsSync(file)) {
    throw new Error(`no built extension at ${extDir} (manifest.json missing): run the build first`);
  }
  const m = JSON.parse(readFileSync(file, 'utf8'));
  return {
    geckoId: m.browser_specific_settings?.gecko?.id ?? null,
    popup: m.action?.default_popup ?? null,
    options: m.options_ui?.page ?? m.options_page ?? null,
  };
}

/** The page the harness keeps open to run code with the extension's APIs. */
export function extensionPagePath(m: BuiltManifest): string {
  const p = m.options ?? m.popup;
  if (!p) throw new Error('the extension has neither an options page nor a popup to run code in');
  return p.replace(/^\//, '');
}
