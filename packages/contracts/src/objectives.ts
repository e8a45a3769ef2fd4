/** One strategic objective's page (the golden thread: what traces to it) and editing an objective. */
import { z } from 'zod';
import { IsoDate, Uuid } from './common';
import { StoredEvaluationListItem } from './evaluation';
import { ObjectiveInput, ObjectiveItem } from './strategy';

const Ref = z.object({ id: Uuid, code: z.string(), title: z.string() });

/** A child objective in the page's list. */
export const ObjectiveChild = Ref.extend({
  status: z.string(),
  priority: z.number().int(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  engagementCount: z.number().int(),
  portion: z.string(),
});

export const ObjectivePage = z.object({
  objective: ObjectiveItem,
  /** Visible ancestors, the root first; stops at the first one the user may not read. */
  breadcrumb: z.array(Ref),
  children: z.array(ObjectiveChild),
  linesOfEffort: z.array(Ref.extend({ description: z.string(), status: z.string(), portion: z.string() })),
  /** Initiatives serving it: through one of its lines of effort and/or a logic-model node linking it. */
  initiatives: z.array(
    Ref.extend({
      status: z.string(),
      from: z.string(),
      to: z.string(),
      partnerIso3s: z.array(z.string()),
      via: z.array(z.enum(['line_of_effort', 'logic_model'])),
      portion: z.string(),
    }),
  ),
  /** Cooperation plans with a goal that links it, and those goals. */
  plans: z.array(
    Ref.extend({
      status: z.string(),
      from: z.string(),
      to: z.string(),
      partnerIso3s: z.array(z.string()),
      goals: z.array(z.object({ code: z.string(), title: z.string() })),
      portion: z.string(),
    }),
  ),
  engagements: z.object({
    total: z.number().int(),
    byStatus: z.array(z.object({ status: z.string(), count: z.number().int() })),
    /** The 10 most recent by planned start. */
    recent: z.array(
      Ref.extend({
        type: z.string(),
        status: z.string(),
        plannedStart: z.string(),
        plannedEnd: z.string(),
        portion: z.string(),
      }),
    ),
  }),
  evaluations: z.array(StoredEvaluationListItem),
  /** May the caller edit it (and change its lifecycle)? */
  mayEdit: z.boolean(),
});
export type ObjectivePage = z.infer<typeof ObjectivePage>;

/** What an edit may change: code, level, community and label stay as created. */
export const ObjectiveEdit = ObjectiveInput.pick({
  title: true,
  description: true,
  priority: true,
  threatFocus: true,
  validFrom: true,
}).extend({
  /** null (or absent) makes it a top-level objective. */
  parentId: Uuid.nullable().optional(),
  /** null (or absent) means no end. */
  validTo: IsoDate.nullable().optional(),
});
export type ObjectiveEdit = z.infer<typeof ObjectiveEdit>;

export const ObjectiveUpdate = z.object({
  expectedVersion: z.number().int().min(1),
  objective: ObjectiveEdit,
});
export type ObjectiveUpdate = z.infer<typeof ObjectiveUpdate>;
