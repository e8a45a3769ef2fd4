/**
 * The plan form's draft (strings as typed), its conversion to PlanInput / PlanContentInput, and
 * field-level validation: the contract's schema plus the plan rules of DOMAIN.md §2.1 the server
 * also enforces (at most five years, unique goal codes, goal targets inside the plan period).
 */
import { PlanContentInput, PlanInput } from '@entente/contracts';
import type { PlanContentInput as ContentType, PlanDetail, PlanInput as InputType } from '@entente/contracts';
import { HOME_NATION } from '../../../lib/domain';
import { validateAgainst, type DraftValidation } from '../../../lib/validateForm';
import type { FieldErrors, LabelDraft } from '../../engagements/formModel';
import type { FieldLabels } from '../../engagements/ErrorSummary';

export type GoalDraft = {
  key: string;
  code: string;
  title: string;
  objectiveIds: string[];
  targetDate: string;
  /** Kept as loaded: the partner priorities (by index) the goal serves. */
  partnerPriorityRefs: number[];
};
export type ContributionDraft = {
  key: string;
  orgId: string;
  amount: string;
  currency: string;
  personDays: string;
};

export type PlanDraft = {
  code: string;
  title: string;
  kind: string;
  ownerOrgIds: string[];
  partnerIso3s: string[];
  from: string;
  to: string;
  reviewCycleMonths: string;
  /** One priority per line. */
  partnerPriorities: string;
  goals: GoalDraft[];
  contributions: ContributionDraft[];
  communityId: string;
  label: LabelDraft;
};

let seq = 0;
export const rowKey = () => `plan-row-${++seq}`;

export const emptyGoal = (): GoalDraft => ({
  key: rowKey(),
  code: '',
  title: '',
  objectiveIds: [],
  targetDate: '',
  partnerPriorityRefs: [],
});
export const emptyContribution = (): ContributionDraft => ({
  key: rowKey(),
  orgId: '',
  amount: '',
  currency: 'EUR',
  personDays: '',
});

export function emptyPlanDraft(homeOrgId = '', communityId = ''): PlanDraft {
  return {
    code: '',
    title: '',
    kind: 'bilateral',
    ownerOrgIds: homeOrgId ? [homeOrgId] : [],
    partnerIso3s: [],
    from: '',
    to: '',
    reviewCycleMonths: '24',
    partnerPriorities: '',
    goals: [emptyGoal()],
    contributions: [],
    communityId,
    label: { level: 'HUB-OFFICIAL', releasableTo: [HOME_NATION], restrictive: [], handling: [] },
  };
}

/** The draft of an existing plan, for editing its content (code, community and label stay). */
export function draftFromPlan(p: PlanDetail): PlanDraft {
  return {
    ...emptyPlanDraft(),
    code: p.code,
    title: p.title,
    kind: p.kind,
    ownerOrgIds: p.owners.map((o) => o.id),
    partnerIso3s: p.partnerIso3s,
    from: p.from,
    to: p.to,
    reviewCycleMonths: String(p.reviewCycleMonths),
    partnerPriorities: p.partnerPriorities.join('\n'),
    goals: p.goals.map((g) => ({
      key: rowKey(),
      code: g.code,
      title: g.title,
      objectiveIds: g.objectives.map((o) => o.id),
      targetDate: g.targetDate,
      partnerPriorityRefs: g.partnerPriorityRefs,
    })),
    contributions: p.contributions.map((c) => ({
      key: rowKey(),
      orgId: c.org.id,
      amount: c.pledged?.amount ?? '',
      currency: c.pledged?.currency ?? 'EUR',
      personDays: c.personDays === null ? '' : String(c.personDays),
    })),
  };
}

/** The partner priorities typed one per line. */
export const priorityLines = (text: string): string[] =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

const opt = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

/** The content part of the wire shape (undefined members are dropped by JSON). */
export function toContentCandidate(d: PlanDraft): Record<string, unknown> {
  return {
    title: d.title,
    kind: opt(d.kind),
    ownerOrgIds: d.ownerOrgIds,
    partnerIso3s: d.partnerIso3s,
    from: opt(d.from),
    to: opt(d.to),
    reviewCycleMonths: d.reviewCycleMonths.trim() === '' ? undefined : Number(d.reviewCycleMonths),
    partnerPriorities: priorityLines(d.partnerPriorities),
    goals: d.goals.map((g) => ({
      code: g.code,
      title: g.title,
      objectiveIds: g.objectiveIds,
      targetDate: opt(g.targetDate),
      partnerPriorityRefs: g.partnerPriorityRefs,
    })),
    contributions: d.contributions.map((c) => ({
      orgId: opt(c.orgId),
      ...(c.amount.trim()
        ? { pledged: { amount: c.amount.trim(), currency: c.currency.trim().toUpperCase() } }
        : {}),
      ...(c.personDays.trim() ? { personDays: Number(c.personDays) } : {}),
    })),
  };
}

export function toPlanCandidate(d: PlanDraft): Record<string, unknown> {
  return {
    ...toContentCandidate(d),
    code: d.code,
    communityId: opt(d.communityId),
    label: {
      level: d.label.level,
      restrictive: d.label.restrictive,
      releasableTo: d.label.releasableTo,
      handling: d.label.handling,
    },
  };
}

