// All four locales (English, Dutch, French, German) are complete and consistent, and every key the
// code asks for exists.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage, loadLocale } from './helpers/fake-browser';

const ROOT = resolve(__dirname, '../..');
const LOCALES = ['en', 'nl', 'fr', 'de'];
const messages = Object.fromEntries(LOCALES.map((l) => [l, loadLocale(l)]));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Keys in t('key' ...) / t("key" ...) calls; `\bt\(` so format(...) or get(...) do not count. */
function usedKeys(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?<![\w.$])t\(\s*(['"`])([^'"`]*)\1/g)) found.set(m[2], file);
  }
  return found;
}

const placeholderNames = (message: string) =>
  [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1].toLowerCase()).sort();

describe('locales', () => {
  it('have exactly the same keys', () => {
    const en = Object.keys(messages.en).sort();
    for (const l of LOCALES) expect(Object.keys(messages[l]).sort()).toEqual(en);
  });

  it('have no empty messages', () => {
    for (const l of LOCALES) {
      for (const [key, entry] of Object.entries(messages[l])) {
        expect(entry.message.trim(), `${l}:${key}`).not.toBe('');
      }
    }
  });

  it('use placeholders consistently', () => {
    for (const [key, enEntry] of Object.entries(messages.en)) {
      const enPlaceholders = enEntry.placeholders ?? {};
      for (const l of LOCALES) {
        const entry = messages[l][key];
        const defined = Object.keys(entry.placeholders ?? {})
          .map((k) => k.toLowerCase())
          .sort();
        // Every $NAME$ used is defined, and every defined one is used.
        expect([...new Set(placeholderNames(entry.message))].sort(), `${l}:${key}`).toEqual(defined);
        // Same placeholders, same substitution numbers, in every locale.
        expect(entry.placeholders ?? {}, `${l}:${key}`).toEqual(enPlaceholders);
      }
      const contents = Object.values(enPlaceholders)
        .map((p) => p.content)
        .sort();
      expect(contents, key).toEqual(contents.map((_, i) => `$${i + 1}`));
    }
  });

  it('leave no placeholder unfilled when given its substitutions', () => {
    for (const l of LOCALES) {
      for (const [key, entry] of Object.entries(messages[l])) {
        const n = Object.keys(entry.placeholders ?? {}).length;
        const out = formatMessage(
          entry,
          Array.from({ length: n }, (_, i) => `S${i + 1}`),
        );
        expect(out, `${l}:${key}`).not.toMatch(/\$[A-Za-z0-9_@]+\$|\$\d/);
        for (let i = 1; i <= n; i++) expect(out, `${l}:${key}`).toContain(`S${i}`);
      }
    }
  });

  it('contain every key used with t() in src/', () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter(([key]) => !(key in messages.en)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it('are asked for with literal keys only (so the check above sees every key)', () => {
    const computed: string[] = [];
    for (const file of sourceFiles(join(ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?<!function )(?<![\w.$])t\(\s*(?!['"`)])(.{0,30})/g))
        computed.push(`${file}: t(${m[1]}`);
    }
    expect(computed).toEqual([]);
  });

  it('contain every __MSG_ key of the manifest, and a short enough description', () => {
    const manifest = readFileSync(join(ROOT, 'manifest.json'), 'utf8');
    const keys = [...manifest.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]);
    expect(keys).toContain('extName');
    for (const key of keys) for (const l of LOCALES) expect(messages[l][key], `${l}:${key}`).toBeDefined();
    // Chrome rejects descriptions over 132 characters.
    for (const l of LOCALES) expect(messages[l].extDescription.message.length).toBeLessThanOrEqual(132);
  });

  it('have Dutch that is not just the English copied', () => {
    const same = Object.keys(messages.en).filter(
      (k) =>
        messages.en[k].message === messages.nl[k].message &&
        // showOnPageLabel is only its placeholders and punctuation, the same in both.
        !['extName', 'popupTitle', 'labelStatus', 'labelCriteria', 'showOnPageLabel'].includes(k),
    );
    expect(same).toEqual([]);
  });

  it('have French that is not just the English copied', () => {
    // Words that are the same in both languages.
    const alike = ['extName', 'popupTitle', 'labelVersion', 'sourceLink', 'fieldOrganisation', 'kindSanctions'];
    const same = Object.keys(messages.en).filter(
      (k) => messages.en[k].message === messages.fr[k].message && !alike.includes(k),
    );
    expect(same).toEqual([]);
    expect(messages.fr.uiLocale.message).toBe('fr');
  });

  it('have German that is not just the English copied', () => {
    // The product's name, and a heading made only of placeholders and a separator.
    const alike = ['extName', 'popupTitle', 'reportRowHeading'];
    const same = Object.keys(messages.en).filter(
      (k) => messages.en[k].message === messages.de[k].message && !alike.includes(k),
    );
    expect(same).toEqual([]);
    expect(messages.de.uiLocale.message).toBe('de');
    // Attributed and neutral: "Gelistet von <publisher> wegen <criterion> am <date>".
    expect(formatMessage(messages.de.attributionCodesDate, ['OHCHR', '(d), (e)', '30. Juni 2023'])).toBe(
      'Gelistet von OHCHR wegen (d), (e) am 30. Juni 2023.',
    );
  });
});
