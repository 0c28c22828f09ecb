/** Verified certificates feed matching: one for the job's occupation counts fully as evidence; declared ones keep half weight. */
import { describe, expect, it } from 'vitest';
import { MATCHING_CONFIG } from '../matching/matching.config.js';
import { type MatchableProfile, talentFeatures } from '../matching/matching.features.js';
import { learnModel } from '../matching/matching.model.js';
import { type JobFeatures, scoreMatch } from '../matching/matching.score.js';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const profile: MatchableProfile = {
  userId: 't1',
  regionCode: '360702',
  education: [],
  workHistory: [],
  skills: [{ skillId: 'hadoop', name: 'Hadoop', level: 'proficient' }],
  certificates: [],
  desiredOccupations: ['2-02-38-03'],
  desiredCities: ['360700'],
  desiredSalaryMinFen: null,
  updatedAt: new Date(NOW),
};
const job: JobFeatures = {
  id: 'j1',
  regionCode: '360702',
  occupationCode: '2-02-38-03',
  remote: false,
  required: [{ key: 'hadoop', name: 'Hadoop', level: 0 }],
  preferred: [],
  educationRank: null,
  experienceYearsMin: 0,
  salaryMinFen: 800_000,
  salaryMaxFen: 1_200_000,
  publishedAtMs: NOW,
  // the occupation name is deliberately absent, so only the occupation code can make the certificate relevant
  certificateTerms: ['Hadoop'],
};
const model = learnModel([job]);

describe('verified certificates in matching', () => {
  it('counts a verified certificate for the job occupation fully, and explains it', () => {
    const without = scoreMatch(talentFeatures(profile, NOW), job, model, NOW);
    const t = talentFeatures(profile, NOW, [{ name: '职业技能等级证书 大数据工程技术人员 三级', occupationCode: '2-02-38-03' }]);
    expect(t.certificates).toEqual([{ name: '职业技能等级证书 大数据工程技术人员 三级', verified: true, occupationCode: '2-02-38-03' }]);
    const withCert = scoreMatch(t, job, model, NOW);
    expect(without.parts.certificates).toBe(0);
    expect(withCert.parts.certificates).toBe(1);
    expect(withCert.raw - without.raw).toBeCloseTo(MATCHING_CONFIG.weights.certificates, 6);
    expect(withCert.reasons.certificates).toEqual([{ name: '职业技能等级证书 大数据工程技术人员 三级', verified: true }]);
  });

  it('does not count one for another occupation, nor a self-declared one by its occupation', () => {
    const other = talentFeatures(profile, NOW, [{ name: '职业技能等级证书 人工智能训练师 三级', occupationCode: '4-04-05-05' }]);
    expect(scoreMatch(other, job, model, NOW).parts.certificates).toBe(0);
    const declared = talentFeatures({ ...profile, certificates: [{ name: '大数据证书', number: '', issuer: '', issuedOn: null }] } as MatchableProfile, NOW);
    expect(scoreMatch(declared, job, model, NOW).parts.certificates).toBe(0);
    const declaredNamed = talentFeatures(
      { ...profile, certificates: [{ name: 'Hadoop 开发证书', number: '', issuer: '', issuedOn: null }] } as MatchableProfile,
      NOW,
    );
    expect(scoreMatch(declaredNamed, job, model, NOW).parts.certificates).toBe(MATCHING_CONFIG.declaredCertificate);
  });
});
