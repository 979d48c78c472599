/**
 * Contact phones in E.164 by libphonenumber-js: the national way with the source's calling code, "00" and "(0)",
 * no-break spaces, and a length that must be possible for the country (not whether the range is allocated).
 */
import { describe, it, expect } from 'vitest';
import { isCallingCode, phoneE164 } from '../../src/validate/phone-e164.ts';

describe('phoneE164', () => {
  it('normalises national and international writings', () => {
    expect(phoneE164('06 39 98 12 34', '33')).toBe('+33639981234');
    expect(phoneE164('06\u00a039\u00a098\u00a012\u00a034', '33')).toBe('+33639981234');
    expect(phoneE164('06.39.98.12.34', '33')).toBe('+33639981234');
    expect(phoneE164('0033 6 39 98 12 34', null)).toBe('+33639981234');
    expect(phoneE164('+44 (0)20 7946 0958', null)).toBe('+442079460958');
    expect(phoneE164('07700 900123', '44')).toBe('+447700900123');
    expect(phoneE164('201-555-0123', '1')).toBe('+12015550123');
    expect(phoneE164('079 123 45 67', '41')).toBe('+41791234567');
    expect(phoneE164('+32 470 12 34 56', null)).toBe('+32470123456');
  });

  it('refuses lengths the country cannot have, national numbers without a code, and text', () => {
    expect(phoneE164('06 39 98 12', '33')).toBeNull();
    expect(phoneE164('+33 6 39 98 12 34 56', null)).toBeNull();
    expect(phoneE164('0639981234', null)).toBeNull();
    expect(phoneE164('O6 39 98 12 34', '33')).toBeNull();
    expect(phoneE164('555-01', '1')).toBeNull();
    expect(phoneE164('x'.repeat(10_000), '33')).toBeNull();
  });

  it('knows the calling codes', () => {
    expect(['33', '44', '1', '41', '352'].every(isCallingCode)).toBe(true);
    expect(['999', '0', '3333'].some(isCallingCode)).toBe(false);
  });
});
