/**
 * Personal identifiers: validate, seal (SM4 + blind index), mask, and reveal (audited).
 * The only module that decrypts 身份证号 and phone numbers.
 */
import { AppError } from '../../../shared/errors.js';
import { maskIdNumber, maskPhone, parseIdNumber, parsePhone } from '../../../shared/identifiers.js';
import type { Keys } from '../../lib/crypto.js';
import { blindIndex, decrypt, encrypt } from '../../lib/crypto.js';

export interface Sealed {
  enc: string;
  bidx: string;
}

export function sealIdNumber(keys: Keys, raw: string): Sealed {
  const parsed = parseIdNumber(raw);
  if (!parsed.ok) throw new AppError(parsed.error, { status: 400, params: { field: 'idNumber' } });
  return { enc: encrypt(keys, parsed.value), bidx: blindIndex(keys, 'id_number', parsed.value) };
}

export function sealPhone(keys: Keys, raw: string): Sealed {
  const parsed = parsePhone(raw);
  if (!parsed.ok) throw new AppError(parsed.error, { status: 400, params: { field: 'phone' } });
  return { enc: encrypt(keys, parsed.value), bidx: blindIndex(keys, 'phone', parsed.value) };
}

/** Blind index of a typed-in value, for exact search; undefined when the value is not valid. */
export function idNumberIndex(keys: Keys, raw: string): string | undefined {
  const p = parseIdNumber(raw);
  return p.ok ? blindIndex(keys, 'id_number', p.value) : undefined;
}
export function phoneIndex(keys: Keys, raw: string): string | undefined {
  const p = parsePhone(raw);
  return p.ok ? blindIndex(keys, 'phone', p.value) : undefined;
}

export function maskedIdNumber(keys: Keys, enc: string | null): string | null {
  return enc ? maskIdNumber(decrypt(keys, enc)) : null;
}
export function maskedPhone(keys: Keys, enc: string | null): string | null {
  return enc ? maskPhone(decrypt(keys, enc)) : null;
}
export function openValue(keys: Keys, enc: string | null): string | null {
  return enc ? decrypt(keys, enc) : null;
}
