/**
 * Initiatives (DOMAIN.md §2.1): the lifecycle and the approval gates of invariant 5, "No baseline,
 * no approval". An initiative can be approved only with:
 *  1. a problem statement and at least one line of effort;
 *  2. at least one outcome result that has an indicator with a baseline (modelled inside the
 *     outcome node until the Result/Indicator entities exist, see logic-model.ts);
 *  3. an approved capability assessment, no more than 24 months old, for each target partner and
 *     capability area;
 *  4. a stated absorptive capacity;
 *  5. a risk assessment, if it supports partner forces;
 *  6. a sustainment plan, if it covers equipment, infrastructure or unit training;
 *  7. an evaluation plan, if it is `significant`.
 * `initiativeGates` reports every gate, met or not, so the caller can refuse with all unmet gates at
 * once and the UI can show the checklist. Pure: `today` is passed in.
 */
import { DomainError } from '../shared/errors';
import type { LogicModelNode } from './logic-model';

export const INITIATIVE_STATUSES = [
  'proposed',
  'approved',
  'active',
  'closing',
  'closed',
  'suspended',
  'cancelled',
] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];
export const INITIATIVE_TRANSITIONS: Readonly<Record<InitiativeStatus, readonly InitiativeStatus[]>> = {
  proposed: ['approved', 'cancelled'],
  approved: ['active', 'cancelled'],
  active: ['closing', 'suspended'],
  suspended: ['active'],
  closing: ['closed'],
  closed: [],
  cancelled: [],
};
/** States in which the initiative's design may still be edited (approved and later must keep meeting the gates). */
export const INITIATIVE_EDITABLE: readonly InitiativeStatus[] = [
  'proposed',
  'approved',
  'active',
  'suspended',
];

export const CAPABILITY_AREAS = [
  'maritime_security',
  'border_security',
  'counterterrorism',
  'peacekeeping',
  'cyber',
  'logistics',
  'command_control',
  'intelligence',
  'training_system',
  'defence_governance',
] as const;
export type CapabilityArea = (typeof CAPABILITY_AREAS)[number];

/** What an initiative may cover that needs a sustainment plan. */
export const SUSTAINMENT_COVERS = ['equipment', 'infrastructure', 'unit_training'] as const;
export type SustainmentCover = (typeof SUSTAINMENT_COVERS)[number];

export const RISK_SCOPES = [
  'human_rights',
  'ihl',
  'diversion',
  'end_use',
  'corruption',
  'political',
  'operational',
] as const;
export const RISK_DECISIONS = ['proceed', 'proceed_with_conditions', 'decline'] as const;
export const EVALUATION_PLAN_KINDS = ['mid_term', 'final', 'impact', 'thematic', 'after_action'] as const;

export const INITIATIVE_GATES = [
  'problem_statement',
  'line_of_effort',
  'outcome_baseline',
  'capability_assessment',
  'absorptive_capacity',
  'risk_assessment',
  'sustainment_plan',
  'evaluation_plan',
] as const;
export type InitiativeGate = (typeof INITIATIVE_GATES)[number];

export const GATE_TITLES: Readonly<Record<InitiativeGate, string>> = {
  problem_statement: 'A problem statement',
  line_of_effort: 'At least one line of effort',
  outcome_baseline: 'An outcome result with an indicator that has a baseline',
  capability_assessment:
    'An approved capability assessment (≤ 24 months old) for each target partner and capability area',
  absorptive_capacity: 'A stated absorptive capacity',
  risk_assessment: 'A risk assessment (the initiative supports partner forces)',
  sustainment_plan: 'A sustainment plan (it covers equipment, infrastructure or unit training)',
  evaluation_plan: 'An evaluation plan (the initiative is significant)',
};

