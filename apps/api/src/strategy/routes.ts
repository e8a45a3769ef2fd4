/** Routes of the strategy slice. */
import {
  ErrorEnvelope,
  InitiativeItem,
  ObjectiveInput,
  ObjectiveItem,
  ObjectivePage,
  ObjectiveTransition,
  ObjectiveUpdate,
  ROUTES,
  envelope,
} from '@entente/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context';
import { respond } from '../http/run';
import { listInitiatives, listObjectives } from './read-strategy';
import { createObjective } from './create-objective';
import { transitionObjective } from './transition-objective';
import { getObjectivePage } from './get-objective';
import { updateObjective } from './update-objective';

export const strategyRoutes =
  (app: AppContext): FastifyPluginAsyncZod =>
  async (f) => {
    const tags = ['strategy'];
    const P = z.object({ partner: z.string().optional() });
    f.get(
      ROUTES.objectives,
      { schema: { tags, response: { 200: envelope(z.array(ObjectiveItem)), 401: ErrorEnvelope } } },
      (req, reply) => respond(app, req, reply, listObjectives),
    );
    const errs = {
      400: ErrorEnvelope,
      401: ErrorEnvelope,
      403: ErrorEnvelope,
      404: ErrorEnvelope,
      409: ErrorEnvelope,
      422: ErrorEnvelope,
    };
    f.post(
      ROUTES.objectives,
      { schema: { tags, body: ObjectiveInput, response: { 201: envelope(ObjectiveItem), ...errs } } },
      (req, reply) => respond(app, req, reply, (uc) => createObjective(uc, req.body), 201),
    );
    const Id = z.object({ id: z.string() });
    f.get(
      ROUTES.objective,
      {
        schema: {
          tags,
          params: Id,
          response: { 200: envelope(ObjectivePage), 401: ErrorEnvelope, 404: ErrorEnvelope },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => getObjectivePage(uc, req.params.id)),
    );
    f.put(
      ROUTES.objective,
      {
        schema: {
          tags,
          params: Id,
          body: ObjectiveUpdate,
          response: { 200: envelope(ObjectivePage), ...errs },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => updateObjective(uc, req.params.id, req.body)),
    );
    f.post(
      ROUTES.objectiveTransition,
      {
        schema: {
          tags,
          params: z.object({ id: z.string() }),
          body: ObjectiveTransition,
          response: {
            200: envelope(z.object({ objective: ObjectiveItem, realign: z.array(z.string()) })),
            ...errs,
          },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => transitionObjective(uc, req.params.id, req.body)),
    );
    // GET /strategy/plans (with approval state) and the plan writes live in ./plans/plan-routes.ts.
    f.get(
      ROUTES.initiatives,
      {
        schema: {
          tags,
          querystring: P,
          response: { 200: envelope(z.array(InitiativeItem)), 401: ErrorEnvelope },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => listInitiatives(uc, req.query.partner)),
    );
    // GET /strategy/initiatives/:id (with its approval checklist) and the initiative writes live in ./initiatives/initiative-routes.ts.
  };
