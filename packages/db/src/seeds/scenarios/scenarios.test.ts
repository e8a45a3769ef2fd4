/** Referential integrity and coverage of the demo scenarios (pure: no database). */
import { ENGAGEMENT_TYPES } from '@entente/core';
import { describe, expect, it } from 'vitest';
import { REFERENCE_ORGANISATIONS } from '../reference/index';
import { HOME_ORGANISATIONS, NATIONAL_OBJECTIVES, SCENARIOS } from './index';

const engagements = SCENARIOS.flatMap((s) => s.engagements);
const orgCodes = new Set([...REFERENCE_ORGANISATIONS.map((o) => o.code), ...HOME_ORGANISATIONS.map((o) => o.code), ...SCENARIOS.flatMap((s) => s.organisations.map((o) => o.code))]);
const objectiveCodes = new Set([...NATIONAL_OBJECTIVES, ...SCENARIOS.flatMap((s) => s.objectives)].map((o) => o.code));
const LEVEL = { input: 0, activity: 1, output: 2, outcome: 3, impact: 4 } as const;

describe('the demo scenarios', () => {
  it('are the five reference scenarios with the pinned engagement counts', () => {
    expect(SCENARIOS.map((s) => [s.code, s.engagements.length])).toEqual([
      ['counter-piracy-hoa', 60],
      ['ct-west-africa', 72],
      ['alliance-train-advise-assist', 48],
      ['pko-car', 54],
      ['cyber-partner', 50],
    ]);
    expect(engagements.length).toBe(284);
  });

  it('span 2008 to 2026 and use every engagement type at least twice', () => {
    const years = engagements.map((e) => Number(e.plannedStart.slice(0, 4)));
    expect(Math.min(...years)).toBeLessThanOrEqual(2008);
    expect(Math.max(...years)).toBeGreaterThanOrEqual(2026);
    for (const t of ENGAGEMENT_TYPES) expect(engagements.filter((e) => e.type === t).length, t).toBeGreaterThanOrEqual(2);
  });

  it('use unique codes', () => {
    const codes = engagements.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    const all = SCENARIOS.flatMap((s) => [...s.initiatives, ...s.plans, ...s.agreements, ...s.linesOfEffort].map((x) => x.code));
    expect(new Set(all).size).toBe(all.length);
  });

  it('resolve every reference, with exactly one lead and at least one objective per engagement', () => {
    for (const s of SCENARIOS) {
      const communities = new Set(s.communities.map((c) => c.code));
      const initiatives = new Map(s.initiatives.map((i) => [i.code, i]));
      for (const e of s.engagements) {
        const where = `${s.code}/${e.code}`;
        expect(e.objectiveCodes.length, where).toBeGreaterThan(0);
        for (const o of e.objectiveCodes) expect(objectiveCodes.has(o), `${where} objective ${o}`).toBe(true);
        expect(communities.has(e.communityCode), `${where} community`).toBe(true);
        const ini = initiatives.get(e.initiativeCode);
        expect(ini, `${where} initiative`).toBeDefined();
        for (const k of e.logicNodeKeys ?? []) expect(ini!.logicModel.find((n) => n.key === k)?.kind, `${where} node ${k}`).toBe('activity');
        expect(e.participants.filter((p) => p.role === 'lead').length, `${where} lead`).toBe(1);
        for (const p of e.participants) expect(orgCodes.has(p.orgCode), `${where} org ${p.orgCode}`).toBe(true);
        expect(e.plannedStart <= e.plannedEnd, where).toBe(true);
        expect(e.label.releasableTo, where).toContain('XHN');
      }
    }
  });

  it('have logic models whose edges point exactly one level up and whose outcomes serve objectives', () => {
    for (const i of SCENARIOS.flatMap((s) => s.initiatives)) {
      const nodes = new Map(i.logicModel.map((n) => [n.key, n]));
      for (const n of i.logicModel) {
        for (const p of n.parentKeys) expect(LEVEL[nodes.get(p)!.kind], `${i.code}/${n.key}→${p}`).toBe(LEVEL[n.kind] + 1);
        if (n.kind === 'outcome' || n.kind === 'impact') expect(n.objectiveCodes.length, `${i.code}/${n.key}`).toBeGreaterThan(0);
      }
    }
  });

  it('give each partner liaison nation records released to it and records kept from it', () => {
    for (const iso3 of ['SEN', 'KEN', 'MDA']) {
      const about = engagements.filter((e) => e.partnerIso3s.includes(iso3));
      expect(about.some((e) => e.label.releasableTo.includes(iso3) && e.participants.some((p) => p.orgCode === `${iso3}-MOD`)), iso3).toBe(true);
      expect(about.some((e) => !e.label.releasableTo.includes(iso3)), iso3).toBe(true);
    }
    expect(engagements.some((e) => e.label.releasableTo.includes('FRA') && e.participants.some((p) => p.orgCode === 'FRA-MOD'))).toBe(true);
  });
});
