/** Routes of co-owned cooperation plans: list, one, create, edit, submit, approve, transitions. */
import {
  ErrorEnvelope,
  PlanApprovalResult,
  PlanApprove,
  PlanDetail,
  PlanInput,
  PlanSubmit,
  PlanSummary,
  PlanTransition,
  PlanUpdate,
  ROUTES,
  envelope,
} from '@entente/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { respond } from '../../http/run';
import { approvePlan } from './approve-plan';
import { createPlan } from './create-plan';
import { getPlan } from './get-plan';
import { listPlanSummaries } from './list-plans';
import { submitPlan } from './submit-plan';
import { transitionPlan } from './transition-plan';
import { updatePlan } from './update-plan';

export const planRoutes =
  (app: AppContext): FastifyPluginAsyncZod =>
  async (f) => {
    const tags = ['strategy'];
    const Id = z.object({ id: z.string() });
    const errs = {
      400: ErrorEnvelope,
      401: ErrorEnvelope,
      403: ErrorEnvelope,
      404: ErrorEnvelope,
      409: ErrorEnvelope,
      422: ErrorEnvelope,
    };
    const one = { 200: envelope(PlanDetail), ...errs };
    f.get(
      ROUTES.plans,
      {
        schema: {
          tags,
          querystring: z.object({ partner: z.string().optional() }),
          response: { 200: envelope(z.array(PlanSummary)), 401: ErrorEnvelope },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => listPlanSummaries(uc, req.query.partner)),
    );
    f.post(
      ROUTES.plans,
      { schema: { tags, body: PlanInput, response: { 201: envelope(PlanDetail), ...errs } } },
      (req, reply) => respond(app, req, reply, (uc) => createPlan(uc, req.body), 201),
    );
    f.get(ROUTES.plan, { schema: { tags, params: Id, response: one } }, (req, reply) =>
      respond(app, req, reply, (uc) => getPlan(uc, req.params.id)),
    );
    f.put(ROUTES.plan, { schema: { tags, params: Id, body: PlanUpdate, response: one } }, (req, reply) =>
      respond(app, req, reply, (uc) => updatePlan(uc, req.params.id, req.body)),
    );
    f.post(
      ROUTES.planSubmit,
      { schema: { tags, params: Id, body: PlanSubmit, response: one } },
      (req, reply) => respond(app, req, reply, (uc) => submitPlan(uc, req.params.id, req.body.version)),
    );
    f.post(
      ROUTES.planTransition,
      { schema: { tags, params: Id, body: PlanTransition, response: one } },
      (req, reply) => respond(app, req, reply, (uc) => transitionPlan(uc, req.params.id, req.body)),
    );
    f.post(
      ROUTES.planApprovals,
      {
        schema: {
          tags,
          params: Id,
          body: PlanApprove,
          response: { 200: envelope(PlanApprovalResult), ...errs },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => approvePlan(uc, req.params.id, req.body.planVersion)),
    );
  };
