/** Calls of the partner page's capability-assessment panel. */
import { CapabilityAssessmentItem, ROUTES } from '@entente/contracts';
import type { CapabilityAssessmentInput, CapabilityTransition } from '@entente/contracts';
import { api, arrayOf, pathOf } from '../../lib/api';
import type { Out, Schema } from '../../lib/api';

type Answer = { assessment: Out<typeof CapabilityAssessmentItem>; superseded: string[] };
/** A transition answers with the assessment and the ids of the assessments it superseded. */
const TransitionAnswer: Schema<Answer> = {
  safeParse(value: unknown) {
    const v = (value ?? {}) as { assessment?: unknown; superseded?: unknown };
    const a = CapabilityAssessmentItem.safeParse(v.assessment);
    if (!a.success) return a;
    const superseded = Array.isArray(v.superseded)
      ? v.superseded.filter((x): x is string => typeof x === 'string')
      : [];
    return { success: true, data: { assessment: a.data, superseded } };
  },
};

export const capabilityApi = {
  list: (iso3: string, signal?: AbortSignal) =>
    api.get(
      pathOf(ROUTES.partnerCapabilityAssessments, { iso3 }),
      arrayOf(CapabilityAssessmentItem),
      undefined,
      signal,
    ),
  create: (input: CapabilityAssessmentInput) =>
    api.post(ROUTES.capabilityAssessments, CapabilityAssessmentItem, input),
  transition: (id: string, body: CapabilityTransition) =>
    api.post(pathOf(ROUTES.capabilityAssessmentTransition, { id }), TransitionAnswer, body),
};
