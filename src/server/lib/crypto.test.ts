import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blindIndex, decrypt, deriveKeys, encrypt, sm3 } from './crypto.js';

const keys = deriveKeys(Buffer.alloc(32, 7));

describe('national cryptographic algorithms (known-answer tests)', () => {
  it('SM3("abc") matches GB/T 32905', () => {
    expect(sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('SM4 matches the GB/T 32907 example', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const c = createCipheriv('sm4-ecb', key, null);
    c.setAutoPadding(false);
    const out = Buffer.concat([c.update(key), c.final()]).toString('hex');
    expect(out).toBe('681edf34d206965e86b3e94f536e4246');
  });
});

describe('personal-identifier sealing', () => {
  it('round-trips and never repeats a ciphertext', () => {
    const a = encrypt(keys, '360702199703152427');
    const b = encrypt(keys, '360702199703152427');
    expect(a).not.toBe(b);
    expect(a).not.toContain('360702');
    expect(decrypt(keys, a)).toBe('360702199703152427');
  });

  it('fails closed when one bit of the ciphertext is flipped', () => {
    const sealed = encrypt(keys, '13907971234');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[20] = (raw[20] ?? 0) ^ 1;
    expect(() => decrypt(keys, `v1.${raw.toString('base64')}`)).toThrow(/integrity/);
  });

  it('fails closed with another key', () => {
    const sealed = encrypt(keys, '13907971234');
    expect(() => decrypt(deriveKeys(Buffer.alloc(32, 8)), sealed)).toThrow();
  });

  it('blind index is deterministic per key and kind', () => {
    expect(blindIndex(keys, 'phone', '13907971234')).toBe(blindIndex(keys, 'phone', '13907971234'));
    expect(blindIndex(keys, 'phone', '13907971234')).not.toBe(blindIndex(keys, 'id_number', '13907971234'));
    expect(blindIndex(deriveKeys(Buffer.alloc(32, 8)), 'phone', '13907971234')).not.toBe(blindIndex(keys, 'phone', '13907971234'));
  });
});
