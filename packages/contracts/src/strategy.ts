/** Strategy: objectives (tree), lines of effort, cooperation plans, initiatives with logic models. */
import { z } from 'zod';
import { IsoDate, LabelInput, Uuid } from './common';

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
  version: z.number().int(),
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

export const ObjectiveInput = z.object({
  code: z.string().trim().min(2).max(30),
  title: z.string().trim().min(3).max(300),
  description: z.string().trim().min(1, 'describe the end pursued').max(5000),
  level: z.enum(['national', 'regional', 'functional', 'partner']),
  parentId: Uuid.optional(),
  priority: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  threatFocus: z.array(z.enum(['instability', 'terrorism', 'piracy', 'trafficking', 'cyber', 'partner_capability', 'conflict'])).default([]),
  regionCodes: z.array(z.string()).default([]),
  validFrom: IsoDate,
  validTo: IsoDate.optional(),
  communityId: Uuid,
  label: LabelInput,
});
export type ObjectiveInput = z.infer<typeof ObjectiveInput>;
export const ObjectiveTransition = z.object({ to: z.enum(['active', 'retired']), version: z.number().int().min(1), reason: z.string().max(2000).optional() });
