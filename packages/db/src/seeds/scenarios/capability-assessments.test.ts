/** The demo capability assessments resolve to scenario units of the right nation and show every state, current and stale (pure). */
import { CAPABILITY_AREAS, CAPABILITY_ASSESSMENT_STATUSES } from '@entente/core';
import { describe, expect, it } from 'vitest';
import { CAPABILITY_ASSESSMENTS } from './capability-assessments';
import { PROPOSED_INITIATIVES } from './proposed-initiatives';
import { SCENARIOS } from './index';

describe('demo capability assessments', () => {
  it('assess units of their partner nation that a scenario defines, in known capability areas', () => {
    for (const a of CAPABILITY_ASSESSMENTS) {
      const s = SCENARIOS.find((x) => x.code === a.scenario);
      expect(s, a.scenario).toBeDefined();
      const org = s!.organisations.find((o) => o.code === a.subjectOrgCode);
      expect(org?.iso3, a.subjectOrgCode).toBe(a.partnerIso3);
      expect(CAPABILITY_AREAS as readonly string[]).toContain(a.capabilityArea);
      expect(a.label.releasableTo).toContain('XHN');
      for (const r of a.ratings)
        expect(r.score >= 0 && r.score <= 4, `${a.subjectOrgCode} ${r.criterion}`).toBe(true);
    }
  });

  it('cover every scenario and every state, with approved ones both current and older than 24 months', () => {
    expect(new Set(CAPABILITY_ASSESSMENTS.map((a) => a.scenario))).toEqual(
      new Set(SCENARIOS.map((s) => s.code)),
    );
    expect(new Set(CAPABILITY_ASSESSMENTS.map((a) => a.status))).toEqual(
      new Set(CAPABILITY_ASSESSMENT_STATUSES),
    );
    const approved = CAPABILITY_ASSESSMENTS.filter((a) => a.status === 'approved');
    expect(approved.filter((a) => a.monthsAgo <= 24).length).toBeGreaterThanOrEqual(5);
    expect(approved.filter((a) => a.monthsAgo > 24).length).toBeGreaterThanOrEqual(3);
    expect(CAPABILITY_ASSESSMENTS).toHaveLength(14);
  });

  it('release some assessments to the partner liaison nations and keep others home-only', () => {
    for (const iso3 of ['KEN', 'SEN', 'MDA'])
      expect(
        CAPABILITY_ASSESSMENTS.some((a) => a.partnerIso3 === iso3 && a.label.releasableTo.includes(iso3)),
        iso3,
      ).toBe(true);
    expect(CAPABILITY_ASSESSMENTS.some((a) => a.label.releasableTo.length === 1)).toBe(true);
  });

  it('come with proposed initiatives whose logic models point one level up and whose references resolve', () => {
    const LEVEL = { input: 0, activity: 1, output: 2, outcome: 3, impact: 4 } as const;
    for (const p of PROPOSED_INITIATIVES) {
      const s = SCENARIOS.find((x) => x.code === p.scenario)!;
      expect(
        s.linesOfEffort.map((l) => l.code),
        p.code,
      ).toContain(p.lineOfEffortCode);
      expect(
        s.communities.map((c) => c.code),
        p.code,
      ).toContain(p.communityCode);
      const nodes = new Map(p.logicModel.map((n) => [n.key, n]));
      for (const n of p.logicModel)
        for (const k of n.parentKeys)
          expect(LEVEL[nodes.get(k)!.kind], `${p.code}/${n.key}`).toBe(LEVEL[n.kind] + 1);
    }
  });
});
