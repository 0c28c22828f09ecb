/** Certificate numbers: the check character catches every single-character change and adjacent swap. */
import { describe, expect, it } from 'vitest';
import { CERT_ALPHABET, certificateNumber, checkCertificateNumber, formatCertificateNumber } from './certificates.js';

describe('certificate numbers', () => {
  const n = certificateNumber(2026, '7KQ4MZ2P');

  it('formats, normalises and accepts a good number', () => {
    expect(n).toMatch(/^GC20267KQ4MZ2P[0-9A-Z]$/);
    const shown = formatCertificateNumber(n);
    expect(shown).toBe(`GC-2026-7KQ4-MZ2P-${n.slice(-1)}`);
    expect(checkCertificateNumber(shown)).toEqual({ ok: true, canonical: n });
    expect(checkCertificateNumber(` ${shown.toLowerCase()} `)).toEqual({ ok: true, canonical: n });
  });

  it('detects every one-character substitution before any lookup', () => {
    let tried = 0;
    for (let i = 2; i < n.length; i++) {
      for (const ch of CERT_ALPHABET) {
        if (ch === n[i]) continue;
        const changed = n.slice(0, i) + ch + n.slice(i + 1);
        const r = checkCertificateNumber(changed);
        expect(r.ok, changed).toBe(false);
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(300);
  });

  it('detects swaps of two different adjacent characters', () => {
    for (let i = 2; i < n.length - 1; i++) {
      if (n[i] === n[i + 1]) continue;
      const swapped = n.slice(0, i) + n[i + 1] + n[i] + n.slice(i + 2);
      expect(checkCertificateNumber(swapped).ok, swapped).toBe(false);
    }
  });

  it('refuses malformed input as format, a wrong check character as check', () => {
    expect(checkCertificateNumber('GC-2026-7KQ4')).toEqual({ ok: false, reason: 'format' });
    expect(checkCertificateNumber('hello')).toEqual({ ok: false, reason: 'format' });
    const wrong = n.slice(0, -1) + (n.endsWith('0') ? '1' : '0');
    expect(checkCertificateNumber(wrong)).toEqual({ ok: false, reason: 'check' });
  });
});
