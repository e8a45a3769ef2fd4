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

export const PartnerOverview = z.object({
  country: Country,
  partner: z.object({ tier: z.string(), status: z.string(), notes: z.string().nullable(), portion: z.string() }).nullable(),
  memberships: z.array(Membership),
  engagements: z.array(EngagementListItem),
  agreements: z.array(AgreementItem),
  plans: z.array(PlanItem),
  initiatives: z.array(InitiativeItem),
  totals: z.object({ engagements: z.number().int(), plannedCost: z.string(), byType: z.record(z.string(), z.number()) }),
});
export type PartnerOverview = z.infer<typeof PartnerOverview>;
