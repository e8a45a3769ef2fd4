/** Partners: every state with what Entente holds about it. */
import { z } from 'zod';
import { Country, Membership } from './reference';
import { EngagementListItem } from './engagements';
import { AgreementItem } from './agreements';
import { PlanItem, InitiativeItem } from './strategy';

export const PartnerListQuery = z.object({
  q: z.string().max(100).optional(),
  region: z.string().optional(),
  group: z.string().optional(),
  engagedOnly: z.coerce.boolean().optional(),
});
export const PartnerSummary = Country.extend({
  tier: z.string().nullable(),
  status: z.string().nullable(),
  groups: z.array(z.string()),
  engagementCount: z.number().int(),
});
export type PartnerSummary = z.infer<typeof PartnerSummary>;

/** How many of a partner's engagements its page lists (most recent first). */
export const PARTNER_RECENT_ENGAGEMENTS = 25;

export const PartnerOverview = z.object({
  country: Country,
  partner: z
    .object({
      tier: z.string(),
      status: z.string(),
      notes: z.string().nullable(),
      portion: z.string(),
      /** For the status change's optimistic concurrency. */
      version: z.number().int(),
      /** Statuses this subject may move the partner to now (empty when it may not change it). */
      transitions: z.array(z.string()),
    })
    .nullable(),
  memberships: z.array(Membership),
  /** The `PARTNER_RECENT_ENGAGEMENTS` most recent by planned start (the register has the rest). */
  engagements: z.array(EngagementListItem),
  agreements: z.array(AgreementItem),
  plans: z.array(PlanItem),
  initiatives: z.array(InitiativeItem),
  totals: z.object({
    engagements: z.number().int(),
    plannedCost: z.string(),
    byType: z.record(z.string(), z.number()),
  }),
});
export type PartnerOverview = z.infer<typeof PartnerOverview>;

/** Suspend, reinstate or restrict a partner (DOMAIN.md §2.2); a reason is always required. */
export const PartnerStatusRequest = z.object({
  to: z.enum(['active', 'restricted', 'suspended']),
  version: z.number().int().min(1),
  reason: z.string().trim().min(1, 'Give a reason.').max(2000),
});
export type PartnerStatusRequest = z.infer<typeof PartnerStatusRequest>;

export const PartnerStatusResult = z.object({
  iso3: z.string(),
  status: z.string(),
  version: z.number().int(),
  /** Review due items raised (on suspension) for the ongoing engagements the subject may write. */
  reviewsRaised: z.number().int(),
  /** Ongoing engagements visible to the subject whose label it may not write: no item raised by this change. */
  reviewsSkipped: z.number().int(),
  /** Open review items settled (on reinstatement). */
  reviewsSettled: z.number().int(),
});
export type PartnerStatusResult = z.infer<typeof PartnerStatusResult>;
