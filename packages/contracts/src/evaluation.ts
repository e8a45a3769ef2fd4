/**
 * Running an evaluation (EVALUATION.md §4) over the area-month panel: one source, a treated area,
 * comparison areas and an intervention date. The result carries one §4 `Estimate` per method and
 * the series the charts need; numbers a blocked estimate cannot give are null.
 */
import { z } from 'zod';
import { IsoDate, page } from './common';
import { IncidentSource } from './incidents';

export const EVALUATION_METHODS = [
  'before_after',
  'interrupted_time_series',
  'difference_in_differences',
  'synthetic_control',
] as const;

export const EvaluationRunRequest = z.object({
  source: IncidentSource,
  /** Canonical event types or sub-types; empty = all. */
  types: z.array(z.string().max(60)).max(30).default([]),
  treatedArea: z.string().min(1).max(200),
  comparisonAreas: z.array(z.string().min(1).max(200)).max(200).default([]),
  neighbourAreas: z.array(z.string().min(1).max(200)).max(50).default([]),
  /** The intervention (engagement start): its month is the first treated month. */
  t0: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'a month YYYY-MM or a date YYYY-MM-DD'),
  interventionLabel: z.string().max(200).optional(),
  from: IsoDate,
  to: IsoDate,
  methods: z.array(z.enum(EVALUATION_METHODS)).min(1, 'choose at least one method'),
  profile: z.enum(['screening', 'full']).default('screening'),
  seed: z.string().max(100).default('entente'),
});
export type EvaluationRunRequest = z.infer<typeof EvaluationRunRequest>;

const num = z.number().nullable();
export const EstimateWire = z.object({
  method: z.string(),
  variant: z.string().optional(),
  estimand: z.string(),
  estimate: num,
  ci95: z.tuple([num, num]),
  ciMethod: z.string(),
  pValue: num.optional(),
  design: z.object({ level: z.number().int(), label: z.string(), reasons: z.array(z.string()) }),
  warnings: z.array(
    z.object({ code: z.string(), severity: z.enum(['info', 'warn', 'block']), message: z.string() }),
  ),
  diagnostics: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
  excluded: z.record(z.string(), z.number()),
  inputsHash: z.string(),
  engineVersion: z.string(),
  seed: z.string(),
});
export type EstimateWire = z.infer<typeof EstimateWire>;

/** The data-quality panel that comes with every analysis (EVALUATION.md §4.1), over visible rows only. */
export const EvaluationDataQuality = z.object({
  dataset: z.object({
    code: z.string(),
    title: z.string(),
    version: z.number().int(),
    accessedOn: z.string().nullable(),
    licence: z.string(),
    attribution: z.string(),
  }),
  /** The visible import batches of the dataset, newest first (a `committed_with_rejections` one is flagged). */
  batches: z.array(
    z.object({
      id: z.string(),
      fileName: z.string(),
      status: z.string(),
      datasetVersion: z.number().int().nullable(),
      read: z.number().int(),
      accepted: z.number().int(),
      rejected: z.number().int(),
      warned: z.number().int(),
      finishedAt: z.string().nullable(),
    }),
  ),
  /** Panel events per area by date class (`fine`, `month`, `coarse`) and by location level (0–5). */
  precision: z.array(
    z.object({
      areaKey: z.string(),
      total: z.number().int(),
      dateClass: z.record(z.string(), z.number().int()),
      locLevel: z.record(z.string(), z.number().int()),
    }),
  ),
  excluded: z.record(z.string(), z.number()),
  /** Source switches inside the window (dates), and what the dataset says about them. */
  sourceSwitches: z.array(z.object({ date: z.string(), text: z.string() })),
  /** The dataset's visible coverage and the months of the window outside it (missing, not zero). */
  coverage: z.object({
    from: z.string().nullable(),
    to: z.string().nullable(),
    monthsOutside: z.number().int(),
  }),
  flags: z.array(z.object({ code: z.string(), count: z.number().int() })),
  unmappedTypes: z.array(z.object({ label: z.string(), count: z.number().int() })),
  unmappedAdmin1: z.array(z.object({ name: z.string(), count: z.number().int() })),
  exposureModelled: z.boolean(),
});
export type EvaluationDataQuality = z.infer<typeof EvaluationDataQuality>;

