import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors';
import {
  activePlanConflict,
  addYears,
  checkPlanApproval,
  checkPlanContent,
  checkPlanTransition,
  planEditOutcome,
  planTransitionsFrom,
  type PlanContent,
  type PlanState,
} from './plans';

const content: PlanContent = {
  ownerOrgIds: ['mod', 'sen'],
  from: '2024-01-01',
  to: '2028-12-31',
  reviewCycleMonths: 24,
  partnerPriorities: ['border', 'forensics'],
  goals: [
    {
      code: 'G1',
      title: 'Border posts',
      objectiveIds: ['o1'],
      targetDate: '2026-12-31',
      partnerPriorityRefs: [0],
    },
    { code: 'G2', title: 'Forensic lab', objectiveIds: ['o2'], targetDate: '2027-06-30' },
  ],
  contributions: [{ orgId: 'mod', pledged: { amount: '1500000.00', currency: 'EUR' } }],
};
const paths = (c: Partial<PlanContent>, known?: Set<string>) =>
  checkPlanContent({ ...content, ...c }, known).map((p) => p.path);
const home = { orgChain: ['seccoop', 'mod'], roles: ['viewer', 'approver'], partner: false };
const senApprover = { orgChain: ['sen'], roles: ['partner_approver'], partner: true };
const state = (s: Partial<PlanState>): PlanState => ({
  status: 'in_consultation',
  planVersion: 1,
  ownerOrgIds: ['mod', 'sen'],
  approvals: [],
  ...s,
});
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'other';
  }
  return 'none';
};

describe('plan content', () => {
  it('accepts a valid plan', () => {
    expect(checkPlanContent(content, new Set(['o1', 'o2']))).toEqual([]);
  });
  it('runs at most five years, and not backwards', () => {
    expect(paths({ to: '2029-01-01' })).toEqual([]);
    expect(paths({ to: '2029-01-02' })).toEqual(['to']);
    expect(paths({ to: '2023-12-31', goals: [] })).toEqual(['to']);
    expect(addYears('2024-02-29', 5)).toBe('2029-02-28');
  });
  it('needs unique goal codes, an objective for every goal, and targets inside the plan', () => {
    const goals = [
      { code: 'G1', title: 'a', objectiveIds: ['o1'], targetDate: '2025-01-01' },
      { code: 'g1', title: 'b', objectiveIds: [], targetDate: '2030-01-01' },
    ];
    expect(paths({ goals })).toEqual(['goals.1.code', 'goals.1.objectiveIds', 'goals.1.targetDate']);
    expect(paths({}, new Set(['o1']))).toEqual(['goals.1.objectiveIds']);
  });
  it('checks partner-priority references, owners and contributions', () => {
    expect(
      paths({
        goals: [
          {
            code: 'G1',
            title: 'a',
            objectiveIds: ['o1'],
            targetDate: '2025-01-01',
            partnerPriorityRefs: [2],
          },
        ],
      }),
    ).toEqual(['goals.0.partnerPriorityRefs']);
    expect(paths({ ownerOrgIds: [] })).toEqual(['ownerOrgIds']);
    expect(
      paths({
        contributions: [{ orgId: 'a', personDays: 10 }, { orgId: 'a', personDays: -1 }, { orgId: 'b' }],
      }),
    ).toEqual(['contributions.1.orgId', 'contributions.1.personDays', 'contributions.2']);
  });
});

