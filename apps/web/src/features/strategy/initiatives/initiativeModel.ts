/**
 * The initiative form's draft (strings as typed), its conversion to InitiativeInput and field-level
 * validation with the contract's schema. The logic model's structural rules (upward links, objectives)
 * are checked by the server, whose field errors land next to the nodes.
 */
import { InitiativeInput } from '@entente/contracts';
import type { InitiativeDetail, InitiativeInput as InitiativeInputType } from '@entente/contracts';
import { HOME_NATION } from '../../../lib/domain';
import { emptyFrom, validateAgainst, type DraftValidation, type WhenEmpty } from '../../../lib/validateForm';
import type { LabelDraft } from '../../engagements/formModel';
import type { FieldLabels } from '../../engagements/ErrorSummary';

export const NODE_KINDS = ['input', 'activity', 'output', 'outcome', 'impact'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];
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
export const COVERS = ['equipment', 'infrastructure', 'unit_training'] as const;
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
export const EVALUATION_KINDS = ['mid_term', 'final', 'impact', 'thematic', 'after_action'] as const;

export type IndicatorDraft = {
  title: string;
  unit: string;
  baselineDate: string;
  baselineValue: string;
  baselineSource: string;
};
export type NodeDraft = {
  id: string;
  kind: NodeKind;
  statement: string;
  parentIds: string[];
  objectiveIds: string[];
  indicators: IndicatorDraft[];
};
export type InitiativeDraft = {
  code: string;
  title: string;
  planId: string;
  lineOfEffortIds: string[];
  /** ISO3 codes as typed, separated by commas or spaces. */
  partners: string;
  leadOrgId: string;
  /** The budget as typed (empty: none); with the covers it decides the significance on the server. */
  budgetAmount: string;
  budgetCurrency: string;
  problemStatement: string;
  theoryOfChange: string;
  from: string;
  to: string;
  capabilityAreas: string[];
  covers: string[];
  supportsPartnerForces: boolean;
  absorptiveStatement: string;
  absorptiveMax: string;
  hasRisk: boolean;
  risk: {
    scopes: string[];
    likelihood: string;
    impact: string;
    decision: string;
    decidedOn: string;
    mitigations: string;
  };
  hasSustainment: boolean;
  sustainment: { ownerOrgId: string; amount: string; currency: string; handoverDate: string };
  hasEvaluation: boolean;
  evaluation: { kind: string; dueBy: string };
  logicModel: NodeDraft[];
  communityId: string;
  label: LabelDraft;
};

let seq = 0;
/** A fresh node id, unique within the form. */
export const newNodeId = (): string => `n-${Date.now().toString(36)}-${++seq}`;
export const emptyIndicator = (): IndicatorDraft => ({
  title: '',
  unit: '',
  baselineDate: '',
  baselineValue: '',
  baselineSource: '',
});

export function emptyInitiativeDraft(communityId = ''): InitiativeDraft {
  return {
    code: '',
    title: '',
    planId: '',
    lineOfEffortIds: [],
    partners: '',
    leadOrgId: '',
    budgetAmount: '',
    budgetCurrency: 'EUR',
    problemStatement: '',
    theoryOfChange: '',
    from: '',
    to: '',
    capabilityAreas: [],
    covers: [],
    supportsPartnerForces: false,
    absorptiveStatement: '',
    absorptiveMax: '',
    hasRisk: false,
    risk: { scopes: [], likelihood: '', impact: '', decision: '', decidedOn: '', mitigations: '' },
    hasSustainment: false,
    sustainment: { ownerOrgId: '', amount: '', currency: 'EUR', handoverDate: '' },
    hasEvaluation: false,
    evaluation: { kind: '', dueBy: '' },
    logicModel: [],
    communityId,
    label: { level: 'HUB-OFFICIAL', releasableTo: [HOME_NATION], restrictive: [], handling: [] },
  };
}

