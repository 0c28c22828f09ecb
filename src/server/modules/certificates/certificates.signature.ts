/**
 * Certificate signatures (ADR 0013). The platform signs the canonical content of every certificate with
 * HMAC-SM3 under a key derived from the platform MAC key (`hmacSm3(keys.mac, 'gancai/certificate-signature/v1')`),
 * so a row altered in the database (holder, occupation, level, dates, issuer, number) no longer matches
 * its signature and the public verification answers `tampered`. Status and revocation are not part of the
 * content: they change legitimately, and a revocation is also kept in the append-only workflow_events,
 * which verification cross-checks.
 *
 * Canonical content: a JSON array in fixed order, version tag first:
 *   ["GCS1", number, holderUserId, holderName, occupationCode, levelCode, issuerOrgId|"", issuerName,
 *    issuedOn, source, sourceRef]
 * Signature text: `GCS1.` + base64url of the 32-byte MAC.
 */
import { timingSafeEqual } from 'node:crypto';
import { hmacSm3, type Keys } from '../../lib/crypto.js';

const VERSION = 'GCS1';

export interface SignedContent {
  number: string;
  holderUserId: string;
  holderName: string;
  occupationCode: string;
  levelCode: string;
  issuerOrgId: string | null;
  issuerName: string;
  issuedOn: string;
  source: string;
  sourceRef: string;
}

function signingKey(keys: Keys): Buffer {
  return hmacSm3(keys.mac, 'gancai/certificate-signature/v1');
}

export function canonicalContent(c: SignedContent): string {
  return JSON.stringify([
    VERSION,
    c.number,
    c.holderUserId,
    c.holderName,
    c.occupationCode,
    c.levelCode,
    c.issuerOrgId ?? '',
    c.issuerName,
    c.issuedOn,
    c.source,
    c.sourceRef,
  ]);
}

export function signCertificate(keys: Keys, c: SignedContent): string {
  return `${VERSION}.${hmacSm3(signingKey(keys), canonicalContent(c)).toString('base64url')}`;
}

export function signatureValid(keys: Keys, c: SignedContent, signature: string): boolean {
  const expected = Buffer.from(signCertificate(keys, c));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
