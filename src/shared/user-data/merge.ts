// Bundled and imported lists in one CompiledData, for one Matcher and one lookup. Pure.
//
// Every context (content script with the lean index, popup, options, screening) merges the
// same way, so ids agree: bundled names keep theirs, imported names are numbered after the
// largest bundled id, in order.
//
// A name the bundled data already has is never taken over by an imported list (the trie
// holds one name per token sequence): when an imported entry's own name or alias is a
// listed name or alias of a bundled entity, the imported entry joins that entity (one
// company, entries from both lists, as the compiler does across bundled lists). Any other
// clash keeps the bundled name; the imported entity still matches by its other names.
import type { CompiledData, CompiledName, Entity } from '../../core/types';

const key = (n: Pick<CompiledName, 'tokens'>) => n.tokens.join(' ');
const isOwnName = (n: CompiledName) => n.kind === 'listed-name' || n.kind === 'list-alias';

export function mergeCompiledData(base: CompiledData, extra: CompiledData | null | undefined): CompiledData {
  if (!extra || extra.entities.length === 0) {
    return extra && extra.lists.length > 0 ? { ...base, lists: [...base.lists, ...extra.lists] } : base;
  }
  const baseByKey = new Map<string, CompiledName>();
  for (const n of base.names) baseByKey.set(key(n), n);

  // Imported entity -> bundled entity it joins.
  const joins = new Map<string, string>();
  for (const n of extra.names) {
    if (!isOwnName(n) || joins.has(n.entity)) continue;
    const hit = baseByKey.get(key(n));
    if (hit && isOwnName(hit)) joins.set(n.entity, hit.entity);
  }

  const joined = new Map<string, Entity>();
  const extraById = new Map(extra.entities.map((e) => [e.id, e]));
  for (const [from, to] of joins) {
    const target = joined.get(to) ?? base.entities.find((e) => e.id === to);
    if (!target) continue;
    joined.set(to, { ...target, entries: [...target.entries, ...(extraById.get(from)?.entries ?? [])] });
  }

  let nextId = base.names.reduce((m, n) => Math.max(m, n.id), -1) + 1;
  const names: CompiledName[] = [...base.names];
  const taken = new Set(baseByKey.keys());
  for (const n of extra.names) {
    const k = key(n);
    if (taken.has(k)) continue;
    taken.add(k);
    names.push({ ...n, id: nextId++, entity: joins.get(n.entity) ?? n.entity });
  }

  return {
    formatVersion: 1,
    lists: [...base.lists, ...extra.lists],
    entities: [...base.entities.map((e) => joined.get(e.id) ?? e), ...extra.entities.filter((e) => !joins.has(e.id))],
    names,
    guards: base.guards,
  };
}