/** `iso` plus five calendar years (29 February becomes 28 February). */
export function fiveYearsAfter(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + 5, m, 0)).getUTCDate();
  return `${y + 5}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Messages for required fields left empty (clearer than a schema's "expected string"). */
function emptyMessage(path: string, d: PlanDraft): string | undefined {
  if (path === 'code' && !d.code.trim()) return 'enter a code, e.g. WA-PLAN-GHA-2027';
  if (path === 'title' && !d.title.trim()) return 'enter a title';
  if (path === 'from' && !d.from) return 'enter the first day of the plan';
  if (path === 'to' && !d.to) return 'enter the last day of the plan';
  if (path === 'communityId' && !d.communityId) return 'choose the community of interest';
  const goal = /^goals\.(\d+)\.(code|title|targetDate)$/.exec(path);
  if (goal) {
    const g = d.goals[Number(goal[1])];
    if (g && goal[2] === 'code' && !g.code.trim()) return 'give the goal a code, e.g. G1';
    if (g && goal[2] === 'title' && !g.title.trim()) return 'describe the goal';
    if (g && goal[2] === 'targetDate' && !g.targetDate) return 'enter the target date';
  }
  if (/^contributions\.\d+\.orgId$/.test(path)) return 'choose the contributing organisation';
  return undefined;
}

/** The plan rules the schema cannot express, each with its field path. */
function ruleErrors(d: PlanDraft): FieldErrors {
  const e: FieldErrors = {};
  if (d.from && d.to) {
    if (d.to < d.from) e.to = 'ends before it starts';
    else if (d.to > fiveYearsAfter(d.from))
      e.to = `a plan runs at most 5 years (until ${fiveYearsAfter(d.from)})`;
  }
  const codes = new Set<string>();
  d.goals.forEach((g, i) => {
    const code = g.code.trim().toUpperCase();
    if (code && codes.has(code)) e[`goals.${i}.code`] = `the code ${g.code.trim()} is used by another goal`;
    codes.add(code);
    if (g.partnerPriorityRefs.some((r) => r >= priorityLines(d.partnerPriorities).length))
      e[`goals.${i}.partnerPriorityRefs`] = 'refers to a partner priority that no longer exists';
    if (g.targetDate && d.from && d.to && (g.targetDate < d.from || g.targetDate > d.to))
      e[`goals.${i}.targetDate`] = 'must fall within the plan period';
  });
  d.contributions.forEach((c, i) => {
    if (c.orgId && !c.amount.trim() && !c.personDays.trim())
      e[`contributions.${i}`] = 'give a pledge or person-days';
  });
  return e;
}

export type PlanValidation<I> = DraftValidation<I>;

/** Validate a new plan (PlanInput). */
export const validateNewPlan = (d: PlanDraft): PlanValidation<InputType> =>
  validateAgainst<InputType, PlanDraft>(PlanInput, toPlanCandidate(d), d, emptyMessage, ruleErrors(d));

/** Validate an edit of a plan's content (PlanContentInput). */
export const validatePlanContent = (d: PlanDraft): PlanValidation<ContentType> =>
  validateAgainst<ContentType, PlanDraft>(
    PlanContentInput,
    toContentCandidate(d),
    d,
    emptyMessage,
    ruleErrors(d),
  );

/** The form's fields for the error summary: label and element id (goal and contribution rows by index). */
export function planFieldLabels(d: PlanDraft): FieldLabels {
  const labels: Record<string, readonly [string, string]> = {
    code: ['Code', 'plan-code'],
    title: ['Title', 'plan-title'],
    kind: ['Kind', 'plan-kind'],
    ownerOrgIds: ['Owners', 'plan-owners'],
    partnerIso3s: ['Partners', 'plan-partners'],
    from: ['From', 'plan-from'],
    to: ['To', 'plan-to'],
    reviewCycleMonths: ['Review cycle (months)', 'plan-review'],
    partnerPriorities: ['Partner priorities', 'plan-priorities'],
    goals: ['Goals', 'plan-goals'],
    contributions: ['Contributions', 'plan-contributions'],
    communityId: ['Community', 'plan-community'],
    label: ['Classification label', 'plan-label-level'],
    'label.level': ['Classification level', 'plan-label-level'],
    'label.releasableTo': ['Releasable to', 'plan-label-releasable'],
  };
  d.goals.forEach((_, i) => {
    const n = i + 1;
    labels[`goals.${i}.code`] = [`Goal ${n}: code`, `plan-goal-${i}-code`];
    labels[`goals.${i}.title`] = [`Goal ${n}: title`, `plan-goal-${i}-title`];
    labels[`goals.${i}.objectiveIds`] = [`Goal ${n}: objectives`, `plan-goal-${i}-objectives`];
    labels[`goals.${i}.targetDate`] = [`Goal ${n}: target date`, `plan-goal-${i}-target`];
    labels[`goals.${i}.partnerPriorityRefs`] = [`Goal ${n}: partner priorities`, `plan-goal-${i}-priorities`];
  });
  d.contributions.forEach((_, i) => {
    const n = i + 1;
    labels[`contributions.${i}`] = [`Contribution ${n}`, `plan-contribution-${i}-org`];
    labels[`contributions.${i}.orgId`] = [`Contribution ${n}: organisation`, `plan-contribution-${i}-org`];
    labels[`contributions.${i}.pledged`] = [`Contribution ${n}: pledge`, `plan-contribution-${i}-amount`];
    labels[`contributions.${i}.personDays`] = [
      `Contribution ${n}: person-days`,
      `plan-contribution-${i}-days`,
    ];
  });
  return labels;
}

export const PLAN_ORDER = [
  'code',
  'title',
  'kind',
  'ownerOrgIds',
  'partnerIso3s',
  'from',
  'to',
  'reviewCycleMonths',
  'partnerPriorities',
  'goals',
  'contributions',
  'communityId',
  'label',
];
