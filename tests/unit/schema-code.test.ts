// The code generated from data/schema/ (scripts/lib/schema-code.ts) must be what the build
// wrote: a stale src/generated/ would type or validate against an old schema.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  IMPORTED_VALIDATOR_FILE,
  importedValidatorSource,
  LIST_TYPES_FILE,
  listTypesSource,
  TYPE_SOURCES,
} from '../../scripts/lib/schema-code';
import { schemaTypes } from '../../scripts/lib/schema-types';

type Schema = Record<string, unknown>;

/** Every property name of every object in a schema, with where it is. */
function propertyNames(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) propertyNames(n, out);
  else if (typeof node === 'object' && node !== null) {
    const props = (node as Schema).properties;
    if (typeof props === 'object' && props !== null) out.push(...Object.keys(props));
    for (const v of Object.values(node)) propertyNames(v, out);
  }
  return out;
}

describe('code generated from the data schemas', () => {
  it('src/generated/list-types.ts is up to date with the schemas (run `npm run build:data`)', () => {
    expect(readFileSync(LIST_TYPES_FILE, 'utf8')).toBe(listTypesSource());
  });

  it('the imported-list validator is up to date and stands alone (no eval, no imports)', () => {
    const { js } = importedValidatorSource();
    expect(readFileSync(IMPORTED_VALIDATOR_FILE, 'utf8')).toBe(js);
    expect(js).not.toMatch(/new Function|\beval\(|\brequire\(|^import /m);
  });

  it('is deterministic and types every property of every schema', () => {
    const text = listTypesSource();
    expect(listTypesSource()).toBe(text);
    for (const { schema } of TYPE_SOURCES) {
      for (const name of propertyNames(schema)) expect(text, name).toMatch(new RegExp(`\\b${name}\\??: `));
    }
  });

  it('turns the schema subset into types and refuses what it cannot type', () => {
    const schema = {
      $id: 'https://x.invalid/t.schema.json',
      type: 'object',
      required: ['a'],
      properties: {
        a: { type: ['string', 'null'], description: 'a text or null' },
        b: { type: 'array', items: { enum: ['x', 'y'] } },
        c: { type: 'object', additionalProperties: { type: 'integer' } },
        d: { $ref: '#/definitions/item' },
        e: { anyOf: [{ type: 'number' }, { $ref: '#/definitions/text' }] },
      },
      definitions: {
        text: { type: 'string', pattern: '^\\S' },
        item: { type: 'object', properties: { f: { type: 'boolean' } }, additionalProperties: false },
      },
    };
    expect(schemaTypes([{ schema, rootName: 'T', names: { item: 'Item' } }], '// test')).toBe(
      [
        '// test',
        '',
        'export interface T {',
        '  /** a text or null */',
        '  a: string | null;',
        '  b?: ("x" | "y")[];',
        '  c?: Record<string, number>;',
        '  d?: Item;',
        '  e?: number | string;',
        '}',
        '',
        'export interface Item {',
        '  f?: boolean;',
        '}',
        '',
      ].join('\n'),
    );
    const bad = { ...schema, properties: { g: { oneOf: [{ type: 'string' }] } } };
    expect(() => schemaTypes([{ schema: bad, rootName: 'T', names: { item: 'Item' } }], '')).toThrow(/oneOf/);
    expect(() => schemaTypes([{ schema, rootName: 'T', names: {} }], '')).toThrow(/"item" needs a name/);
  });
});
