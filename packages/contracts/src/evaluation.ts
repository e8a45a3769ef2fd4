/**
 * Running an evaluation (EVALUATION.md §4) over the area-month panel: one source, a treated area,
 * comparison areas and an intervention date. The result carries one §4 `Estimate` per method and
 * the series the charts need; numbers a blocked estimate cannot give are null.
 */
import { z } from 'zod';
import { IsoDate } from './common';
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
});
export type EvaluationRunResult = z.infer<typeof EvaluationRunResult>;
