/**
 * Event tickets. The QR code carries `GCT1.<registration id>.<signature>`: the signature is HMAC-SM3 of
 * the registration's random nonce under a key derived from the platform MAC key, so a ticket cannot be
 * guessed or forged, and it names no person. The 8-character code (for typing by hand) is derived the
 * same way. A new registration gets a new nonce, so an old ticket dies with its registration.
 */
import { timingSafeEqual } from 'node:crypto';
import QRCode from 'qrcode';
import { TICKET_CODE_ALPHABET } from '../../../shared/events.js';
import { hmacSm3, type Keys, randomToken } from '../../lib/crypto.js';

const PREFIX = 'GCT1';

function ticketKey(keys: Keys): Buffer {
  return hmacSm3(keys.mac, 'gancai/event-ticket/v1');
}

export function newTicketNonce(): string {
  return randomToken(16);
}

function signature(keys: Keys, registrationId: string, nonce: string): string {
  return hmacSm3(ticketKey(keys), `ticket:${registrationId}:${nonce}`).subarray(0, 18).toString('base64url');
}

export function ticketToken(keys: Keys, registrationId: string, nonce: string): string {
  return `${PREFIX}.${registrationId}.${signature(keys, registrationId, nonce)}`;
}

/** Eight characters of a 31-letter alphabet without look-alikes (about 40 bits). */
export function ticketCode(keys: Keys, registrationId: string, nonce: string): string {
  const mac = hmacSm3(ticketKey(keys), `code:${registrationId}:${nonce}`);
  let out = '';
  for (let i = 0; i < 8; i++) out += TICKET_CODE_ALPHABET[(mac.readUInt16BE(i * 2) ?? 0) % TICKET_CODE_ALPHABET.length];
  return out;
}

/** The registration id a token claims, or null when it is not a ticket at all. */
export function parseTicketToken(token: string): { registrationId: string; sig: string } | null {
  const m = /^GCT1\.([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,40})$/.exec(token.trim());
  if (!m?.[1] || !m[2]) return null;
  return { registrationId: m[1], sig: m[2] };
}

export function ticketSignatureValid(keys: Keys, registrationId: string, nonce: string, sig: string): boolean {
  const expected = Buffer.from(signature(keys, registrationId, nonce));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** PNG data URL of the ticket's QR code (medium error correction, readable from a phone screen). */
export function ticketQrDataUrl(token: string): Promise<string> {
  return QRCode.toDataURL(token, { errorCorrectionLevel: 'M', margin: 2, scale: 6 });
}
