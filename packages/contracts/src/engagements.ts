/** Engagements on the wire: list queries, items, detail, create/update input, transitions, warnings. */
import { z } from 'zod';
import { Decimal, IsoDate, Iso3, LabelInput, Uuid, page } from './common';

export const ENGAGEMENT_TYPE_VALUES = [
  'official_visit', 'key_leader_engagement', 'staff_talks', 'multilateral_forum', 'joint_exercise', 'training_course',
  'mobile_training_team', 'military_assistance', 'equipment_transfer', 'technology_cooperation', 'logistics_support',
  'capacity_building', 'intelligence_sharing', 'counterterrorism_cooperation', 'cyber_cooperation',
  'peacekeeping_deployment', 'multinational_task_force', 'conflict_mediation_support', 'security_sector_reform',
] as const;
export const EngagementTypeSchema = z.enum(ENGAGEMENT_TYPE_VALUES);
export const ENGAGEMENT_STATUS_VALUES = ['draft', 'proposed', 'approved', 'ongoing', 'completed', 'closed', 'postponed', 'cancelled', 'suspended'] as const;
export const EngagementStatusSchema = z.enum(ENGAGEMENT_STATUS_VALUES);
export const PARTICIPATION_ROLE_VALUES = ['lead', 'host', 'participant', 'observer', 'trainer', 'trainee', 'funder', 'implementer'] as const;

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item)).optional();

export const EngagementListQuery = z.object({
  q: z.string().max(200).optional(),
  type: csv(EngagementTypeSchema),
  status: csv(EngagementStatusSchema),
  partner: csv(Iso3),
  objective: csv(Uuid),
  region: z.string().optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  sort: z.enum(['plannedStart', 'code', 'title', 'type', 'status', 'plannedCost']).default('plannedStart'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(25),
  /** Keyset paging: the `nextCursor` of the previous page (then `page` is ignored). */
  cursor: z.string().max(2000).optional(),
});
export type EngagementListQuery = z.infer<typeof EngagementListQuery>;

export const Location = z.object({
  name: z.string().min(1, 'name the place'),
  iso3: Iso3,
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
});
export const Participant = z.object({
  orgId: Uuid,
  role: z.enum(PARTICIPATION_ROLE_VALUES),
  plannedHeadcount: z.number().int().min(0),
  actualHeadcount: z.number().int().min(0).optional(),
});
export const ParticipantView = Participant.extend({ orgCode: z.string(), orgName: z.string() });

export const EngagementListItem = z.object({
  id: Uuid,
  code: z.string(),
  title: z.string(),
  type: EngagementTypeSchema,
  status: EngagementStatusSchema,
  partnerIso3s: z.array(z.string()),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  plannedCost: z.object({ amount: z.string(), currency: z.string() }),
  portion: z.string(),
});
export type EngagementListItem = z.infer<typeof EngagementListItem>;
export const EngagementPage = page(EngagementListItem).extend({
  /** True when more than `total` match: the search counts exactly up to a cap, then says "at least". */
  totalCapped: z.boolean().optional(),
});

export const Warning = z.object({
  kind: z.enum(['overlap', 'capacity', 'capacity_near', 'no_agreement', 'blackout', 'partner_suspended']),
  severity: z.enum(['warning', 'blocking']),
  message: z.string(),
  engagementIds: z.array(z.string()),
});
export type Warning = z.infer<typeof Warning>;

export const Engagement = EngagementListItem.extend({
  summary: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  initiative: z.object({ id: Uuid, code: z.string(), title: z.string() }).nullable(),
  objectives: z.array(z.object({ id: Uuid, code: z.string(), title: z.string() })),
  leadOrg: z.object({ id: Uuid, code: z.string(), name: z.string() }).nullable(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  locations: z.array(Location),
  participants: z.array(ParticipantView),
  actualCost: z.object({ amount: z.string(), currency: z.string() }).nullable(),
  fundingSource: z.object({ id: Uuid, code: z.string(), name: z.string() }).nullable(),
  outcomeSummary: z.string().nullable(),
  labelId: Uuid,
  label: LabelInput,
  communityId: Uuid,
  version: z.number().int(),
  allowedTransitions: z.array(EngagementStatusSchema),
  warnings: z.array(Warning),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Engagement = z.infer<typeof Engagement>;

export const EngagementInput = z
  .object({
    code: z.string().trim().min(3, 'at least 3 characters').max(40),
    title: z.string().trim().min(3, 'at least 3 characters').max(300),
    type: EngagementTypeSchema,
    summary: z.string().max(5000).optional(),
    payload: z.record(z.string(), z.unknown()).default({}),
    initiativeId: Uuid,
    partnerIso3s: z.array(Iso3).min(1, 'name at least one partner'),
    objectiveIds: z.array(Uuid).min(1, 'link at least one strategic objective (the golden thread)'),
    leadOrgId: Uuid,
    plannedStart: IsoDate,
    plannedEnd: IsoDate,
    actualStart: IsoDate.optional(),
    actualEnd: IsoDate.optional(),
    locations: z.array(Location).default([]),
    participants: z.array(Participant).default([]),
    plannedCost: Decimal,
    actualCost: Decimal.optional(),
    currency: z.string().regex(/^[A-Z]{3}$/).default('EUR'),
    fundingSourceId: Uuid.optional(),
    outcomeSummary: z.string().max(10000).optional(),
    communityId: Uuid,
    label: LabelInput,
  })
  .refine((v) => v.plannedEnd >= v.plannedStart, { path: ['plannedEnd'], message: 'the planned end is before the planned start' });
export type EngagementInput = z.infer<typeof EngagementInput>;

/** A draft to check for conflicts before saving. */
export const EngagementCheckInput = z.object({
  id: z.string().optional(),
  type: EngagementTypeSchema,
  plannedStart: IsoDate,
  plannedEnd: IsoDate,
  partnerIso3s: z.array(Iso3).min(1),
  participants: z.array(Participant.pick({ orgId: true })).default([]),
});
export const EngagementUpdate = z.object({ version: z.number().int().min(1), engagement: EngagementInput });
export const TransitionRequest = z.object({
  to: EngagementStatusSchema,
  version: z.number().int().min(1),
  reason: z.string().max(2000).optional(),
  actualStart: IsoDate.optional(),
  actualEnd: IsoDate.optional(),
});
export const CheckResult = z.object({ warnings: z.array(Warning) });

export const MapPoint = z.object({
  id: Uuid,
  code: z.string(),
  title: z.string(),
  type: EngagementTypeSchema,
  status: EngagementStatusSchema,
  plannedStart: z.string(),
  place: z.string(),
  lat: z.number(),
  lon: z.number(),
});
export type MapPoint = z.infer<typeof MapPoint>;

export const ImportReport = z.object({
  ok: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  problems: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
});
export type ImportReport = z.infer<typeof ImportReport>;
