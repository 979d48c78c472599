import { describe, it, expect } from 'vitest';
import { createValidator } from './json-schema.ts';

describe('json-schema validator', () => {
  const validate = createValidator({
    $ref: '#/definitions/Top',
    definitions: {
      Top: { type: 'object', properties: { a: { type: 'number', minimum: 0 }, b: { anyOf: [{ type: 'string' }, { $ref: '#/definitions/B' }] } }, required: ['a'], additionalProperties: false },
      B: { type: 'array', items: { enum: ['x', 'y'] }, minItems: 1 },
    },
  });
  it('accepts valid values', () => {
    expect(validate({ a: 1 })).toBeUndefined();
    expect(validate({ a: 0, b: 'text' })).toBeUndefined();
    expect(validate({ a: 0, b: ['x', 'y'] })).toBeUndefined();
  });
  it('rejects invalid values with their path', () => {
    expect(validate({})?.message).toMatch(/missing required property a/);
    expect(validate({ a: -1 })?.path).toBe('$.a');
    expect(validate({ a: 1, c: 2 })?.message).toMatch(/unknown property c/);
    expect(validate({ a: 1, b: ['z'] })?.path).toBe('$.b[0]');
    expect(validate({ a: 1, b: [] })?.message).toMatch(/fewer than 1/);
  });
});
