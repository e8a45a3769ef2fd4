/** The initiative approval gates of DOMAIN.md §2.1 / invariant 5, one row per gate failing and passing. */
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors';
import {
  assertInitiativeApprovable,
  canTransitionInitiative,
  initiativeGates,
  monthsBefore,
  type GateAssessment,
  type GateInitiative,
} from './initiative-gates';
import type { LogicModelNode } from './logic-model';

const TODAY = '2026-11-30';

const model: LogicModelNode[] = [
  { id: 'in', kind: 'input', statement: 'Instructors', parentIds: ['act'], objectiveIds: [] },
  { id: 'act', kind: 'activity', statement: 'Boarding courses', parentIds: ['out'], objectiveIds: [] },
  { id: 'out', kind: 'output', statement: 'Boarding teams trained', parentIds: ['oc'], objectiveIds: [] },
  {
    id: 'oc',
    kind: 'outcome',
    statement: 'Coast guard interdicts in its waters',
    parentIds: ['im'],
    objectiveIds: ['o1'],
    indicators: [
      {
        title: 'Interdictions per year',
        baseline: { date: '2026-01-01', value: '3', source: 'Coast guard log' },
      },
    ],
  },
  { id: 'im', kind: 'impact', statement: 'Secure waters', parentIds: [], objectiveIds: ['o1'] },
];

/** An initiative that meets every gate, every conditional gate applying. */
const full: GateInitiative = {
  problemStatement: 'Catch and release.',
  lineOfEffortIds: ['loe-1'],
  partnerIso3s: ['KEN', 'SYC'],
  capabilityAreas: ['maritime_security'],
  significance: 'significant',
  covers: ['equipment'],
  supportsPartnerForces: true,
  absorptiveCapacity: { statement: 'About 40 trainees a month across both coast guards.' },
  riskAssessment: { decision: 'proceed_with_conditions', decidedOn: '2026-10-01' },
  sustainmentPlan: { ownerOrgId: 'org-1', handoverDate: '2029-01-01' },
  evaluationPlan: { kind: 'final', dueBy: '2029-06-30' },
  logicModel: model,
};

const approved = (
  id: string,
  partnerIso3: string,
  conductedOn: string,
  capabilityArea = 'maritime_security',
  status = 'approved',
): GateAssessment => ({
  id,
  partnerIso3,
  capabilityArea,
  status,
  conductedOn,
});
const current = [approved('a-ken', 'KEN', '2025-06-01'), approved('a-syc', 'SYC', '2024-12-01')];

const withOutcome = (indicators: LogicModelNode['indicators']) =>
  model.map((n) => (n.kind === 'outcome' ? { ...n, indicators } : n));

