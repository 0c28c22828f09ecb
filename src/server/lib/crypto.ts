/**
 * The one place that does cryptography (crypto agility: a certified module can replace it).
 *  - SM4-CBC + HMAC-SM3 (encrypt-then-MAC) for personal identifiers at rest
 *  - HMAC-SM3 blind index for exact-match search on encrypted values
 *  - SM3 for the audit chain and session-token digests
 * Keys are derived from the master key with HKDF-SM3, one per purpose.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { Transform } from 'node:stream';

export interface Keys {
  enc: Buffer;
  mac: Buffer;
  index: Buffer;
}

export function deriveKeys(master: Buffer): Keys {
  const derive = (info: string, len: number) => Buffer.from(hkdfSync('sm3', master, Buffer.alloc(0), info, len));
  return { enc: derive('gancai/pi-enc/v1', 16), mac: derive('gancai/pi-mac/v1', 32), index: derive('gancai/pi-index/v1', 32) };
}

export function sm3(data: string | Buffer): string {
  return createHash('sm3').update(data).digest('hex');
}

export function hmacSm3(key: Buffer, data: string | Buffer): Buffer {
  return createHmac('sm3', key).update(data).digest();
}

const VERSION = 'v1';

export function encrypt(keys: Keys, plain: string): string {
  const iv = randomBytes(16);
  const cipher = createCipheriv('sm4-cbc', keys.enc, iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const tag = hmacSm3(keys.mac, Buffer.concat([Buffer.from(VERSION), iv, ct]));
  return `${VERSION}.${Buffer.concat([iv, ct, tag]).toString('base64')}`;
}

/** Fails closed: a flipped bit or a wrong key throws instead of returning garbage. */
export function decrypt(keys: Keys, sealed: string): string {
  const [version, body] = sealed.split('.');
  if (version !== VERSION || !body) throw new Error('unsupported ciphertext');
  const raw = Buffer.from(body, 'base64');
  if (raw.length < 16 + 16 + 32) throw new Error('ciphertext too short');
  const iv = raw.subarray(0, 16);
  const ct = raw.subarray(16, raw.length - 32);
  const tag = raw.subarray(raw.length - 32);
  const expected = hmacSm3(keys.mac, Buffer.concat([Buffer.from(VERSION), iv, ct]));
  if (!timingSafeEqual(tag, expected)) throw new Error('ciphertext integrity check failed');
  const decipher = createDecipheriv('sm4-cbc', keys.enc, iv);
  return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
}

/** Deterministic keyed digest of a normalised value, for lookups without decrypting. */
export function blindIndex(keys: Keys, kind: 'id_number' | 'phone' | 'bank_account', value: string): string {
  return hmacSm3(keys.index, `${kind}:${value}`).toString('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * Files at rest that hold personal data (e.g. rejected import rows): SM4-CBC with a random IV written
 * first. `sealStream()` encrypts what is piped through it; `openStream()` reverses it.
 */
export function sealStream(keys: Keys): Transform {
  const iv = randomBytes(16);
  const cipher = createCipheriv('sm4-cbc', keys.enc, iv);
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      const out = cipher.update(chunk);
      const first = !started;
      started = true;
      cb(null, first ? Buffer.concat([iv, out]) : out);
    },
    flush(cb) {
      const out = cipher.final();
      cb(null, started ? out : Buffer.concat([iv, out]));
    },
  });
}

export function openStream(keys: Keys): Transform {
  let head = Buffer.alloc(0);
  let decipher: ReturnType<typeof createDecipheriv> | null = null;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      if (decipher) return cb(null, decipher.update(chunk));
      head = Buffer.concat([head, chunk]);
      if (head.length < 16) return cb();
      decipher = createDecipheriv('sm4-cbc', keys.enc, head.subarray(0, 16));
      cb(null, decipher.update(head.subarray(16)));
    },
    flush(cb) {
      if (!decipher) return cb(new Error('sealed file too short'));
      try {
        cb(null, decipher.final());
      } catch (err) {
        cb(err as Error);
      }
    },
  });
}
