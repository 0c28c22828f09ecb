/**
 * Training tickets, the same scheme as event tickets (events.tickets.ts) under their own key and prefix:
 * the QR code carries `GTT1.<enrolment id>.<signature>`, the signature being HMAC-SM3 of the enrolment's
 * random nonce under a key derived from the platform MAC key; the 8-character code is derived the same
 * way. No personal data; one ticket serves every session of the class.
 */
import { timingSafeEqual } from 'node:crypto';
import QRCode from 'qrcode';
import { TICKET_CODE_ALPHABET } from '../../../shared/events.js';
import { hmacSm3, type Keys, randomToken } from '../../lib/crypto.js';

const PREFIX = 'GTT1';

function ticketKey(keys: Keys): Buffer {
  return hmacSm3(keys.mac, 'gancai/training-ticket/v1');
}

export function newTicketNonce(): string {
  return randomToken(16);
}

function signature(keys: Keys, enrolmentId: string, nonce: string): string {
  return hmacSm3(ticketKey(keys), `ticket:${enrolmentId}:${nonce}`).subarray(0, 18).toString('base64url');
}

export function ticketToken(keys: Keys, enrolmentId: string, nonce: string): string {
  return `${PREFIX}.${enrolmentId}.${signature(keys, enrolmentId, nonce)}`;
}

export function ticketCode(keys: Keys, enrolmentId: string, nonce: string): string {
  const mac = hmacSm3(ticketKey(keys), `code:${enrolmentId}:${nonce}`);
  let out = '';
  for (let i = 0; i < 8; i++) out += TICKET_CODE_ALPHABET[(mac.readUInt16BE(i * 2) ?? 0) % TICKET_CODE_ALPHABET.length];
  return out;
}

export function parseTicketToken(token: string): { enrolmentId: string; sig: string } | null {
  const m = /^GTT1\.([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,40})$/.exec(token.trim());
  if (!m?.[1] || !m[2]) return null;
  return { enrolmentId: m[1], sig: m[2] };
}

export function ticketSignatureValid(keys: Keys, enrolmentId: string, nonce: string, sig: string): boolean {
  const expected = Buffer.from(signature(keys, enrolmentId, nonce));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function ticketQrDataUrl(token: string): Promise<string> {
  return QRCode.toDataURL(token, { errorCorrectionLevel: 'M', margin: 2, scale: 6 });
}
