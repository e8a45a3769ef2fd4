/**
 * Initiatives (create, edit, lifecycle, approval gates) and capability assessments (DOMAIN.md §2.1,
 * §2.2). Results and indicators are modelled minimally inside logic-model nodes (an indicator with
 * an optional baseline) until the §2.4 entities exist.
 */
import { z } from 'zod';
import { Decimal, Iso3, IsoDate, LabelInput, Uuid } from './common';
import { InitiativeItem } from './strategy';

const text = (max: number) => z.string().trim().max(max);

export const CapabilityAreaEnum = z.enum([
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
]);

export const IndicatorBaseline = z.object({
  date: IsoDate,
  value: text(200).min(1, 'give the baseline value'),
  source: text(500).min(1, 'name the source'),
});
export const NodeIndicator = z.object({
  code: text(40).optional(),
  title: text(300).min(3, 'name the indicator'),
  unit: text(60).optional(),
  baseline: IndicatorBaseline.nullable().optional(),
});
export type NodeIndicator = z.infer<typeof NodeIndicator>;

export const LogicNodeInput = z.object({
  id: text(120).min(1),
  kind: z.enum(['input', 'activity', 'output', 'outcome', 'impact']),
  statement: text(1000),
  parentIds: z.array(z.string()).default([]),
  objectiveIds: z.array(Uuid).default([]),
  indicators: z.array(NodeIndicator).max(20).default([]),
});
export type LogicNodeInput = z.infer<typeof LogicNodeInput>;
export const LogicNodeFull = LogicNodeInput.extend({ objectiveIds: z.array(z.string()) });
export type LogicNodeFull = z.infer<typeof LogicNodeFull>;

