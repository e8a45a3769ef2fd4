/** The dashboard: counts, upcoming engagements, expiring agreements (all over visible rows only). */
import { z } from 'zod';
import { EngagementListItem } from './engagements';
import { AgreementItem } from './agreements';

export const DashboardQuery = z.object({
  year: z.coerce.number().int().optional(),
  objective: z.string().uuid().optional(),
  partner: z.string().optional(),
});
/** The dashboard charts the objectives with the most engagements; the rest are summed. */
export const DASHBOARD_TOP_OBJECTIVES = 20;
const Count = z.object({ key: z.string(), label: z.string(), count: z.number().int() });
export const Dashboard = z.object({
  totals: z.object({
    engagements: z.number().int(),
    partners: z.number().int(),
    agreementsInForce: z.number().int(),
    plannedCost: z.string(),
  }),
  byType: z.array(Count),
  /** The objectives with the most engagements (at most `DASHBOARD_TOP_OBJECTIVES`), most first. */
  byObjective: z.array(Count),
  /** The visible objectives not in `byObjective`: how many, and how many engagement links they hold. */
  objectivesOther: z.object({ objectives: z.number().int(), count: z.number().int() }),
  byRegion: z.array(Count),
  byYear: z.array(Count),
  upcoming: z.array(EngagementListItem),
  expiringAgreements: z.array(AgreementItem),
});
export type Dashboard = z.infer<typeof Dashboard>;