/** The draft of a stored initiative, for editing. */
export function draftOf(i: InitiativeDetail): InitiativeDraft {
  const empty = emptyInitiativeDraft(i.communityId);
  return {
    ...empty,
    code: i.code,
    title: i.title,
    planId: i.planId ?? '',
    lineOfEffortIds: i.lineOfEffortIds,
    partners: i.partnerIso3s.join(', '),
    leadOrgId: i.leadOrgId,
    budgetAmount: i.budget?.amount ?? '',
    budgetCurrency: i.budget?.currency ?? 'EUR',
    problemStatement: i.problemStatement,
    theoryOfChange: i.theoryOfChange,
    from: i.from,
    to: i.to,
    capabilityAreas: i.capabilityAreas,
    covers: i.covers,
    supportsPartnerForces: i.supportsPartnerForces,
    absorptiveStatement: i.absorptiveCapacity?.statement ?? '',
    absorptiveMax: i.absorptiveCapacity?.maxTraineesPerMonth?.toString() ?? '',
    hasRisk: !!i.riskAssessment,
    risk: i.riskAssessment
      ? {
          scopes: i.riskAssessment.scopes,
          likelihood: String(i.riskAssessment.likelihood),
          impact: String(i.riskAssessment.impact),
          decision: i.riskAssessment.decision,
          decidedOn: i.riskAssessment.decidedOn,
          mitigations: i.riskAssessment.mitigations.join('\n'),
        }
      : empty.risk,
    hasSustainment: !!i.sustainmentPlan,
    sustainment: i.sustainmentPlan
      ? {
          ownerOrgId: i.sustainmentPlan.ownerOrgId,
          amount: i.sustainmentPlan.annualCost.amount,
          currency: i.sustainmentPlan.annualCost.currency,
          handoverDate: i.sustainmentPlan.handoverDate,
        }
      : empty.sustainment,
    hasEvaluation: !!i.evaluationPlan,
    evaluation: i.evaluationPlan
      ? { kind: i.evaluationPlan.kind, dueBy: i.evaluationPlan.dueBy }
      : empty.evaluation,
    logicModel: i.logicModel.map((n) => ({
      id: n.id,
      kind: n.kind,
      statement: n.statement,
      parentIds: n.parentIds,
      objectiveIds: n.objectiveIds,
      indicators: (n.indicators ?? []).map((x) => ({
        title: x.title,
        unit: x.unit ?? '',
        baselineDate: x.baseline?.date ?? '',
        baselineValue: x.baseline?.value ?? '',
        baselineSource: x.baseline?.source ?? '',
      })),
    })),
    label: i.label,
  };
}

const opt = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());
const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));
const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

/** The wire shape to validate and send (undefined members are dropped by JSON). */
export function toInitiativeCandidate(d: InitiativeDraft): Record<string, unknown> {
  return {
    code: d.code,
    title: d.title,
    planId: opt(d.planId) ?? null,
    lineOfEffortIds: d.lineOfEffortIds,
    partnerIso3s: d.partners
      .split(/[\s,;]+/)
      .map((x) => x.trim().toUpperCase())
      .filter(Boolean),
    leadOrgId: opt(d.leadOrgId),
    budget: d.budgetAmount.trim()
      ? { amount: d.budgetAmount.trim(), currency: d.budgetCurrency.trim().toUpperCase() }
      : null,
    problemStatement: d.problemStatement,
    theoryOfChange: d.theoryOfChange,
    from: opt(d.from),
    to: opt(d.to),
    capabilityAreas: d.capabilityAreas,
    covers: d.covers,
    supportsPartnerForces: d.supportsPartnerForces,
    absorptiveCapacity: d.absorptiveStatement.trim()
      ? { statement: d.absorptiveStatement, maxTraineesPerMonth: num(d.absorptiveMax) }
      : null,
    riskAssessment: d.hasRisk
      ? {
          scopes: d.risk.scopes,
          likelihood: num(d.risk.likelihood),
          impact: num(d.risk.impact),
          decision: opt(d.risk.decision),
          decidedOn: opt(d.risk.decidedOn),
          mitigations: lines(d.risk.mitigations),
        }
      : null,
    sustainmentPlan: d.hasSustainment
      ? {
          ownerOrgId: opt(d.sustainment.ownerOrgId),
          annualCost: {
            amount: d.sustainment.amount.trim(),
            currency: d.sustainment.currency.trim().toUpperCase(),
          },
          handoverDate: opt(d.sustainment.handoverDate),
        }
      : null,
    evaluationPlan: d.hasEvaluation ? { kind: opt(d.evaluation.kind), dueBy: opt(d.evaluation.dueBy) } : null,
    logicModel: d.logicModel.map((n) => ({
      id: n.id,
      kind: n.kind,
      statement: n.statement,
      parentIds: n.parentIds,
      objectiveIds: n.objectiveIds,
      indicators: n.indicators.map((x) => ({
        title: x.title,
        unit: opt(x.unit),
        baseline:
          x.baselineDate || x.baselineValue || x.baselineSource
            ? { date: opt(x.baselineDate), value: x.baselineValue, source: x.baselineSource }
            : null,
      })),
    })),
    communityId: opt(d.communityId),
    label: {
      level: d.label.level,
      restrictive: d.label.restrictive,
      releasableTo: d.label.releasableTo,
      handling: d.label.handling,
    },
  };
}

