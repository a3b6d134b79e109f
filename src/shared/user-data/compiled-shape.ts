// Whether a value read back from storage (or received in a message) is compiled list data
// the matcher can load: every name and guard with its tokens, every entity with its entries.
// A cache written by a crashed or older version, or edited by hand, fails this check and is
// rebuilt from the imported lists instead of stopping the matcher. Pure: the content script,
// the background and the extension pages all use it.
import type { CompiledData } from '../../core/types';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const isTokens = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length > 0 && v.every((t) => typeof t === 'string' && t !== '');

function isName(v: unknown): boolean {
  return (
    isObject(v) &&
    typeof v.id === 'number' &&
    isTokens(v.tokens) &&
    typeof v.text === 'string' &&
    typeof v.entity === 'string' &&
    typeof v.kind === 'string' &&
    typeof v.strength === 'string'
  );
}

function isGuard(v: unknown): boolean {
  return isObject(v) && typeof v.id === 'number' && isTokens(v.tokens) && typeof v.notEntity === 'string';
}

function isEntity(v: unknown): boolean {
  return isObject(v) && typeof v.id === 'string' && typeof v.displayName === 'string' && Array.isArray(v.entries);
}

function isList(v: unknown): boolean {
  return isObject(v) && typeof v.id === 'string' && typeof v.title === 'string';
}

export function isCompiledData(v: unknown): v is CompiledData {
  if (!isObject(v) || v.formatVersion !== 1) return false;
  const { lists, entities, names, guards } = v;
  if (!Array.isArray(lists) || !Array.isArray(entities) || !Array.isArray(names) || !Array.isArray(guards))
    return false;
  if (!lists.every(isList) || !entities.every(isEntity) || !names.every(isName) || !guards.every(isGuard)) return false;
  // Every name must point at an entity the data holds, or the matcher reports a company it cannot describe.
  const ids = new Set(entities.map((e) => (e as { id: string }).id));
  return names.every((n) => ids.has((n as { entity: string }).entity));
}
