// Checks a parsed verbatim.json against media/verbatim.schema.json, the schema VS Code uses to
// complete and validate the file while it is edited. One schema serves both, so the editor and
// the CLI can never disagree about which keys exist or what they hold. Only the keywords that
// schema uses are understood; the message names the key path, what is expected and what was found.

import schemaJson from '../../media/verbatim.schema.json';

/** The part of JSON Schema that verbatim.schema.json uses. */
export interface SchemaNode {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  required?: string[];
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
  /** What the value should be, in words, for messages ("a path or a list of paths"). */
  'x-expected'?: string;
}

export const CONFIG_SCHEMA = schemaJson as SchemaNode;

/** One problem found: where (key path), and the one-line message without the file name. */
export interface SchemaProblem {
  path: (string | number)[];
  message: string;
}

/** Returns the first problem of `value` against `schema`, or null when it conforms. */
export function checkSchema(value: unknown, schema: SchemaNode = CONFIG_SCHEMA, at: (string | number)[] = []): SchemaProblem | null {
  if (schema.anyOf) {
    if (schema.anyOf.some((option) => checkSchema(value, option, at) === null)) return null;
    return mismatch(at, schema, value);
  }
  if (schema.type && !hasType(value, schema.type)) return mismatch(at, schema, value);
  if (typeof value === 'number' && ((schema.minimum !== undefined && value < schema.minimum) || (schema.maximum !== undefined && value > schema.maximum))) {
    return mismatch(at, schema, value);
  }
  if (typeof value === 'string' && schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) return mismatch(at, schema, value);
  if (Array.isArray(value) && schema.items) {
    for (let i = 0; i < value.length; i++) {
      const problem = checkSchema(value[i], schema.items, [...at, i]);
      if (problem) return problem;
    }
  }
  if (isObject(value)) return checkObject(value, schema, at);
  return null;
}

function checkObject(value: Record<string, unknown>, schema: SchemaNode, at: (string | number)[]): SchemaProblem | null {
  for (const key of schema.required ?? []) {
    if (!(key in value)) return { path: at, message: `${pathText(at)} must be ${expected(schema)}; "${key}" is missing` };
  }
  const known = schema.properties ?? {};
  for (const [key, child] of Object.entries(value)) {
    const childSchema = Object.hasOwn(known, key) ? known[key] : schema.additionalProperties;
    if (childSchema === false) return { path: [...at, key], message: unknownKey(at, key, Object.keys(known)) };
    if (childSchema === undefined || childSchema === true) continue;
    const problem = checkSchema(child, childSchema, [...at, key]);
    if (problem) return problem;
  }
  return null;
}

function unknownKey(at: (string | number)[], key: string, allowed: string[]): string {
  const listed = allowed.filter((name) => !name.startsWith('$'));
  const near = closest(key, listed);
  const hint = near ? `did you mean "${near}"? ` : '';
  if (at.length === 0) return `unknown key "${key}" (${hint}allowed: ${listed.join(', ')})`;
  return `${pathText(at)} has an unknown field "${key}" (${hint}allowed: ${listed.join(', ')})`;
}

function mismatch(at: (string | number)[], schema: SchemaNode, value: unknown): SchemaProblem {
  const subject = at.length === 0 ? 'the file' : pathText(at);
  return { path: at, message: `${subject} must be ${expected(schema)}, not ${shown(value)}` };
}

/** What a schema node wants, in words: its own phrase, else one made from its type and range. */
export function expected(schema: SchemaNode): string {
  if (schema['x-expected']) return schema['x-expected'];
  const range = schema.minimum !== undefined && schema.maximum !== undefined ? ` from ${schema.minimum} to ${schema.maximum}`
    : schema.minimum !== undefined ? ` of at least ${schema.minimum}` : '';
  switch (schema.type) {
    case 'integer': return `a whole number${range}`;
    case 'number': return `a number${range}`;
    case 'string': return schema.pattern ? 'a non-empty string' : 'a string';
    case 'boolean': return 'true or false';
    case 'array': return 'a list';
    case 'object': return 'a JSON object';
    default: return 'a valid value';
  }
}

function hasType(value: unknown, type: NonNullable<SchemaNode['type']>): boolean {
  switch (type) {
    case 'object': return isObject(value);
    case 'array': return Array.isArray(value);
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    default: return typeof value === type;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `"folders" → "wires" → "source"`, with list positions counted from 1 as people count. */
function pathText(at: (string | number)[]): string {
  return at.map((part) => (typeof part === 'number' ? `item ${part + 1}` : `"${part}"`)).join(' → ');
}

/** A short rendering of the value found, so the message shows what was wrong with it. */
function shown(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** The allowed name a typo most likely meant: at most two edits away, ignoring case. */
function closest(key: string, names: string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const name of names) {
    const distance = editDistance(key.toLowerCase(), name.toLowerCase());
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}
