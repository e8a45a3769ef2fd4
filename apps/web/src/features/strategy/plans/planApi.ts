/** The REST calls of cooperation plans (list with approval state, one plan, writes). */
import { PlanApprovalResult, PlanDetail, PlanSummary, ROUTES } from '@entente/contracts';
import type { PlanContentInput, PlanInput, PlanTransition } from '@entente/contracts';
import { api, arrayOf, pathOf } from '../../../lib/api';

const one = (id: string) => pathOf(ROUTES.plan, { id });

export const planApi = {
  plans: (signal?: AbortSignal) => api.get(ROUTES.plans, arrayOf(PlanSummary), undefined, signal),
  plan: (id: string, signal?: AbortSignal) => api.get(one(id), PlanDetail, undefined, signal),
  create: (input: PlanInput) => api.post(ROUTES.plans, PlanDetail, input),
  update: (id: string, expectedVersion: number, plan: PlanContentInput) =>
    api.put(one(id), PlanDetail, { expectedVersion, plan }),
  submit: (id: string, version: number) =>
    api.post(pathOf(ROUTES.planSubmit, { id }), PlanDetail, { version }),
  approve: (id: string, planVersion: number) =>
    api.post(pathOf(ROUTES.planApprovals, { id }), PlanApprovalResult, { planVersion }),
  transition: (id: string, t: PlanTransition) =>
    api.post(pathOf(ROUTES.planTransition, { id }), PlanDetail, t),
};
