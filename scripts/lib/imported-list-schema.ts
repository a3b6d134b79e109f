// The schema of a list a user imports as JSON, derived from data/schema/list.schema.json so the
// two cannot drift: docs/import-format.md promises that a bundled list file imports as it is.
// Every difference from the bundled shape is made here, in code, and each says why.

type Schema = Record<string, unknown>;

/** Top-level fields the import reads; the others are allowed and ignored. */
const IMPORTED_LIST_FIELDS = [
  'id',
  'title',
  'publisher',
  'published',
  'version',
  'coverage_note',
  'url',
  'regime',
  'categories',
  'entries',
] as const;

/** Entry fields the import reads; the others are allowed and ignored. */
const IMPORTED_ENTRY_FIELDS = [
  'name',
  'aliases',
  'country',
  'categories',
  'rationale',
  'evidence_url',
  'status',
  'entity_type',
  'listed',
  'listed_since',
  'designated',
  'delisted_table_date',
  'also_in_ohchr_database_2025',
] as const;

function pick(properties: Schema, keys: readonly string[], where: string): Schema {
  const out: Schema = {};
  for (const k of keys) {
    if (!(k in properties)) throw new Error(`list.schema.json: ${where} has no property "${k}" for imported lists`);
    out[k] = properties[k];
  }
  return out;
}

const ANY_TEXT = { $ref: '#/definitions/text' };

export function importedListSchema(listSchema: Schema): Schema {
  const definitions = listSchema.definitions as Record<string, Schema>;
  const entry = definitions.entry;
  const topProps = listSchema.properties as Schema;
  return {
    $schema: listSchema.$schema,
    $id: 'https://settlement-screen.invalid/schema/imported-list.schema.json',
    title: 'A list imported as JSON (derived from list.schema.json by scripts/lib/imported-list-schema.ts)',
    description: listSchema.description,
    type: 'object',
    // Title and publisher may be typed into the import form instead.
    required: ['entries'],
    properties: {
      ...pick(topProps, IMPORTED_LIST_FIELDS, 'the top level'),
      // Any text: the import turns it into the "user:" id itself.
      id: ANY_TEXT,
    },
    additionalProperties: true,
    definitions: {
      ...definitions,
      entry: {
        ...entry,
        // The other bundled fields are for curated copies; an imported entry needs only a name.
        required: ['name'],
        properties: {
          ...pick(entry.properties as Schema, IMPORTED_ENTRY_FIELDS, 'an entry'),
          // Other lists' words ("individual", "entity") are kept: the compiler knows them.
          entity_type: ANY_TEXT,
        },
      },
    },
  };
}