export const AbsorptiveStatement = z.object({
  statement: text(2000),
  maxTraineesPerMonth: z.number().int().min(0).optional(),
});
export const RiskAssessmentInput = z.object({
  scopes: z
    .array(z.enum(['human_rights', 'ihl', 'diversion', 'end_use', 'corruption', 'political', 'operational']))
    .min(1, 'choose at least one scope'),
  likelihood: z.number().int().min(1).max(5),
  impact: z.number().int().min(1).max(5),
  decision: z.enum(['proceed', 'proceed_with_conditions', 'decline']),
  decidedOn: IsoDate,
  mitigations: z.array(text(500)).default([]),
});
export const SustainmentPlanInput = z.object({
  ownerOrgId: Uuid,
  annualCost: z.object({ amount: Decimal, currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code') }),
  handoverDate: IsoDate,
});
/** What the initiative is budgeted to cost: over the configured threshold it is significant. */
export const BudgetInput = z.object({
  amount: Decimal,
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code'),
});
export const EvaluationPlanInput = z.object({
  kind: z.enum(['mid_term', 'final', 'impact', 'thematic', 'after_action']),
  dueBy: IsoDate,
});

export const InitiativeInput = z.object({
  code: z.string().trim().min(3).max(40),
  title: text(300).min(3),
  planId: Uuid.nullable().optional(),
  lineOfEffortIds: z.array(Uuid).default([]),
  partnerIso3s: z.array(Iso3).min(1, 'name at least one target partner'),
  leadOrgId: Uuid,
  // No `significance`: the server derives it from the budget and what the initiative covers
  // (DOMAIN.md §2.1); a `significance` sent by an older client is dropped.
  budget: BudgetInput.nullable().default(null),
  problemStatement: text(5000).default(''),
  theoryOfChange: text(5000).default(''),
  from: IsoDate,
  to: IsoDate,
  capabilityAreas: z.array(CapabilityAreaEnum).default([]),
  covers: z.array(z.enum(['equipment', 'infrastructure', 'unit_training'])).default([]),
  supportsPartnerForces: z.boolean().default(false),
  absorptiveCapacity: AbsorptiveStatement.nullable().default(null),
  riskAssessment: RiskAssessmentInput.nullable().default(null),
  sustainmentPlan: SustainmentPlanInput.nullable().default(null),
  evaluationPlan: EvaluationPlanInput.nullable().default(null),
  logicModel: z.array(LogicNodeInput).max(200).default([]),
  communityId: Uuid,
  label: LabelInput,
});
export type InitiativeInput = z.infer<typeof InitiativeInput>;
export const InitiativeUpdate = z.object({
  expectedVersion: z.number().int().min(1),
  initiative: InitiativeInput,
});
export type InitiativeUpdate = z.infer<typeof InitiativeUpdate>;
export const InitiativeTransition = z.object({
  to: z.enum(['approved', 'active', 'closing', 'closed', 'suspended', 'cancelled']),
  expectedVersion: z.number().int().min(1),
  reason: z.string().max(2000).optional(),
});
export type InitiativeTransition = z.infer<typeof InitiativeTransition>;

export const GateCheck = z.object({
  gate: z.string(),
  title: z.string(),
  applies: z.boolean(),
  met: z.boolean(),
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type GateCheck = z.infer<typeof GateCheck>;

/** One initiative as the page and the edit form need it, with its approval checklist. */
export const InitiativeDetail = InitiativeItem.extend({
  version: z.number().int(),
  problemStatement: z.string(),
  theoryOfChange: z.string(),
  lineOfEffortIds: z.array(z.string()),
  leadOrgId: Uuid,
  capabilityAreas: z.array(z.string()),
  covers: z.array(z.string()),
  supportsPartnerForces: z.boolean(),
  absorptiveCapacity: AbsorptiveStatement.nullable(),
  riskAssessment: RiskAssessmentInput.nullable(),
  sustainmentPlan: SustainmentPlanInput.nullable(),
  evaluationPlan: EvaluationPlanInput.nullable(),
  budget: BudgetInput.nullable(),
  /** Why it is significant, derived when it was last saved (empty when routine). */
  significanceReasons: z.array(z.string()),
  /** What the derivation could not judge (a budget in another currency than the threshold). */
  significanceNotes: z.array(z.string()),
  /** The configured cost threshold. */
  significantCost: z.object({ amount: z.string(), currency: z.string() }),
  capabilityAssessmentIds: z.array(z.string()),
  logicModel: z.array(LogicNodeFull),
  engagementCount: z.number().int(),
  communityId: Uuid,
  label: z.object({
    level: z.string(),
    restrictive: z.array(z.string()),
    releasableTo: z.array(z.string()),
    handling: z.array(z.string()),
  }),
  /** The approval gates as of today; `met` says whether approval would pass. */
  gates: z.object({ met: z.boolean(), checks: z.array(GateCheck) }),
  /** The states the caller may request next. */
  transitions: z.array(z.string()),
});
export type InitiativeDetail = z.infer<typeof InitiativeDetail>;

export const CapabilityAssessmentInput = z.object({
  partnerIso3: Iso3,
  subjectOrgId: Uuid,
  capabilityArea: CapabilityAreaEnum,
  method: z.enum(['desk', 'visit', 'self_evaluation', 'joint', 'external']),
  conductedOn: IsoDate,
  findings: text(10000).min(1, 'summarise the findings'),
  gaps: z.array(text(500).min(1)).default([]),
  ratings: z
    .array(z.object({ criterion: text(200).min(1), score: z.number().int().min(0).max(4) }))
    .default([]),
  absorptiveCapacity: z.object({
    rating: z.enum(['low', 'medium', 'high']),
    maxTraineesPerMonth: z.number().int().min(0).optional(),
    constraints: z.array(text(500).min(1)).default([]),
  }),
  risks: z.array(text(500).min(1)).default([]),
  evidence: z.array(text(500).min(1)).default([]),
  communityId: Uuid,
  label: LabelInput,
});
export type CapabilityAssessmentInput = z.infer<typeof CapabilityAssessmentInput>;

export const CapabilityAssessmentItem = z.object({
  id: Uuid,
  partnerIso3: z.string(),
  subjectOrg: z.object({ id: Uuid, code: z.string(), name: z.string() }),
  capabilityArea: z.string(),
  method: z.string(),
  conductedOn: z.string(),
  findings: z.string(),
  gaps: z.array(z.string()),
  ratings: z.array(z.object({ criterion: z.string(), score: z.number().int() })),
  absorptiveCapacity: z.object({
    rating: z.string(),
    maxTraineesPerMonth: z.number().int().optional(),
    constraints: z.array(z.string()),
  }),
  risks: z.array(z.string()),
  evidence: z.array(z.string()),
  status: z.string(),
  version: z.number().int(),
  assessorId: Uuid.nullable(),
  approvedBy: Uuid.nullable(),
  /** Approved and no more than 24 months old today: it can satisfy an initiative's approval gate. */
  current: z.boolean(),
  portion: z.string(),
});
export type CapabilityAssessmentItem = z.infer<typeof CapabilityAssessmentItem>;
export const CapabilityTransition = z.object({
  to: z.enum(['submitted', 'approved']),
  expectedVersion: z.number().int().min(1),
});
export type CapabilityTransition = z.infer<typeof CapabilityTransition>;
