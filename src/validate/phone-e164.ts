/**
 * A contact's phone number → E.164, by libphonenumber-js (Google's libphonenumber metadata): the number is
 * parsed with its country calling code, or with the source's `phone_country_code` when it is written the
 * national way (trunk prefix such as the French 0, "(0)" after the code, spaces, dots, dashes, brackets, no-break
 * spaces and "00" as the international prefix all understood), and kept when its length is possible for that
 * country. Whether the range is allocated is not checked: numbers in the ranges reserved for fiction (which the
 * demo uses) pass, as a newly opened range would.
 *
 * **Example:**
 * ```ts
 * phoneE164('06 39 98 12 34', '33'); // '+33639981234'
 * phoneE164('+44 (0)20 7946 0958', null); // '+442079460958'
 * phoneE164('06 39 98 12', '33'); // null (too short for France)
 * isCallingCode('999'); // false: phoneE164 must not be called with it
 * ```
 */
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCallingCode } from 'libphonenumber-js/min';

export function phoneE164(text: string, countryCallingCode: string | null): string | null {
  const international = text.trim().replace(/^00(?=[1-9])/, '+');
  // extract: false: the cell must be a phone number, not text that holds one ("O6 39…" with a letter O is refused).
  const parsed = parsePhoneNumberFromString(international, { extract: false, ...(countryCallingCode === null ? {} : { defaultCallingCode: countryCallingCode as CountryCallingCode }) });
  return parsed !== undefined && parsed.isPossible() ? parsed.number : null;
}

/** Whether a calling code ("33", "1") belongs to some country of the metadata. */
export function isCallingCode(code: string): boolean {
  return getCountries().some((country) => getCountryCallingCode(country) === code);
}
