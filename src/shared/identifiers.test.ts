import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, maskIdNumber, maskPhone, parseIdNumber, parsePhone, parseUscc, usccCheckChar } from './identifiers.js';

/** Reference ISO 7064 MOD 11-2, written independently of the implementation under test. */
function referenceCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  return ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'][sum % 11] as string;
}

const idBody = fc
  .record({
    region: fc.constantFrom('360702', '360100', '110101', '440305', '360783'),
    date: fc.date({ min: new Date('1930-01-01'), max: new Date('2008-12-31'), noInvalidDate: true }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ region, date, seq }) => `${region}${date.toISOString().slice(0, 10).replaceAll('-', '')}${String(seq).padStart(3, '0')}`);

describe('身份证号 GB 11643', () => {
  it('agrees with a reference checksum on 10,000 generated numbers', () => {
    fc.assert(
      fc.property(idBody, (body) => {
        expect(idNumberCheckChar(body)).toBe(referenceCheck(body));
        expect(parseIdNumber(body + referenceCheck(body)).ok).toBe(true);
      }),
      { numRuns: 10_000 },
    );
  });

  it('rejects a wrong check character with a checksum error', () => {
    fc.assert(
      fc.property(idBody, fc.constantFrom(...'0123456789X'), (body, c) => {
        fc.pre(c !== referenceCheck(body));
        expect(parseIdNumber(body + c)).toEqual({ ok: false, error: 'PI_ID_NUMBER_CHECKSUM' });
      }),
    );
  });

  it('converts a 15-digit first-generation number', () => {
    const r = parseIdNumber('360702970315242');
    expect(r).toEqual({ ok: true, value: `36070219970315242${referenceCheck('36070219970315242')}`, converted: true });
  });

  it('folds full-width digits and lower-case x, refuses other noise', () => {
    const v = '11010519491231002X';
    expect(parseIdNumber('１１０１０５１９４９１２３１００２x')).toEqual({ ok: true, value: v, converted: false });
    expect(parseIdNumber(`1101051949\u200b1231002X`).ok).toBe(false);
    expect(parseIdNumber('110105194902301234')).toEqual({ ok: false, error: 'PI_ID_NUMBER_INVALID' });
    expect(parseIdNumber('abc').ok).toBe(false);
  });

  it('masks as first 4 + last 4', () => {
    expect(maskIdNumber('360702199703152427')).toBe('3607**********2427');
  });
});

describe('phone', () => {
  it('accepts mainland mobiles with optional +86 and masks them', () => {
    expect(parsePhone('+86 139-0797-1234')).toEqual({ ok: true, value: '13907971234' });
    expect(parsePhone('12907971234').ok).toBe(false);
    expect(parsePhone('1390797123').ok).toBe(false);
    expect(maskPhone('13907971234')).toBe('139****1234');
  });
});

describe('统一社会信用代码 GB 32100', () => {
  it('accepts a valid code and rejects any single-character change', () => {
    const body = '91360702MA35X8KQ1';
    const code = body + usccCheckChar(body);
    expect(parseUscc(code).ok).toBe(true);
    expect(parseUscc(code.toLowerCase()).ok).toBe(true);
    for (let i = 0; i < 18; i++) {
      const alt = code[i] === '3' ? '4' : '3';
      expect(parseUscc(code.slice(0, i) + alt + code.slice(i + 1)).ok).toBe(false);
    }
    expect(parseUscc('91360702MA35X8KQ1I').ok).toBe(false);
  });
});
