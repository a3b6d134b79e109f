// Reading OCDS fields whose JSON type is not the one the schema gives them, without losing the
// names inside: publishers do write a name as an array of strings, an organisation as a plain
// string, `tender.tenderers` as one string, `roles` as a string. Every such field becomes a
// warning with its JSON path, and the names in it are still read where there is a string to
// read. Pure.

/** What a JSON value is, in words. */
export function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'boolean') return 'a boolean';
  return `a ${typeof v}`;
}

export const isJsonObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects shape warnings; past `max` of them only a count is kept (a file can repeat one mistake 10,000 times). */
export class ShapeWarnings {
  private readonly list: string[] = [];
  private readonly seen = new Set<string>();
  private more = 0;
  constructor(private readonly max = 50) {}

  /** Adds a warning once (a party with two roles is read twice). */
  add(message: string): void {
    if (this.seen.has(message)) return;
    this.seen.add(message);
    if (this.list.length < this.max) this.list.push(message);
    else this.more++;
  }

  finish(): string[] {
    if (this.more === 0) return [...this.list];
    return [...this.list, `${this.more} more field(s) of an unexpected type (read the same way)`];
  }
}

export interface Item {
  value: unknown;
  path: string;
  /** Its shape was already reported (a string standing for a whole list). */
  reported?: boolean;
}

/**
 * The items of a field the schema makes an array. A single object stands for a one-item
 * array; anything else is reported (by `what`, e.g. "award") and skipped unless `strings` is
 * set, where a string is an item too (a list of organisations given as one name).
 */
export function itemsOf(v: unknown, path: string, warn: ShapeWarnings, what: string, strings = false): Item[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v.map((value, i) => ({ value, path: `${path}[${i}]` }));
  if (isJsonObject(v)) {
    warn.add(`${path} is an object, not an array: read as one ${what}`);
    return [{ value: v, path }];
  }
  if (strings && typeof v === 'string') {
    warn.add(`${path} is a string, not an array: read as one ${what}'s name`);
    return [{ value: v, path, reported: true }];
  }
  warn.add(`${path} is ${jsonType(v)}, not an array: not read`);
  return [];
}

/**
 * The strings in a field that should be one name: the string itself, or the strings in an
 * array (and the `name` of objects in it), or an object's `name` (else its string values,
 * as in a { "en": ..., "fr": ... } language map).
 */
export function namesIn(v: unknown, path: string, warn: ShapeWarnings): Item[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return [{ value: v, path }];
  if (Array.isArray(v)) {
    const found: Item[] = [];
    v.forEach((x, i) => {
      if (typeof x === 'string') found.push({ value: x, path: `${path}[${i}]` });
      else if (isJsonObject(x) && typeof x.name === 'string') found.push({ value: x.name, path: `${path}[${i}].name` });
    });
    warn.add(`${path} is an array, not a string: read the ${found.length} name(s) in it`);
    return found;
  }
  if (isJsonObject(v)) {
    if (typeof v.name === 'string') {
      warn.add(`${path} is an object, not a string: read its name`);
      return [{ value: v.name, path: `${path}.name` }];
    }
    const found = Object.entries(v)
      .filter((e): e is [string, string] => typeof e[1] === 'string')
      .map(([k, s]) => ({ value: s, path: `${path}.${k}` }));
    warn.add(`${path} is an object, not a string: read the ${found.length} text value(s) in it`);
    return found;
  }
  warn.add(`${path} is ${jsonType(v)}, not a string: not read as a name`);
  return [];
}

/** A party's roles: an array of codes, or one code given as a string. */
export function rolesIn(v: unknown, path: string, warn: ShapeWarnings): string[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v.filter((r): r is string => typeof r === 'string');
  if (typeof v === 'string') {
    warn.add(`${path} is a string, not an array: read as one role`);
    return [v];
  }
  warn.add(`${path} is ${jsonType(v)}, not an array of roles: the party is read as 'organisation'`);
  return [];
}
