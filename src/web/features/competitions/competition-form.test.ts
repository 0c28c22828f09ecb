/** The competition form's templates and request body, checked against the server's own schema (CreateCompetition). */
import { describe, expect, it } from 'vitest';
import { CompetitionKind, CreateCompetition } from '../../../shared/competitions.js';
import { type CompetitionFormValues, templateValues, toCreateBody, weightCheck, withCodes } from './competition-form.js';

function values(kind: CompetitionKind, patch: Partial<CompetitionFormValues> = {}): CompetitionFormValues {
  return {
    ...templateValues(kind),
    kind,
    title: '2026年江西省数字技能大赛',
    organiser: '江西省人力资源和社会保障厅',
    regionCode: '360000',
    description: '面向全省数字领域从业人员的技能竞赛，设理论和实操两部分。',
    deadline: new Date('2026-09-30T15:59:00Z'),
    ...patch,
  };
}

describe('competition form', () => {
  it.each(CompetitionKind.options)('turns the %s template into a body the server accepts', (kind) => {
    const parsed = CreateCompetition.safeParse(toCreateBody(values(kind)));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('keeps only what applies to the type: categories for 创新创业, occupation and level for 职业技能', () => {
    const innovation = toCreateBody(values('innovation', { occupationCode: '4-04-05-05', levelCode: '3' }));
    expect(innovation).toMatchObject({ occupationCode: null, levelCode: null, provincialManaged: false });
    expect(innovation.categories.map((c) => c.name)).toContain('新一代信息技术');
    expect(innovation.groups.map((g) => g.name)).toEqual(['初创组', '成长组']);
    const data = toCreateBody(values('data_elements', { categories: [{ name: '不适用' }] }));
    expect(data.categories).toEqual([]);
    const skills = toCreateBody(values('skills', { provincialManaged: false }));
    expect(skills.awards.every((a) => !a.grantsLevel)).toBe(true);
    expect(CreateCompetition.safeParse(skills).success).toBe(true);
  });

  it('converts eligibility in 万元 to 分, and the last round never advances anyone', () => {
    const body = toCreateBody(
      values('innovation', {
        groups: [
          { name: '初创组', maxCompanyAgeYears: 3, maxRevenueWan: 2000 },
          { name: '成长组', minCompanyAgeYears: 1, minRevenueWan: 0.5 },
        ],
        rounds: [
          { kind: 'preliminary', advanceCount: 12 },
          { kind: 'final', advanceCount: 5 },
        ],
      }),
    );
    expect(body.groups).toEqual([
      { code: 'g_1', name: '初创组', rule: { maxCompanyAgeYears: 3, maxRevenueFen: 2_000_000_000 } },
      { code: 'g_2', name: '成长组', rule: { minCompanyAgeYears: 1, minRevenueFen: 500_000 } },
    ]);
    expect(body.rounds).toEqual([
      { kind: 'preliminary', advanceCount: 12 },
      { kind: 'final', advanceCount: null },
    ]);
  });

  it('gives new rows unique codes and keeps valid existing ones', () => {
    expect(withCodes([{ code: 'c_2', name: 'a' }, { name: 'b' }, { code: 'c_2', name: 'c' }, { code: 'Bad Code', name: 'd' }], 'c').map((r) => r.code)).toEqual(
      ['c_2', 'c_1', 'c_3', 'c_4'],
    );
  });

  it('requires criteria weights adding up to 100, on the client and on the server', () => {
    const criteria = [
      { name: '创新性', weight: 30 },
      { name: '应用成效', weight: 60 },
    ];
    expect(weightCheck(criteria)).toEqual({ sum: 90, ok: false });
    expect(weightCheck([...criteria, { name: '可推广性', weight: 10 }])).toEqual({ sum: 100, ok: true });
    const parsed = CreateCompetition.safeParse(toCreateBody(values('data_elements', { criteria })));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual(['criteria', 'weights_sum']);
  });

  it('refuses rounds out of order and members ranges upside down (server schema)', () => {
    const rounds = CreateCompetition.safeParse(
      toCreateBody(values('data_elements', { rounds: [{ kind: 'final' }, { kind: 'preliminary', advanceCount: 3 }] })),
    );
    expect(rounds.error?.issues.map((i) => i.path.join('.'))).toContain('rounds');
    const members = CreateCompetition.safeParse(toCreateBody(values('innovation', { minMembers: 6, maxMembers: 3 })));
    expect(members.error?.issues.map((i) => i.path.join('.'))).toContain('rules.minMembers');
  });
});
