/** The eligibility engine: every operator, explanations, remedies, final vs not-yet, cross-region. */
import { describe, expect, it } from 'vitest';
import { type Rule, RuleSchema } from '../../../shared/policies.js';
import { SEED_POLICIES } from './policies.seed.js';
import { evaluate, factsNamed, regionWithin } from './policies.rules.js';

const NAMES: Record<string, string> = { '360000': '江西省', '360700': '赣州市', '360100': '南昌市', '360500': '新余市', '430100': '长沙市' };
const env = { policyRegion: '360000', regionName: (c: string) => NAMES[c] ?? c };
const one = (rule: Rule, facts: Record<string, unknown>) => evaluate(rule, facts as never, env);

describe('operators', () => {
  it.each([
    [{ fact: 'org.kind', op: 'eq', value: 'employer' }, { 'org.kind': 'employer' }, true],
    [{ fact: 'org.kind', op: 'eq', value: 'employer' }, { 'org.kind': 'provider' }, false],
    [{ fact: 'org.kind', op: 'ne', value: 'provider' }, { 'org.kind': 'employer' }, true],
    [{ fact: 'certificate.levelCode', op: 'in', value: ['4', '3'] }, { 'certificate.levelCode': '4' }, true],
    [{ fact: 'certificate.levelCode', op: 'in', value: ['4', '3'] }, { 'certificate.levelCode': '5' }, false],
    [{ fact: 'certificate.levelCode', op: 'not_in', value: ['1'] }, { 'certificate.levelCode': '5' }, true],
    [{ fact: 'insuredMonths', op: 'gte', value: 12 }, { insuredMonths: 12 }, true],
    [{ fact: 'insuredMonths', op: 'gt', value: 12 }, { insuredMonths: 12 }, false],
    [{ fact: 'age', op: 'lte', value: 35 }, { age: 35 }, true],
    [{ fact: 'age', op: 'lt', value: 35 }, { age: 35 }, false],
    [{ fact: 'workplaceCity', op: 'exists' }, { workplaceCity: '360700' }, true],
    [{ fact: 'workplaceCity', op: 'exists' }, { workplaceCity: null }, false],
    [{ fact: 'course.completed', op: 'is_true' }, { 'course.completed': true }, true],
    [{ fact: 'course.completed', op: 'is_false' }, { 'course.completed': true }, false],
    [{ fact: 'workplaceCity', op: 'within', value: '360000' }, { workplaceCity: '360700' }, true],
    [{ fact: 'workplaceCity', op: 'within', value: '360700' }, { workplaceCity: '360100' }, false],
    [{ fact: 'workplaceCity', op: 'within', value: '$policyRegion' }, { workplaceCity: '430100' }, false],
  ] as const)('%o on %o → %s', (rule, facts, expected) => {
    expect(one(rule as Rule, facts).tree.passed).toBe(expected);
  });

  it('treats an unknown fact as failing but changeable, with what to do', () => {
    const r = one({ fact: 'insuredMonths', op: 'gte', value: 12 }, {});
    expect(r.verdict).toBe('not_yet');
    expect(r.failing[0]?.actual).toBe('当前：未知');
    expect(r.failing[0]?.remedy).toContain('填写失业保险累计缴费月数');
  });

  it('checks region containment by code level', () => {
    expect(regionWithin('360000', '360702')).toBe(true);
    expect(regionWithin('360700', '360702')).toBe(true);
    expect(regionWithin('360702', '360703')).toBe(false);
    expect(regionWithin('360000', '430100')).toBe(false);
  });
});

