/** The dashboard: counts, upcoming engagements, expiring agreements (all over visible rows only). */
import { z } from 'zod';
import { EngagementListItem } from './engagements';
import { AgreementItem } from './agreements';

export const DashboardQuery = z.object({
  year: z.coerce.number().int().optional(),
  objective: z.string().uuid().optional(),
  partner: z.string().optional(),
});
const Count = z.object({ key: z.string(), label: z.string(), count: z.number().int() });
export const Dashboard = z.object({
  totals: z.object({ engagements: z.number().int(), partners: z.number().int(), agreementsInForce: z.number().int(), plannedCost: z.string() }),
  byType: z.array(Count),
  byObjective: z.array(Count),
  byRegion: z.array(Count),
  byYear: z.array(Count),
  upcoming: z.array(EngagementListItem),
  expiringAgreements: z.array(AgreementItem),
});
export type Dashboard = z.infer<typeof Dashboard>;