const WHEN_EMPTY: WhenEmpty<InitiativeDraft> = {
  code: [(d) => !d.code.trim(), 'enter a code, e.g. INI-KEN-MLE'],
  title: [(d) => !d.title.trim(), 'enter a title'],
  leadOrgId: [(d) => !d.leadOrgId, 'choose the lead organisation'],
  from: [(d) => !d.from, 'enter the start date'],
  to: [(d) => !d.to, 'enter the end date'],
  communityId: [(d) => !d.communityId, 'choose the community of interest'],
};

export type InitiativeValidation = DraftValidation<InitiativeInputType>;

/** Validate with the contract's schema; errors keyed by field path (the server's paths). */
export const validateInitiative = (d: InitiativeDraft): InitiativeValidation =>
  validateAgainst(InitiativeInput, toInitiativeCandidate(d), d, emptyFrom(WHEN_EMPTY));

export const INITIATIVE_FIELDS: FieldLabels = {
  code: ['Code', 'ini-code'],
  title: ['Title', 'ini-title'],
  planId: ['Cooperation plan', 'ini-plan'],
  lineOfEffortIds: ['Lines of effort', 'ini-loes'],
  partnerIso3s: ['Target partners', 'ini-partners'],
  leadOrgId: ['Lead organisation', 'ini-lead'],
  budget: ['Budget', 'ini-budget'],
  'budget.amount': ['Budget', 'ini-budget'],
  'budget.currency': ['Budget currency', 'ini-budget-currency'],
  significance: ['Significance', 'ini-significance'],
  problemStatement: ['Problem statement', 'ini-problem'],
  theoryOfChange: ['Theory of change', 'ini-toc'],
  from: ['Start', 'ini-from'],
  to: ['End', 'ini-to'],
  capabilityAreas: ['Capability areas', 'ini-areas'],
  covers: ['Covers', 'ini-covers'],
  absorptiveCapacity: ['Absorptive capacity', 'ini-absorptive'],
  riskAssessment: ['Risk assessment', 'ini-risk'],
  sustainmentPlan: ['Sustainment plan', 'ini-sustainment'],
  evaluationPlan: ['Evaluation plan', 'ini-evaluation'],
  logicModel: ['Logic model', 'ini-logic'],
  communityId: ['Community', 'ini-community'],
  label: ['Classification label', 'ini-label-level'],
  'label.level': ['Classification level', 'ini-label-level'],
  'label.releasableTo': ['Releasable to', 'ini-label-releasable'],
};
export const INITIATIVE_ORDER = Object.keys(INITIATIVE_FIELDS);

/** The element id of a logic-model field path such as `logicModel.3.parentIds`. */
export const nodeFieldId = (index: number, field: string) => `ini-node-${index}-${field}`;
