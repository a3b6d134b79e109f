// Compile the user's imported lists into CompiledData. Pure (runs in the options page at
// import time and in the background when the stored copy is outdated).
//
// The bundled lists are compiled at build time with dictionaries of ordinary words in our
// users' languages; those dictionaries are not shipped. For imported names a conservative
// rule stands in: a one-word name of five letters or fewer, or a one-word name written in
// capitals (an acronym), is weak and flags only with corroboration on the page (a legal
// form, a company word, a structured field, capitals for acronyms, or the full name
// elsewhere on the page). Everything else is compiled exactly like a bundled list.
import { compileLists, type SourceList } from '../../core/compile';
import type { CompiledData, CompiledName } from '../../core/types';

export const IMPORTED_ENTITY_PREFIX = 'user:';

export interface CompileInput {
  parsed: SourceList;
  /** SHA-256 (hex) of the imported file's bytes. */
  sha256: string;
}

const SHORT_LETTERS = 5;

export function compileImportedLists(lists: readonly CompileInput[]): CompiledData {
  const data = compileLists(
    lists.map((l) => ({ list: l.parsed, sha256: l.sha256, origin: 'imported' as const })),
    [],
    { isCommonWord: () => false },
    [],
  );
  const ids = new Map(data.entities.map((e) => [e.id, IMPORTED_ENTITY_PREFIX + e.id]));
  const persons = new Set(
    data.entities
      .filter((e) => e.entries.some((r) => (r.entityType ?? '').toLowerCase() === 'person'))
      .map((e) => e.id),
  );
  return {
    ...data,
    entities: data.entities.map((e) => ({ ...e, id: ids.get(e.id)! })),
    names: data.names.map((n) => ({ ...weakenImported(n, persons.has(n.entity)), entity: ids.get(n.entity)! })),
  };
}

/** The conservative weak rule for names without dictionaries (see the file comment). */
export function weakenImported(n: CompiledName, person: boolean): CompiledName {
  if (n.strength === 'weak' || person || n.tokens.length !== 1) return n;
  const token = n.tokens[0];
  const letters = n.text.replace(/[^\p{L}\p{N}]/gu, '');
  const capitals = /\p{Lu}/u.test(letters) && !/\p{Ll}/u.test(letters) && letters.length >= 2;
  if (capitals) return { ...n, strength: 'weak', weakReason: 'acronym', acronym: letters };
  if (token.length <= SHORT_LETTERS) return { ...n, strength: 'weak', weakReason: 'short', acronym: null };
  return n;
}