export const EvaluationRunResult = z.object({
  inputsHash: z.string(),
  engineVersion: z.string(),
  profile: z.enum(['screening', 'full']),
  months: z.array(z.string()),
  areas: z.array(z.object({ key: z.string(), name: z.string(), role: z.string(), total: z.number().int() })),
  estimates: z.array(EstimateWire),
  supporting: z.array(EstimateWire),
  /** Observed, fitted and counterfactual series, event-study points, SCM gaps (numbers or null). */
  series: z.record(z.string(), z.unknown()),
  dataset: z.object({
    code: z.string(),
    version: z.number().int(),
    licence: z.string(),
    attribution: z.string(),
  }),
  excluded: z.record(z.string(), z.number()),
  note: z.string(),
  /** Absent in results stored before the panel existed. */
  quality: EvaluationDataQuality.optional(),
});
export type EvaluationRunResult = z.infer<typeof EvaluationRunResult>;

/* ---- Stored evaluations (issue 3): a run kept for an engagement, initiative or objective. ---- */

export const EVALUATION_SUBJECT_KINDS = ['engagement', 'initiative', 'objective'] as const;
export const EvaluationSubjectKind = z.enum(EVALUATION_SUBJECT_KINDS);
export type EvaluationSubjectKind = z.infer<typeof EvaluationSubjectKind>;
export const EVALUATION_STATUSES = ['current', 'stale', 'failed'] as const;

/** What the panel of a stored run was built from (EVALUATION.md §1.6 step 6, §8 item 7). */
export const EvaluationDataVersions = z.object({
  dataset: z.object({
    code: z.string(),
    version: z.number().int(),
    contentSha256: z.string().nullable(),
    sourceVersion: z.string().nullable(),
    accessedOn: z.string().nullable(),
  }),
  /** The committed batches of the dataset the subject could see when it ran. */
  batches: z.array(
    z.object({
      id: z.string(),
      status: z.string(),
      datasetVersion: z.number().int().nullable(),
      fileSha256: z.string(),
      finishedAt: z.string().nullable(),
    }),
  ),
  areas: z.array(z.object({ key: z.string(), version: z.number().int() })),
});
export type EvaluationDataVersions = z.infer<typeof EvaluationDataVersions>;

export const EvaluationSaveRequest = z.object({
  subjectKind: EvaluationSubjectKind,
  subjectId: z.string().min(1).max(64),
  title: z.string().trim().min(1).max(200).optional(),
  /** Raise the label above the default (the subject record's, joined with the data counted). */
  labelId: z.uuid().optional(),
  request: EvaluationRunRequest,
});
export type EvaluationSaveRequest = z.infer<typeof EvaluationSaveRequest>;

const storedCommon = {
  id: z.string(),
  subjectKind: EvaluationSubjectKind,
  subjectId: z.string(),
  title: z.string(),
  status: z.enum(EVALUATION_STATUSES),
  statusReason: z.string().nullable(),
  inputsHash: z.string(),
  engineVersion: z.string(),
  profile: z.string(),
  labelId: z.string(),
  /** The portion mark of the evaluation's label. */
  portion: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  lastRunAt: z.string(),
  version: z.number().int(),
};

/** One stored evaluation in a list: the headline estimate (the best-graded unblocked one) without the series. */
export const StoredEvaluationListItem = z.object({
  ...storedCommon,
  subjectCode: z.string(),
  subjectTitle: z.string(),
  headline: z
    .object({
      method: z.string(),
      estimate: z.number().nullable(),
      ci95: z.tuple([z.number().nullable(), z.number().nullable()]),
      designLevel: z.number().int(),
      designLabel: z.string(),
    })
    .nullable(),
  datasetVersion: z.number().int(),
});
export type StoredEvaluationListItem = z.infer<typeof StoredEvaluationListItem>;

export const StoredEvaluation = z.object({
  ...storedCommon,
  subjectCode: z.string(),
  subjectTitle: z.string(),
  request: EvaluationRunRequest,
  result: EvaluationRunResult,
  dataVersions: EvaluationDataVersions,
});
export type StoredEvaluation = z.infer<typeof StoredEvaluation>;

/**
 * The evaluations of one record (`subjectKind` + `subjectId`), or every evaluation the user may see
 * (optionally of one kind of record), filtered by status and words, most recently run first.
 */
export const StoredEvaluationListQuery = z.object({
  subjectKind: EvaluationSubjectKind.optional(),
  subjectId: z.string().min(1).max(64).optional(),
  status: z.enum(EVALUATION_STATUSES).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type StoredEvaluationListQuery = z.infer<typeof StoredEvaluationListQuery>;

export const EvaluationRerunRequest = z.object({ version: z.number().int().positive() });
export type EvaluationRerunRequest = z.infer<typeof EvaluationRerunRequest>;

export const StoredEvaluationList = page(StoredEvaluationListItem);
export type StoredEvaluationList = z.infer<typeof StoredEvaluationList>;
