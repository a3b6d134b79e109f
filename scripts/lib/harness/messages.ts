// The extension's English UI strings (public/_locales/en), as browser.i18n renders them, so
// tests look for what the extension says rather than for copies of its wording.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const EN = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../../public/_locales/en/messages.json'), 'utf8'),
) as Messages;

/** An English UI string with its $1.. substitutions. */
export function enMessage(key: string, ...subs: (string | number)[]): string {
  const m = EN[key];
  if (!m) throw new Error(`no en message ${key}`);
  return m.message.replace(/\$(\w+)\$/g, (_, name: string) => {
    const content = m.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, i: string) => String(subs[Number(i) - 1] ?? ''));
  });
}
