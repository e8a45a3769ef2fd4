/**
 * Co-owned cooperation plans (DOMAIN.md §2.1, §4.2): create, edit, submit, approve by every owner,
 * move through the lifecycle; the detail view with owners, approvals per version and history.
 */
import { z } from 'zod';
import { Decimal, Iso3, IsoDate, LabelInput, Uuid } from './common';
import { PlanItem } from './strategy';

export const PLAN_STATUS_VALUES = [
  'draft',
  'in_consultation',
  'agreed',
  'active',
  'under_review',
  'superseded',
  'closed',
] as const;

export const PlanGoalInput = z.object({
  code: z.string().trim().min(1, 'give the goal a code').max(20),
  title: z.string().trim().min(3, 'at least 3 characters').max(500),
  objectiveIds: z.array(Uuid).min(1, 'link the goal to at least one of our objectives'),
  targetDate: IsoDate,
  /** Indexes (0-based) of the partner priorities this goal serves. */
  partnerPriorityRefs: z.array(z.number().int().min(0)).default([]),
});
export type PlanGoalInput = z.infer<typeof PlanGoalInput>;

export const PlanContributionInput = z.object({
  orgId: Uuid,
  pledged: z
    .object({ amount: Decimal, currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code') })
    .optional(),
  personDays: z.number().int().min(0).optional(),
});
export type PlanContributionInput = z.infer<typeof PlanContributionInput>;

/** The content owners approve: everything but the code, community and label. */
export const PlanContentInput = z.object({
  title: z.string().trim().min(3, 'at least 3 characters').max(300),
  kind: z.enum(['bilateral', 'multilateral']),
  ownerOrgIds: z.array(Uuid).min(1, 'name at least one owner'),
  partnerIso3s: z.array(Iso3).min(1, 'name at least one partner'),
  from: IsoDate,
  to: IsoDate,
  reviewCycleMonths: z.number().int().min(1).max(60).default(24),
  partnerPriorities: z.array(z.string().trim().min(1).max(500)).max(30).default([]),
  goals: z.array(PlanGoalInput).min(1, 'add at least one goal').max(40),
  contributions: z.array(PlanContributionInput).max(60).default([]),
});
export type PlanContentInput = z.infer<typeof PlanContentInput>;

export const PlanInput = PlanContentInput.extend({
  code: z.string().trim().min(2).max(40),
  communityId: Uuid,
  label: LabelInput,
});
export type PlanInput = z.infer<typeof PlanInput>;

export const PlanUpdate = z.object({ expectedVersion: z.number().int().min(1), plan: PlanContentInput });
export type PlanUpdate = z.infer<typeof PlanUpdate>;

export const PlanApprove = z.object({ planVersion: z.number().int().min(1) });
export const PlanSubmit = z.object({ version: z.number().int().min(1) });
export const PlanTransition = z.object({
  to: z.enum(['in_consultation', 'active', 'under_review', 'superseded', 'closed']),
  version: z.number().int().min(1),
  reason: z.string().max(2000).optional(),
});
export type PlanTransition = z.infer<typeof PlanTransition>;

/** A plan in the list, with its version and which owners have approved it. */
export const PlanSummary = PlanItem.extend({
  version: z.number().int(),
  planVersion: z.number().int(),
  approvedBy: z.array(z.string()),
  awaiting: z.array(z.string()),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

const OrgRef = z.object({ id: Uuid, code: z.string(), name: z.string() });
const ApprovalView = z.object({ ownerCode: z.string(), userName: z.string(), at: z.string() });

export const PlanDetail = z.object({
  id: Uuid,
  code: z.string(),
  title: z.string(),
  kind: z.string(),
  status: z.string(),
  from: z.string(),
  to: z.string(),
  reviewCycleMonths: z.number().int(),
  partnerIso3s: z.array(z.string()),
  partnerPriorities: z.array(z.string()),
  version: z.number().int(),
  planVersion: z.number().int(),
  portion: z.string(),
  owners: z.array(OrgRef.extend({ approval: ApprovalView.omit({ ownerCode: true }).nullable() })),
  goals: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      targetDate: z.string(),
      objectives: z.array(z.object({ id: Uuid, code: z.string(), title: z.string() })),
      partnerPriorityRefs: z.array(z.number().int()),
    }),
  ),
  contributions: z.array(
    z.object({
      org: OrgRef,
      pledged: z.object({ amount: z.string(), currency: z.string() }).nullable(),
      personDays: z.number().int().nullable(),
    }),
  ),
  versions: z.array(
    z.object({ planVersion: z.number().int(), savedAt: z.string(), approvals: z.array(ApprovalView) }),
  ),
  /** What the caller may do now (buttons are shown only when allowed). */
  can: z.object({
    edit: z.boolean(),
    approve: z.boolean(),
    transitions: z.array(z.enum(PLAN_STATUS_VALUES)),
  }),
});
export type PlanDetail = z.infer<typeof PlanDetail>;

/** What an approval did: the plan after it, and the owners still to approve. */
export const PlanApprovalResult = z.object({ plan: PlanDetail, awaiting: z.array(z.string()) });