export interface GateInitiative {
  problemStatement: string;
  lineOfEffortIds: readonly string[];
  partnerIso3s: readonly string[];
  capabilityAreas: readonly string[];
  significance: string;
  covers: readonly string[];
  supportsPartnerForces: boolean;
  absorptiveCapacity: { statement: string } | null;
  riskAssessment: { decision: string; decidedOn: string } | null;
  sustainmentPlan: { ownerOrgId: string; handoverDate: string } | null;
  evaluationPlan: { kind: string; dueBy: string } | null;
  logicModel: readonly LogicModelNode[];
}

/** A capability assessment as the gate needs it (any state; only approved ones count). */
export interface GateAssessment {
  id: string;
  partnerIso3: string;
  capabilityArea: string;
  status: string;
  conductedOn: string;
}

export interface GateProblem {
  gate: InitiativeGate;
  path: string;
  message: string;
}

export interface GateCheck {
  gate: InitiativeGate;
  title: string;
  /** False when the gate does not apply (e.g. no evaluation plan is needed for a routine initiative). */
  applies: boolean;
  met: boolean;
  problems: GateProblem[];
}

export interface GateReport {
  met: boolean;
  checks: GateCheck[];
  /** Every unmet gate, in gate order, each with a field path. */
  unmet: GateProblem[];
  /** The approved assessments that satisfy gate 3 (the newest per partner and area). */
  assessmentIds: string[];
}