describe('initiative approval gates', () => {
  it('are all met by a complete initiative, which names the assessments relied on', () => {
    const r = initiativeGates(full, current, TODAY);
    expect(r.met).toBe(true);
    expect(r.unmet).toEqual([]);
    expect(r.checks.map((c) => [c.gate, c.applies, c.met])).toEqual([
      ['problem_statement', true, true],
      ['line_of_effort', true, true],
      ['outcome_baseline', true, true],
      ['capability_assessment', true, true],
      ['absorptive_capacity', true, true],
      ['risk_assessment', true, true],
      ['sustainment_plan', true, true],
      ['evaluation_plan', true, true],
    ]);
    expect(r.assessmentIds).toEqual(['a-ken', 'a-syc']);
    expect(assertInitiativeApprovable(full, current, TODAY)).toEqual(['a-ken', 'a-syc']);
  });

  const rows: [
    string,
    Partial<GateInitiative>,
    GateAssessment[],
    { gate: string; path: string; message: RegExp }[],
  ][] = [
    [
      'blank problem statement',
      { problemStatement: '  ' },
      current,
      [{ gate: 'problem_statement', path: 'problemStatement', message: /problem/ }],
    ],
    [
      'no line of effort',
      { lineOfEffortIds: [] },
      current,
      [{ gate: 'line_of_effort', path: 'lineOfEffortIds', message: /line of effort/ }],
    ],
    [
      'no outcome node',
      { logicModel: model.filter((n) => n.kind !== 'outcome') },
      current,
      [{ gate: 'outcome_baseline', path: 'logicModel', message: /outcome/ }],
    ],
    [
      'an outcome without indicators',
      { logicModel: withOutcome([]) },
      current,
      [{ gate: 'outcome_baseline', path: 'logicModel.3.indicators', message: /baseline/ }],
    ],
    [
      'an outcome indicator without a baseline',
      { logicModel: withOutcome([{ title: 'Interdictions' }]) },
      current,
      [{ gate: 'outcome_baseline', path: 'logicModel.3.indicators', message: /baseline/ }],
    ],
    [
      'a baseline only on an output indicator',
      {
        logicModel: model.map((n) =>
          n.kind === 'outcome'
            ? { ...n, indicators: [] }
            : n.kind === 'output'
              ? {
                  ...n,
                  indicators: [
                    { title: 'Trained', baseline: { date: '2026-01-01', value: '0', source: 'x' } },
                  ],
                }
              : n,
        ),
      },
      current,
      [{ gate: 'outcome_baseline', path: 'logicModel.3.indicators', message: /outcome/ }],
    ],
    [
      'no capability area named',
      { capabilityAreas: [] },
      current,
      [{ gate: 'capability_assessment', path: 'capabilityAreas', message: /capability areas/ }],
    ],
    [
      'no assessment for one partner',
      {},
      [current[0]!],
      [
        {
          gate: 'capability_assessment',
          path: 'capabilityAreas.0',
          message: /^SYC: no approved maritime security/,
        },
      ],
    ],
    [
      'an assessment older than 24 months',
      {},
      [current[0]!, approved('old', 'SYC', '2024-11-29')],
      [
        {
          gate: 'capability_assessment',
          path: 'capabilityAreas.0',
          message: /SYC.*2024-11-29.*more than 24 months/,
        },
      ],
    ],
    [
      'a submitted, not approved, assessment',
      {},
      [current[0]!, approved('sub', 'SYC', '2026-01-01', 'maritime_security', 'submitted')],
      [{ gate: 'capability_assessment', path: 'capabilityAreas.0', message: /SYC.*not approved/ }],
    ],
    [
      'a superseded assessment',
      {},
      [current[0]!, approved('sup', 'SYC', '2026-01-01', 'maritime_security', 'superseded')],
      [{ gate: 'capability_assessment', path: 'capabilityAreas.0', message: /SYC.*not approved/ }],
    ],
    [
      'an assessment in another area only',
      {},
      [current[0]!, approved('cyb', 'SYC', '2026-01-01', 'cyber')],
      [{ gate: 'capability_assessment', path: 'capabilityAreas.0', message: /^SYC: no approved/ }],
    ],
    [
      'a second area without assessments',
      { capabilityAreas: ['maritime_security', 'logistics'] },
      current,
      [
        { gate: 'capability_assessment', path: 'capabilityAreas.1', message: /^KEN: no approved logistics/ },
        { gate: 'capability_assessment', path: 'capabilityAreas.1', message: /^SYC: no approved logistics/ },
      ],
    ],
    [
      'no absorptive capacity',
      { absorptiveCapacity: null },
      current,
      [{ gate: 'absorptive_capacity', path: 'absorptiveCapacity.statement', message: /absorptive/ }],
    ],
    [
      'a blank absorptive capacity',
      { absorptiveCapacity: { statement: ' ' } },
      current,
      [{ gate: 'absorptive_capacity', path: 'absorptiveCapacity.statement', message: /absorptive/ }],
    ],
    [
      'supports partner forces without a risk assessment',
      { riskAssessment: null },
      current,
      [{ gate: 'risk_assessment', path: 'riskAssessment', message: /risk assessment/ }],
    ],
    [
      'a risk assessment that declined',
      { riskAssessment: { decision: 'decline', decidedOn: '2026-10-01' } },
      current,
      [{ gate: 'risk_assessment', path: 'riskAssessment.decision', message: /declined/ }],
    ],
    [
      'covers equipment without a sustainment plan',
      { sustainmentPlan: null },
      current,
      [{ gate: 'sustainment_plan', path: 'sustainmentPlan', message: /equipment/ }],
    ],
    [
      'covers unit training without a sustainment plan',
      { covers: ['unit_training'], sustainmentPlan: null },
      current,
      [{ gate: 'sustainment_plan', path: 'sustainmentPlan', message: /unit training/ }],
    ],
    [
      'significant without an evaluation plan',
      { evaluationPlan: null },
      current,
      [{ gate: 'evaluation_plan', path: 'evaluationPlan', message: /significant/ }],
    ],
  ];

  it.each(rows)('fail on %s, with the path of the missing field', (_name, patch, assessments, expected) => {
    const r = initiativeGates({ ...full, ...patch }, assessments, TODAY);
    expect(r.met).toBe(false);
    expect(r.unmet.map((u) => ({ gate: u.gate, path: u.path }))).toEqual(
      expected.map((e) => ({ gate: e.gate, path: e.path })),
    );
    r.unmet.forEach((u, k) => expect(u.message).toMatch(expected[k]!.message));
    // Shown as sentences in the checklist: each starts with a capital (or a partner's code).
    r.unmet.forEach((u) => expect(u.message).toMatch(/^[A-Z]/));
    expect(r.assessmentIds).toEqual([]);
    expect(r.checks.find((c) => c.gate === expected[0]!.gate)?.met).toBe(false);
  });

  it.each([
    [
      'no risk assessment when it does not support partner forces',
      { supportsPartnerForces: false, riskAssessment: null },
      'risk_assessment',
    ],
    [
      'no sustainment plan when it covers nothing that needs one',
      { covers: [], sustainmentPlan: null },
      'sustainment_plan',
    ],
    [
      'no evaluation plan when it is routine',
      { significance: 'routine', evaluationPlan: null },
      'evaluation_plan',
    ],
  ] as const)('need %s', (_name, patch, gate) => {
    const r = initiativeGates({ ...full, ...patch }, current, TODAY);
    expect(r.met).toBe(true);
    expect(r.checks.find((c) => c.gate === gate)).toMatchObject({ applies: false, met: true });
  });

  it('accept an assessment exactly 24 months old and pick the newest approved one', () => {
    const r = initiativeGates(
      full,
      [
        approved('k-old', 'KEN', '2023-01-01'),
        approved('k-new', 'KEN', '2026-02-01'),
        approved('s-edge', 'SYC', '2024-11-30'),
      ],
      TODAY,
    );
    expect(r.met).toBe(true);
    expect(r.assessmentIds).toEqual(['k-new', 's-edge']);
  });

  it('list every unmet gate at once, in gate order, and refuse with all of them as field problems', () => {
    const bare: GateInitiative = {
      ...full,
      problemStatement: '',
      lineOfEffortIds: [],
      logicModel: [],
      capabilityAreas: [],
      absorptiveCapacity: null,
      riskAssessment: null,
      sustainmentPlan: null,
      evaluationPlan: null,
    };
    const r = initiativeGates(bare, [], TODAY);
    expect(r.unmet.map((u) => u.gate)).toEqual([
      'problem_statement',
      'line_of_effort',
      'outcome_baseline',
      'capability_assessment',
      'absorptive_capacity',
      'risk_assessment',
      'sustainment_plan',
      'evaluation_plan',
    ]);
    let err: unknown;
    try {
      assertInitiativeApprovable(bare, [], TODAY);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('guard_failed');
    expect((err as DomainError).fields.map((f) => f.path)).toEqual([
      'problemStatement',
      'lineOfEffortIds',
      'logicModel',
      'capabilityAreas',
      'absorptiveCapacity.statement',
      'riskAssessment',
      'sustainmentPlan',
      'evaluationPlan',
    ]);
  });
});

describe('initiative lifecycle', () => {
  it.each([
    ['proposed', 'approved', true],
    ['proposed', 'cancelled', true],
    ['approved', 'active', true],
    ['approved', 'cancelled', true],
    ['active', 'suspended', true],
    ['suspended', 'active', true],
    ['active', 'closing', true],
    ['closing', 'closed', true],
    ['proposed', 'active', false],
    ['active', 'cancelled', false],
    ['closed', 'active', false],
    ['cancelled', 'proposed', false],
    ['bogus', 'approved', false],
  ] as const)('%s → %s is %s', (from, to, ok) => expect(canTransitionInitiative(from, to)).toBe(ok));
});

describe('monthsBefore', () => {
  it.each([
    ['2026-11-30', 24, '2024-11-30'],
    ['2026-03-31', 1, '2026-02-28'],
    ['2024-02-29', 24, '2022-02-28'],
    ['2026-01-15', 13, '2024-12-15'],
  ] as const)('%s minus %i months is %s', (d, m, want) => expect(monthsBefore(d, m)).toBe(want));
});
