/**
 * Validators for the identifiers people and organisations type in.
 * Pure functions, shared by the server (authoritative) and the web app (instant feedback).
 *  - 居民身份证号码 GB 11643-1999 (18 digits, ISO 7064 MOD 11-2 check character)
 *  - 统一社会信用代码 GB 32100-2015 (18 characters, MOD 31 check character)
 *  - mainland mobile numbers (11 digits starting 1[3-9], optional +86)
 */

export type IdNumberResult =
  | { ok: true; value: string; converted: boolean }
  | { ok: false; error: 'PI_ID_NUMBER_INVALID' | 'PI_ID_NUMBER_CHECKSUM' | 'PI_ID_NUMBER_LEGACY' };

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** NFKC folds full-width digits and letters; anything else unexpected stays and fails the pattern. */
function normalise(raw: string): string {
  return raw.normalize('NFKC').replace(/[ \t]/g, '').toUpperCase();
}

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] ?? '?';
}

function validBirthDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d && dt.getTime() <= Date.now();
}

/**
 * Validates a 身份证号. An 18-digit number must have a valid date and check character.
 * A 15-digit first-generation number (pre-1999, century 19 implied) is converted to 18 digits.
 */
export function parseIdNumber(raw: string): IdNumberResult {
  const v = normalise(raw);
  if (/^\d{15}$/.test(v)) {
    const first17 = `${v.slice(0, 6)}19${v.slice(6)}`;
    if (!validBirthDate(first17.slice(6, 14))) return { ok: false, error: 'PI_ID_NUMBER_LEGACY' };
    return { ok: true, value: first17 + idNumberCheckChar(first17), converted: true };
  }
  if (!/^[1-9]\d{16}[\dX]$/.test(v)) return { ok: false, error: 'PI_ID_NUMBER_INVALID' };
  if (!validBirthDate(v.slice(6, 14))) return { ok: false, error: 'PI_ID_NUMBER_INVALID' };
  if (idNumberCheckChar(v.slice(0, 17)) !== v[17]) return { ok: false, error: 'PI_ID_NUMBER_CHECKSUM' };
  return { ok: true, value: v, converted: false };
}

export type PhoneResult = { ok: true; value: string } | { ok: false; error: 'PI_PHONE_INVALID' };

export function parsePhone(raw: string): PhoneResult {
  let v = normalise(raw).replace(/-/g, '');
  if (v.startsWith('+86')) v = v.slice(3);
  else if (v.startsWith('0086')) v = v.slice(4);
  return /^1[3-9]\d{9}$/.test(v) ? { ok: true, value: v } : { ok: false, error: 'PI_PHONE_INVALID' };
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = USCC_CHARS.indexOf(first17[i] ?? '');
    if (c < 0) return undefined;
    sum += c * (USCC_WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARS[check];
}

export type UsccResult = { ok: true; value: string } | { ok: false; error: 'ORG_USCC_INVALID' };

/** 统一社会信用代码: 18 characters from the GB 32100 alphabet with a valid check character. */
export function parseUscc(raw: string): UsccResult {
  const v = normalise(raw);
  if (!/^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/.test(v)) return { ok: false, error: 'ORG_USCC_INVALID' };
  return usccCheckChar(v.slice(0, 17)) === v[17] ? { ok: true, value: v } : { ok: false, error: 'ORG_USCC_INVALID' };
}

/** Display masks (GB/T 35273 §7.2). The server masks; the full value never reaches a browser unless revealed. */
export function maskIdNumber(v: string): string {
  return v.length < 8 ? '*'.repeat(v.length) : `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`;
}
export function maskPhone(v: string): string {
  return v.length < 7 ? '*'.repeat(v.length) : `${v.slice(0, 3)}****${v.slice(-4)}`;
}
export function maskName(v: string): string {
  const chars = [...v];
  if (chars.length <= 1) return v;
  return chars[0] + '*'.repeat(chars.length - 1);
}