describe('explanations and verdicts', () => {
  const rule: Rule = {
    all: [
      {
        any: [
          { fact: 'residenceCity', op: 'within', value: '$policyRegion' },
          { fact: 'workplaceCity', op: 'within', value: '$policyRegion' },
        ],
      },
      { fact: 'insuredMonths', op: 'gte', value: 12 },
      { fact: 'previousClaims', op: 'eq', value: 0 },
    ],
  };

  it('explains each condition in Chinese with the value seen and a remedy', () => {
    const r = one(rule, { residenceCity: '360700', workplaceCity: null, insuredMonths: 8, previousClaims: 0 });
    expect(r.verdict).toBe('not_yet');
    expect(r.failing).toHaveLength(1);
    expect(r.failing[0]).toMatchObject({ text: '失业保险累计缴费月数不少于12个月', actual: '当前：8个月', remedy: '还差 4个月，满足后即可申请', final: false });
    const texts = r.conditions.map((c) => `${c.passed ? '✓' : '✗'} ${c.text}`);
    expect(texts).toEqual(['✓ 常住地在江西省', '✗ 就业地在江西省', '✗ 失业保险累计缴费月数不少于12个月', '✓ 同一政策、职业和等级已享受或在办的补贴为0次']);
  });

  it('calls an earlier payment final: not eligible, with no remedy', () => {
    const r = one(rule, { residenceCity: '360700', insuredMonths: 20, previousClaims: 1 });
    expect(r.verdict).toBe('not_eligible');
    expect(r.failing[0]).toMatchObject({ final: true, remedy: null });
  });

  it('calls an age above a limit final and an age below a minimum not yet', () => {
    expect(one({ fact: 'age', op: 'lte', value: 35 }, { age: 40 }).verdict).toBe('not_eligible');
    expect(one({ fact: 'age', op: 'gte', value: 18 }, { age: 16 }).verdict).toBe('not_yet');
  });

  it('negates with not and lets a label replace the generated text', () => {
    const r = one({ not: { fact: 'org.kind', op: 'eq', value: 'agency' }, label: '人力资源服务机构除外' }, { 'org.kind': 'agency' });
    expect(r.verdict).toBe('not_eligible');
    expect(r.failing[0]?.text).toBe('人力资源服务机构除外');
    expect(one({ not: { fact: 'org.kind', op: 'eq', value: 'agency' } }, { 'org.kind': 'employer' }).verdict).toBe('eligible');
  });

  it('names only the facts a rule uses (age only where a policy asks)', () => {
    expect([...factsNamed(rule)].sort()).toEqual(['insuredMonths', 'previousClaims', 'residenceCity', 'workplaceCity']);
    for (const p of SEED_POLICIES) expect(factsNamed(p.eligibility).has('age')).toBe(false);
  });

  it('accepts every seeded rule with the schema and rejects an unknown fact or operator', () => {
    for (const p of SEED_POLICIES) expect(RuleSchema.safeParse(p.eligibility).success).toBe(true);
    expect(RuleSchema.safeParse({ fact: 'salary', op: 'gte', value: 1 }).success).toBe(false);
    expect(RuleSchema.safeParse({ fact: 'age', op: 'between', value: 1 }).success).toBe(false);
  });
});

describe('cross-region (常住地 / 就业地, not 户籍)', () => {
  const training = SEED_POLICIES.find((p) => p.code === 'vocational-training-subsidy');
  if (!training) throw new Error('seed');
  const base = { 'course.completed': true, 'course.subsidised': true, previousClaims: 0 };

  it('lets a person working in 赣州 with 户籍 in 长沙 qualify by the workplace', () => {
    const r = evaluate(training.eligibility, { ...base, hukouCity: '430100', residenceCity: '430100', workplaceCity: '360700' }, env);
    expect(r.verdict).toBe('eligible');
  });

  it('refuses a person who neither lives nor works in the province, naming the condition', () => {
    const r = evaluate(training.eligibility, { ...base, hukouCity: '360700', residenceCity: '430100', workplaceCity: '430100' }, env);
    expect(r.verdict).toBe('not_eligible');
    expect(r.failing.map((f) => f.text)).toEqual(['常住地在江西省', '就业地在江西省']);
  });

  it('judges a city policy by its own region', () => {
    const city = { ...env, policyRegion: '360700' };
    const inNanchang = evaluate(training.eligibility, { ...base, residenceCity: '360100', workplaceCity: '360100' }, city);
    expect(inNanchang.verdict).toBe('not_eligible');
    expect(inNanchang.failing[0]?.text).toBe('常住地在赣州市');
  });
});
