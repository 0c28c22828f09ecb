/** RFC 6238 TOTP (30 s, 6 digits, SHA-1 for authenticator-app compatibility). Codes are single use. */
import { Secret, TOTP } from 'otpauth';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secretBase32: string, label = 'gancai'): TOTP {
  return new TOTP({ issuer: '赣才', label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) });
}

export function totpUri(secretBase32: string, username: string): string {
  return totpFor(secretBase32, username).toString();
}

export function currentTotp(secretBase32: string, at: Date): string {
  return totpFor(secretBase32).generate({ timestamp: at.getTime() });
}

/**
 * Returns the time step the code belongs to (±1 step of drift), or null when invalid.
 * The caller rejects a step at or before the last one used, so a code cannot be replayed.
 */
export function matchTotp(secretBase32: string, token: string, at: Date): number | null {
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secretBase32).validate({ token, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(at.getTime() / 30_000) + delta;
}
