/** Password hashing (argon2id) and the 等保 level-3 password policy. */
import { hash, verify } from '@node-rs/argon2';

const ARGON = { algorithm: 2 /* argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, ARGON);
}

/** A fixed hash verified for unknown usernames, so timing does not reveal which accounts exist. */
let dummy: Promise<string> | undefined;
export async function verifyPassword(stored: string | null | undefined, plain: string): Promise<boolean> {
  dummy ??= hash('gancai-dummy-password-Aa1!', ARGON);
  const target = stored ?? (await dummy);
  const ok = await verify(target, plain).catch(() => false);
  return stored ? ok : false;
}

const COMMON = new Set([
  'password1!',
  'password123',
  'p@ssw0rd',
  'p@ssword1',
  'qwer1234!',
  'admin@123',
  'admin123!',
  'abc@12345',
  'aa123456!',
  'qq123456.',
  'passw0rd!',
  '1qaz@wsx',
  '1qaz2wsx!',
  'zaq1@wsx',
  'welcome1!',
]);

export type PasswordProblem = 'too_short' | 'too_long' | 'classes' | 'contains_username' | 'common';

/** ≥ 8 and ≤ 128 characters, three of four classes, not the username, not a known common password. */
export function checkPasswordPolicy(password: string, username: string): PasswordProblem | null {
  if (password.length < 8) return 'too_short';
  if (password.length > 128) return 'too_long';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) return 'classes';
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) return 'contains_username';
  if (COMMON.has(password.toLowerCase())) return 'common';
  return null;
}
