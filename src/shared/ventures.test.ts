/** The 产融对接 scorer: every reason it gives is true of the data, and the score is exactly their points. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedActions } from './workflow.js';
import {
  DigitalField,
  MATCH_WEIGHTS,
  matchProject,
  projectWorkflow,
  regionWithinCode,
  VentureNeed,
  VentureStage,
  yuanText,
  introductionWorkflow,
} from './ventures.js';

const REGIONS = ['360000', '360100', '360102', '360700', '360702', '360703', '361100', '369900'];
const project = fc.record({
  digitalField: fc.constantFrom(...DigitalField.options),
  stage: fc.constantFrom(...VentureStage.options),
  fundingSoughtFen: fc.integer({ min: 0, max: 2_000_000_000 }),
  regionCode: fc.constantFrom(...REGIONS.filter((r) => r !== '360000')),
  needs: fc.subarray([...VentureNeed.options]),
});
const interest = fc
  .record({
    fields: fc.subarray([...DigitalField.options], { minLength: 1 }),
    stages: fc.subarray([...VentureStage.options], { minLength: 1 }),
    a: fc.integer({ min: 0, max: 2_000_000_000 }),
    b: fc.integer({ min: 0, max: 2_000_000_000 }),
    regions: fc.subarray(REGIONS, { minLength: 1 }),
  })
  .map(({ a, b, ...rest }) => ({ ...rest, ticketMinFen: Math.min(a, b), ticketMaxFen: Math.max(a, b) }));

describe('matchProject', () => {
  it('gives only true reasons, each criterion that holds, and sums their points', () => {
    fc.assert(
      fc.property(interest, project, (i, p) => {
        const m = matchProject(i, p);
        if (!p.needs.includes('funding') || p.fundingSoughtFen <= 0) return m.score === 0 && m.reasons.length === 0;
        const codes = m.reasons.map((r) => r.code);
        expect(codes.includes('field')).toBe(i.fields.includes(p.digitalField));
        expect(codes.includes('stage')).toBe(i.stages.includes(p.stage));
        expect(codes.includes('amount')).toBe(p.fundingSoughtFen >= i.ticketMinFen && p.fundingSoughtFen <= i.ticketMaxFen);
        expect(codes.includes('region')).toBe(i.regions.some((r) => regionWithinCode(r, p.regionCode)));
        for (const r of m.reasons) {
          expect(r.points).toBe(MATCH_WEIGHTS[r.code]);
          if (r.code === 'field') expect(r.params.field).toBe(p.digitalField);
          if (r.code === 'region') expect(regionWithinCode(String(r.params.within), p.regionCode)).toBe(true);
        }
        expect(m.score).toBe(m.reasons.reduce((s, r) => s + r.points, 0));
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it('scores a perfect match 100', () => {
    const m = matchProject(
      { fields: ['ai'], stages: ['startup'], ticketMinFen: 100, ticketMaxFen: 1000, regions: ['360000'] },
      { digitalField: 'ai', stage: 'startup', fundingSoughtFen: 500, regionCode: '360702', needs: ['funding'] },
    );
    expect(m.score).toBe(100);
    expect(m.reasons.map((r) => r.code)).toEqual(['field', 'stage', 'amount', 'region']);
  });
});

describe('workflows and wording', () => {
  it('lets owners submit and officials publish or return, never the other way round', () => {
    expect(allowedActions(projectWorkflow, 'draft', ['talent'])).toEqual(['submit', 'archive']);
    expect(allowedActions(projectWorkflow, 'submitted', ['official'])).toEqual(['publish', 'return']);
    expect(allowedActions(projectWorkflow, 'submitted', ['employer'])).toEqual([]);
    expect(projectWorkflow.transitions.return.reason).toBe('required');
    expect(allowedActions(introductionWorkflow, 'requested', ['talent'])).toEqual(['consent', 'decline']);
  });

  it('writes amounts in 万元 or 元', () => {
    expect(yuanText(300_000_000)).toBe('300 万元');
    expect(yuanText(500_000)).toBe('5,000 元');
  });
});
