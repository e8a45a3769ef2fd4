import { describe, expect, it } from 'vitest';
import type { Engagement } from '@entente/contracts';
import { draftFromEngagement } from './formModel';

const COM = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';

describe('the edit draft', () => {
  it("keeps the engagement's community, so the user does not choose it again", () => {
    const e = {
      id: '7f1c1a52-0d7e-4d3e-9a55-1a2b3c4d5e6f',
      code: 'ENG-1',
      title: 'Course',
      type: 'training_course',
      status: 'draft',
      partnerIso3s: ['KEN'],
      plannedStart: '2027-02-08',
      plannedEnd: '2027-02-19',
      plannedCost: { amount: '1000.00', currency: 'EUR' },
      portion: 'HO//REL TO XHN',
      summary: null,
      payload: {},
      initiative: null,
      objectives: [],
      leadOrg: null,
      actualStart: null,
      actualEnd: null,
      locations: [],
      participants: [],
      actualCost: null,
      fundingSource: null,
      outcomeSummary: null,
      labelId: '5b0f2b7e-3c1d-4e8f-8a9b-0c1d2e3f4a5b',
      label: { level: 'HUB-OFFICIAL', releasableTo: ['XHN'], restrictive: [], handling: [] },
      communityId: COM,
      version: 2,
      allowedTransitions: [],
      warnings: [],
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    } satisfies Engagement;
    expect(draftFromEngagement(e).communityId).toBe(COM);
  });
});