describe('plan approvals', () => {
  it('records the ministry approval for its echelon and agrees the plan on the last owner', () => {
    const first = checkPlanApproval(state({}), home, 1);
    expect(first).toEqual({ ownerOrgId: 'mod', pending: ['sen'], status: 'in_consultation' });
    const last = checkPlanApproval(
      state({ approvals: [{ orgId: 'mod', userId: 'u', planVersion: 1, at: 't' }] }),
      senApprover,
      1,
    );
    expect(last).toEqual({ ownerOrgId: 'sen', pending: [], status: 'agreed' });
  });
  it('refuses a non-owner and a user without the approver role (403)', () => {
    expect(
      code(() =>
        checkPlanApproval(state({}), { orgChain: ['fra'], roles: ['partner_approver'], partner: true }, 1),
      ),
    ).toBe('forbidden');
    expect(code(() => checkPlanApproval(state({}), { ...home, roles: ['planner'] }, 1))).toBe('forbidden');
    expect(code(() => checkPlanApproval(state({}), { ...senApprover, roles: ['partner_reporter'] }, 1))).toBe(
      'forbidden',
    );
  });
  it('refuses a second approval by the same owner, a stale version and a draft (409)', () => {
    const approved = state({ approvals: [{ orgId: 'mod', userId: 'other', planVersion: 1, at: 't' }] });
    expect(code(() => checkPlanApproval(approved, home, 1))).toBe('conflict');
    expect(code(() => checkPlanApproval(state({ planVersion: 2 }), home, 1))).toBe('stale_version');
    expect(code(() => checkPlanApproval(state({ status: 'draft' }), home, 1))).toBe('invalid_transition');
    // An approval of an earlier version does not count for the current one.
    expect(
      checkPlanApproval(state({ planVersion: 2, approvals: approved.approvals }), home, 2).pending,
    ).toEqual(['sen']);
  });
  it('keeps an under-review plan under review until it is explicitly reactivated', () => {
    expect(
      checkPlanApproval(
        state({
          status: 'under_review',
          approvals: [{ orgId: 'sen', userId: 'u', planVersion: 1, at: 't' }],
        }),
        home,
        1,
      ).status,
    ).toBe('under_review');
  });
});

describe('plan edits and transitions', () => {
  it('edits an unapproved version in place and opens a new version after any approval', () => {
    expect(planEditOutcome(state({ status: 'draft' }))).toEqual({
      planVersion: 1,
      newVersion: false,
      status: 'draft',
    });
    expect(planEditOutcome(state({}))).toEqual({
      planVersion: 1,
      newVersion: false,
      status: 'in_consultation',
    });
    const approved = [{ orgId: 'mod', userId: 'u', planVersion: 1, at: 't' }];
    expect(planEditOutcome(state({ approvals: approved }))).toEqual({
      planVersion: 2,
      newVersion: true,
      status: 'in_consultation',
    });
    expect(planEditOutcome(state({ status: 'agreed', approvals: approved }))).toEqual({
      planVersion: 2,
      newVersion: true,
      status: 'in_consultation',
    });
    expect(planEditOutcome(state({ status: 'active', approvals: approved }))).toEqual({
      planVersion: 2,
      newVersion: true,
      status: 'under_review',
    });
    expect(code(() => planEditOutcome(state({ status: 'closed' })))).toBe('invalid_transition');
  });
  it('follows DOMAIN.md and never lets a user request agreed', () => {
    expect(checkPlanTransition(state({ status: 'draft' }), 'in_consultation')).toBe('in_consultation');
    expect(code(() => checkPlanTransition(state({}), 'agreed'))).toBe('invalid_transition');
    expect(code(() => checkPlanTransition(state({ status: 'draft' }), 'active'))).toBe('invalid_transition');
    expect(checkPlanTransition(state({ status: 'agreed' }), 'active')).toBe('active');
    expect(code(() => checkPlanTransition(state({ status: 'under_review' }), 'active'))).toBe('guard_failed');
    expect(code(() => checkPlanTransition(state({ status: 'under_review' }), 'closed'))).toBe('guard_failed');
    expect(checkPlanTransition(state({ status: 'under_review' }), 'closed', 'Ended early')).toBe('closed');
    expect(planTransitionsFrom(state({ status: 'under_review' }))).toEqual(['superseded', 'closed']);
  });
});

describe('one active plan per partner and owner set', () => {
  const plan = { id: 'p', code: 'P', status: 'agreed', ownerOrgIds: ['mod', 'sen'], partnerIso3s: ['SEN'] };
  it('finds an active plan with the same owners for the same partner', () => {
    const other = {
      id: 'q',
      code: 'Q',
      status: 'active',
      ownerOrgIds: ['sen', 'mod'],
      partnerIso3s: ['SEN', 'GMB'],
    };
    expect(activePlanConflict(plan, [other])?.code).toBe('Q');
    expect(activePlanConflict(plan, [{ ...other, ownerOrgIds: ['mod'] }])).toBeNull();
    expect(activePlanConflict(plan, [{ ...other, status: 'closed' }])).toBeNull();
    expect(activePlanConflict(plan, [{ ...other, partnerIso3s: ['GMB'] }])).toBeNull();
  });
});
