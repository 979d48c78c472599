/**
 * A small JSON Schema (draft-07 subset) validator: exactly the keywords the Vega-Lite schema uses
 * ($ref, type, anyOf, allOf, oneOf, properties, additionalProperties, required, items, enum, const,
 * minimum, maximum, minItems, maxItems, minLength, maxLength, minProperties). `format` is ignored
 * (annotation only in draft-07). Returns the error of the deepest failing path
 * (a wrong type ranks below any other error at the same depth).
 */
export type Schema = boolean | { readonly [k: string]: unknown };

export interface SchemaError {
  readonly path: string;
  readonly message: string;
  readonly depth: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function typeOk(type: string, v: unknown): boolean {
  switch (type) {
    case 'null': return v === null;
    case 'boolean': return typeof v === 'boolean';
    case 'number': return typeof v === 'number' && Number.isFinite(v);
    case 'integer': return typeof v === 'number' && Number.isInteger(v);
    case 'string': return typeof v === 'string';
    case 'array': return Array.isArray(v);
    case 'object': return isObject(v);
    default: throw new Error(`unsupported type ${type}`);
  }
}

const KNOWN = new Set([
  '$ref', 'type', 'anyOf', 'allOf', 'oneOf', 'properties', 'additionalProperties', 'required', 'items', 'enum', 'const', 'minimum', 'maximum',
  'minItems', 'maxItems', 'minLength', 'maxLength', 'minProperties', 'format', 'description', 'markdownDescription', 'default', '$schema', 'definitions', 'title', 'examples',
]);

export function createValidator(root: Record<string, unknown>): (value: unknown) => SchemaError | undefined {
  const definitions = (root.definitions ?? {}) as Record<string, Schema>;
  const resolve = (ref: string): Schema => {
    const m = /^#\/definitions\/(.+)$/.exec(ref);
    if (m === null) throw new Error(`unsupported $ref ${ref}`);
    const name = decodeURIComponent(m[1]!).replaceAll('~1', '/').replaceAll('~0', '~');
    const s = definitions[name];
    if (s === undefined) throw new Error(`unknown definition ${name}`);
    return s;
  };

  function check(schema: Schema, v: unknown, path: string, depth: number): SchemaError | undefined {
    if (schema === true) return undefined;
    if (schema === false) return { path, message: 'no value allowed here', depth };
    for (const k of Object.keys(schema)) if (!KNOWN.has(k)) throw new Error(`unsupported keyword ${k} at ${path}`);
    if (typeof schema.$ref === 'string') {
      const e = check(resolve(schema.$ref), v, path, depth);
      if (e) return e;
    }
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
      if (!types.some((t) => typeOk(t, v))) return { path, message: `expected ${types.join(' | ')}, got ${JSON.stringify(v)?.slice(0, 60)}`, depth: depth - 0.5 };
    }
    if (schema.const !== undefined && JSON.stringify(schema.const) !== JSON.stringify(v)) return { path, message: `expected ${JSON.stringify(schema.const)}`, depth };
    if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(v))) {
      return { path, message: `expected one of ${JSON.stringify(schema.enum).slice(0, 120)}, got ${JSON.stringify(v)}`, depth };
    }
    if (typeof v === 'number') {
      if (typeof schema.minimum === 'number' && v < schema.minimum) return { path, message: `below minimum ${schema.minimum}`, depth };
      if (typeof schema.maximum === 'number' && v > schema.maximum) return { path, message: `above maximum ${schema.maximum}`, depth };
    }
    if (typeof v === 'string') {
      if (typeof schema.minLength === 'number' && v.length < schema.minLength) return { path, message: `shorter than ${schema.minLength}`, depth };
      if (typeof schema.maxLength === 'number' && v.length > schema.maxLength) return { path, message: `longer than ${schema.maxLength}`, depth };
    }
    if (Array.isArray(v)) {
      if (typeof schema.minItems === 'number' && v.length < schema.minItems) return { path, message: `fewer than ${schema.minItems} items`, depth };
      if (typeof schema.maxItems === 'number' && v.length > schema.maxItems) return { path, message: `more than ${schema.maxItems} items`, depth };
      if (Array.isArray(schema.items)) {
        for (let i = 0; i < Math.min(v.length, schema.items.length); i++) {
          const e = check(schema.items[i] as Schema, v[i], `${path}[${i}]`, depth + 1);
          if (e) return e;
        }
      } else if (schema.items !== undefined) {
        for (let i = 0; i < v.length; i++) {
          const e = check(schema.items as Schema, v[i], `${path}[${i}]`, depth + 1);
          if (e) return e;
        }
      }
    }
    if (isObject(v)) {
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      for (const r of (schema.required ?? []) as string[]) if (!(r in v)) return { path, message: `missing required property ${r}`, depth };
      if (typeof schema.minProperties === 'number' && Object.keys(v).length < schema.minProperties) return { path, message: 'too few properties', depth };
      for (const [k, val] of Object.entries(v)) {
        const sub = props[k];
        if (sub !== undefined) {
          const e = check(sub, val, `${path}.${k}`, depth + 1);
          if (e) return e;
        } else if (schema.additionalProperties !== undefined) {
          const e = check(schema.additionalProperties as Schema, val, `${path}.${k}`, depth + 1);
          if (e) return schema.additionalProperties === false ? { ...e, message: `unknown property ${k}` } : e;
        }
      }
    }
    for (const s of (schema.allOf ?? []) as Schema[]) {
      const e = check(s, v, path, depth);
      if (e) return e;
    }
    if (Array.isArray(schema.anyOf)) {
      let best: SchemaError | undefined;
      for (const s of schema.anyOf as Schema[]) {
        const e = check(s, v, path, depth);
        if (e === undefined) return undefined;
        if (best === undefined || e.depth > best.depth) best = e;
      }
      return best;
    }
    if (Array.isArray(schema.oneOf)) {
      const errors = (schema.oneOf as Schema[]).map((s) => check(s, v, path, depth));
      const passing = errors.filter((e) => e === undefined).length;
      if (passing !== 1) return passing === 0 ? errors.reduce((a, b) => ((b?.depth ?? 0) > (a?.depth ?? 0) ? b : a)) : { path, message: 'matches more than one oneOf branch', depth };
    }
    return undefined;
  }

  return (value) => check(root, value, '$', 0);
}