/** The date `months` months before `isoDate` (day clamped to the month's end). */
export function monthsBefore(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** How old an approved capability assessment may be for approval. */
export const ASSESSMENT_MAX_AGE_MONTHS = 24;

const blank = (s: string | null | undefined) => !s?.trim();

function capabilityProblems(i: GateInitiative, assessments: readonly GateAssessment[], today: string) {
  const problems: GateProblem[] = [];
  const ids: string[] = [];
  const oldest = monthsBefore(today, ASSESSMENT_MAX_AGE_MONTHS);
  if (i.capabilityAreas.length === 0)
    problems.push({
      gate: 'capability_assessment',
      path: 'capabilityAreas',
      message: 'Name the capability areas the initiative targets',
    });
  if (i.partnerIso3s.length === 0)
    problems.push({
      gate: 'capability_assessment',
      path: 'partnerIso3s',
      message: 'Name the target partners',
    });
  for (const iso3 of i.partnerIso3s)
    i.capabilityAreas.forEach((area, k) => {
      const mine = assessments.filter((a) => a.partnerIso3 === iso3 && a.capabilityArea === area);
      const approved = mine
        .filter((a) => a.status === 'approved')
        .sort((a, b) => b.conductedOn.localeCompare(a.conductedOn));
      const current = approved.find((a) => a.conductedOn >= oldest && a.conductedOn <= today);
      if (current) {
        ids.push(current.id);
        return;
      }
      const what = area.replace(/_/g, ' ');
      const message = approved[0]
        ? `${iso3}: the latest approved ${what} assessment (${approved[0].conductedOn}) is more than ${ASSESSMENT_MAX_AGE_MONTHS} months old`
        : mine.length
          ? `${iso3}: the ${what} assessment is not approved yet`
          : `${iso3}: no approved ${what} capability assessment`;
      problems.push({ gate: 'capability_assessment', path: `capabilityAreas.${k}`, message });
    });
  return { problems, ids };
}

function outcomeBaselineProblems(nodes: readonly LogicModelNode[]): GateProblem[] {
  const outcomes = nodes.map((n, idx) => ({ n, idx })).filter((x) => x.n.kind === 'outcome');
  const ok = outcomes.some(({ n }) =>
    (n.indicators ?? []).some(
      (ind) => !!ind.baseline && !blank(ind.baseline.date) && !blank(ind.baseline.value),
    ),
  );
  if (ok) return [];
  const first = outcomes[0];
  return [
    first
      ? {
          gate: 'outcome_baseline',
          path: `logicModel.${first.idx}.indicators`,
          message: 'Give at least one outcome an indicator with a baseline',
        }
      : {
          gate: 'outcome_baseline',
          path: 'logicModel',
          message: 'Add an outcome with an indicator that has a baseline',
        },
  ];
}

/** Every approval gate of the initiative, met or not, on `today` (YYYY-MM-DD). */
export function initiativeGates(
  i: GateInitiative,
  assessments: readonly GateAssessment[],
  today: string,
): GateReport {
  const cap = capabilityProblems(i, assessments, today);
  const forces = i.supportsPartnerForces;
  const sustains = i.covers.length > 0;
  const significant = i.significance === 'significant';
  const risk: GateProblem[] = !forces
    ? []
    : !i.riskAssessment
      ? [
          {
            gate: 'risk_assessment',
            path: 'riskAssessment',
            message: 'Record the risk assessment (it supports partner forces)',
          },
        ]
      : i.riskAssessment.decision === 'decline'
        ? [
            {
              gate: 'risk_assessment',
              path: 'riskAssessment.decision',
              message: 'The risk assessment declined the initiative',
            },
          ]
        : [];
  const problems: Record<InitiativeGate, GateProblem[]> = {
    problem_statement: blank(i.problemStatement)
      ? [
          {
            gate: 'problem_statement',
            path: 'problemStatement',
            message: 'State the problem the initiative addresses',
          },
        ]
      : [],
    line_of_effort:
      i.lineOfEffortIds.length === 0
        ? [{ gate: 'line_of_effort', path: 'lineOfEffortIds', message: 'Link at least one line of effort' }]
        : [],
    outcome_baseline: outcomeBaselineProblems(i.logicModel),
    capability_assessment: cap.problems,
    absorptive_capacity: blank(i.absorptiveCapacity?.statement)
      ? [
          {
            gate: 'absorptive_capacity',
            path: 'absorptiveCapacity.statement',
            message: "State the partners' absorptive capacity",
          },
        ]
      : [],
    risk_assessment: risk,
    sustainment_plan:
      sustains && !i.sustainmentPlan
        ? [
            {
              gate: 'sustainment_plan',
              path: 'sustainmentPlan',
              message: `Add a sustainment plan (it covers ${i.covers.join(', ').replace(/_/g, ' ')})`,
            },
          ]
        : [],
    evaluation_plan:
      significant && !i.evaluationPlan
        ? [
            {
              gate: 'evaluation_plan',
              path: 'evaluationPlan',
              message: 'Add an evaluation plan (the initiative is significant)',
            },
          ]
        : [],
  };
  const applies: Record<InitiativeGate, boolean> = {
    problem_statement: true,
    line_of_effort: true,
    outcome_baseline: true,
    capability_assessment: true,
    absorptive_capacity: true,
    risk_assessment: forces,
    sustainment_plan: sustains,
    evaluation_plan: significant,
  };
  const checks = INITIATIVE_GATES.map((gate) => ({
    gate,
    title: GATE_TITLES[gate],
    applies: applies[gate],
    met: problems[gate].length === 0,
    problems: problems[gate],
  }));
  const unmet = checks.flatMap((c) => c.problems);
  return { met: unmet.length === 0, checks, unmet, assessmentIds: unmet.length === 0 ? cap.ids : [] };
}

/** Refuse approval with every unmet gate (422, each with its field path); returns the assessments relied on. */
export function assertInitiativeApprovable(
  i: GateInitiative,
  assessments: readonly GateAssessment[],
  today: string,
): string[] {
  const r = initiativeGates(i, assessments, today);
  if (!r.met)
    throw new DomainError(
      'guard_failed',
      `The initiative cannot be approved yet: ${r.unmet.length} gate${r.unmet.length === 1 ? ' is' : 's are'} not met.`,
      r.unmet.map((u) => ({ path: u.path, message: u.message })),
    );
  return r.assessmentIds;
}

export const canTransitionInitiative = (from: string, to: string): boolean =>
  (INITIATIVE_STATUSES as readonly string[]).includes(from) &&
  (INITIATIVE_TRANSITIONS[from as InitiativeStatus] as readonly string[]).includes(to);
