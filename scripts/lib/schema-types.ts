// TypeScript types from the JSON Schemas in data/schema/, so each data shape is written once:
// the build (scripts/build-data.ts) writes them to src/generated/, and the loaders and the
// compiler import them. Only the subset of JSON Schema the project's schemas use is read;
// anything else that would change a type is refused rather than guessed.

type Schema = Record<string, unknown>;

export interface SchemaSource {
  schema: Schema;
  /** Name of the interface for the whole file. */
  rootName: string;
  /** Interface names of the definitions that are objects with properties (all of them must have one). */
  names: Record<string, string>;
}

// Keywords that only narrow values the type already allows (or only document them).
const NARROWING = new Set([
  '$schema',
  '$id',
  '$comment',
  'title',
  'description',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'minItems',
  'minProperties',
  'propertyNames',
  'required',
  'definitions',
]);
const SHAPING = new Set(['$ref', 'type', 'enum', 'const', 'anyOf', 'items', 'properties', 'additionalProperties']);

const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

function fileOf(schema: Schema): string {
  const id = typeof schema.$id === 'string' ? schema.$id : '';
  return id.slice(id.lastIndexOf('/') + 1);
}

function comment(text: unknown, indent: string): string {
  return typeof text === 'string' ? `${indent}/** ${text.replace(/\*\//g, '*\\/')} */\n` : '';
}

function propertyKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}

export function schemaTypes(sources: readonly SchemaSource[], header: string): string {
  const byFile = new Map(sources.map((s) => [fileOf(s.schema), s]));

  const resolve = (ref: string, from: SchemaSource): { source: SchemaSource; def: string } => {
    const m = /^([^#]*)#\/definitions\/([^/]+)$/.exec(ref);
    const source = m ? (m[1] === '' ? from : byFile.get(m[1])) : undefined;
    if (!m || !source || !isSchema((source.schema.definitions as Schema | undefined)?.[m[2]])) {
      throw new Error(`${fileOf(from.schema)}: cannot resolve $ref ${JSON.stringify(ref)}`);
    }
    return { source, def: m[2] };
  };

  const typeOf = (node: unknown, from: SchemaSource, where: string): string => {
    if (node === true || (isSchema(node) && Object.keys(node).every((k) => NARROWING.has(k)))) return 'unknown';
    if (!isSchema(node)) throw new Error(`${where}: not a schema`);
    for (const k of Object.keys(node)) {
      if (!NARROWING.has(k) && !SHAPING.has(k)) throw new Error(`${where}: keyword "${k}" is not supported`);
    }
    if (typeof node.$ref === 'string') {
      const { source, def } = resolve(node.$ref, from);
      const name = source.names[def];
      return name ?? typeOf((source.schema.definitions as Schema)[def], source, `${where} -> ${node.$ref}`);
    }
    if (Array.isArray(node.enum)) return node.enum.map((v) => JSON.stringify(v)).join(' | ');
    if ('const' in node) return JSON.stringify(node.const);
    if (Array.isArray(node.anyOf)) {
      const parts = node.anyOf.map((s, i) => typeOf(s, from, `${where}.anyOf[${i}]`));
      return [...new Set(parts)].map((p) => (p.includes(' ') && !p.startsWith('{') ? `(${p})` : p)).join(' | ');
    }
    const types = Array.isArray(node.type) ? (node.type as string[]) : [node.type as string];
    return types
      .map((t) => {
        switch (t) {
          case 'string':
          case 'boolean':
          case 'null':
            return t;
          case 'number':
          case 'integer':
            return 'number';
          case 'array': {
            const item = node.items === undefined ? 'unknown' : typeOf(node.items, from, `${where}[]`);
            return /[ |]/.test(item) && !item.startsWith('{') ? `(${item})[]` : `${item}[]`;
          }
          case 'object':
            return objectType(node, from, where);
          default:
            throw new Error(`${where}: type ${JSON.stringify(t)} is not supported`);
        }
      })
      .join(' | ');
  };

  /** `{ ... }` for an inline object, or the members of an interface, one a line. */
  const objectType = (node: Schema, from: SchemaSource, where: string, inline = true): string => {
    const props = isSchema(node.properties) ? node.properties : null;
    const extra = node.additionalProperties;
    if (!props) {
      const value = isSchema(extra) ? typeOf(extra, from, `${where}.*`) : 'unknown';
      return `Record<string, ${value}>`;
    }
    const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
    const members = Object.entries(props).map(([key, sub]) => {
      const type = typeOf(sub, from, `${where}.${key}`);
      const optional = required.has(key) ? '' : '?';
      return { doc: isSchema(sub) ? sub.description : undefined, text: `${propertyKey(key)}${optional}: ${type};` };
    });
    // A typed catch-all would have to admit every listed property's type; extra fields stay untyped.
    if (isSchema(extra)) members.push({ doc: undefined, text: '[key: string]: unknown;' });
    if (inline) return `{ ${members.map((m) => m.text).join(' ')} }`;
    return members.map((m) => `${comment(m.doc, '  ')}  ${m.text}`).join('\n');
  };

  const out: string[] = [header.trimEnd(), ''];
  const emit = (name: string, node: Schema, source: SchemaSource, where: string) => {
    if (node.type !== 'object' || !isSchema(node.properties)) {
      throw new Error(`${where}: ${name} must be an object with properties`);
    }
    out.push(`${comment(node.description, '')}export interface ${name} {`);
    out.push(objectType(node, source, where, false));
    out.push('}', '');
  };
  for (const source of sources) {
    const file = fileOf(source.schema);
    emit(source.rootName, source.schema, source, file);
    const defs = isSchema(source.schema.definitions) ? source.schema.definitions : {};
    for (const [def, node] of Object.entries(defs)) {
      const name = source.names[def];
      if (name) emit(name, node as Schema, source, `${file}#/definitions/${def}`);
      else if (isSchema(node) && isSchema(node.properties))
        throw new Error(`${file}: definition "${def}" needs a name`);
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
