// Read access to list data by id, for the popup and later pages (lookup, screening).
// An interface rather than the compiled JSON itself, so imported lists (stored in
// IndexedDB by a later feature) can be added behind the same calls.
import type { CompiledData, CompiledGuard, CompiledName, Entity, ListMeta } from '../../core/types';

export interface DataLookup {
  entity(id: string): Entity | undefined;
  list(id: string): ListMeta | undefined;
  name(id: number): CompiledName | undefined;
  guard(id: number): CompiledGuard | undefined;
}

export function lookupFromCompiled(data: CompiledData): DataLookup {
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const lists = new Map(data.lists.map((l) => [l.id, l]));
  const names = new Map(data.names.map((n) => [n.id, n]));
  const guards = new Map(data.guards.map((g) => [g.id, g]));
  return {
    entity: (id) => entities.get(id),
    list: (id) => lists.get(id),
    name: (id) => names.get(id),
    guard: (id) => guards.get(id),
  };
}
