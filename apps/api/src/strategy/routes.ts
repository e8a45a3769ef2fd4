/** Routes of the strategy slice. */
import { ErrorEnvelope, Initiative, InitiativeItem, ObjectiveItem, PlanItem, ROUTES, envelope } from '@entente/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context';
import { respond } from '../http/run';
import { getInitiative, listInitiatives, listObjectives, listPlans } from './read-strategy';

export const strategyRoutes = (app: AppContext): FastifyPluginAsyncZod => async (f) => {
  const tags = ['strategy'];
  const P = z.object({ partner: z.string().optional() });
  f.get(ROUTES.objectives, { schema: { tags, response: { 200: envelope(z.array(ObjectiveItem)), 401: ErrorEnvelope } } }, (req, reply) => respond(app, req, reply, listObjectives));
  f.get(ROUTES.plans, { schema: { tags, querystring: P, response: { 200: envelope(z.array(PlanItem)), 401: ErrorEnvelope } } }, (req, reply) =>
    respond(app, req, reply, (uc) => listPlans(uc, req.query.partner)),
  );
  f.get(ROUTES.initiatives, { schema: { tags, querystring: P, response: { 200: envelope(z.array(InitiativeItem)), 401: ErrorEnvelope } } }, (req, reply) =>
    respond(app, req, reply, (uc) => listInitiatives(uc, req.query.partner)),
  );
  f.get(ROUTES.initiative, { schema: { tags, params: z.object({ id: z.string() }), response: { 200: envelope(Initiative), 401: ErrorEnvelope, 404: ErrorEnvelope } } }, (req, reply) =>
    respond(app, req, reply, (uc) => getInitiative(uc, req.params.id)),
  );
};
