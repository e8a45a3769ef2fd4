/** Strategy: objectives (tree), lines of effort, cooperation plans, initiatives with logic models. */
import { z } from 'zod';
import { Uuid } from './common';

export const ObjectiveItem = z.object({
  id: Uuid,
  code: z.string(),
  title: z.string(),
  description: z.string(),
  level: z.string(),
  parentId: Uuid.nullable(),
  priority: z.number().int(),
  threatFocus: z.array(z.string()),
  status: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  portion: z.string(),
  engagementCount: z.number().int(),
  linesOfEffort: z.array(z.object({ id: Uuid, code: z.string(), title: z.string() })),
});
export type ObjectiveItem = z.infer<typeof ObjectiveItem>;

export const PlanItem = z.object({
  id: Uuid,
  code: z.string(),
  title: z.string(),
  kind: z.string(),
  partnerIso3s: z.array(z.string()),
  owners: z.array(z.string()),
  from: z.string(),
  to: z.string(),
  status: z.string(),
  partnerPriorities: z.array(z.string()),
  goals: z.array(z.object({ code: z.string(), title: z.string(), objectiveIds: z.array(z.string()), targetDate: z.string() })),
  portion: z.string(),
});
export type PlanItem = z.infer<typeof PlanItem>;

export const LogicNode = z.object({
  id: z.string(),
  kind: z.enum(['input', 'activity', 'output', 'outcome', 'impact']),
  statement: z.string(),
  parentIds: z.array(z.string()),
  objectiveIds: z.array(z.string()),
});
export type LogicNode = z.infer<typeof LogicNode>;
export const InitiativeItem = z.object({
  id: Uuid,
  code: z.string(),
  title: z.string(),
  planId: Uuid.nullable(),
  partnerIso3s: z.array(z.string()),
  significance: z.string(),
  status: z.string(),
  from: z.string(),
  to: z.string(),
  portion: z.string(),
});
export type InitiativeItem = z.infer<typeof InitiativeItem>;
export const Initiative = InitiativeItem.extend({
  problemStatement: z.string(),
  theoryOfChange: z.string(),
  logicModel: z.array(LogicNode),
  engagementCount: z.number().int(),
});
export type Initiative = z.infer<typeof Initiative>;
