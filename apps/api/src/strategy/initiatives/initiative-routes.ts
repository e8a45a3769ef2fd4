/** Routes of initiatives: one initiative with its checklist, propose, edit, lifecycle. */
import {
  ErrorEnvelope,
  InitiativeDetail,
  InitiativeInput,
  InitiativeTransition,
  InitiativeUpdate,
  ROUTES,
  envelope,
} from '@entente/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { respond } from '../../http/run';
import { createInitiative } from './create-initiative';
import { getInitiativeDetail } from './get-initiative';
import { transitionInitiative } from './transition-initiative';
import { updateInitiative } from './update-initiative';

export const initiativeRoutes =
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
    f.get(
      ROUTES.initiative,
      {
        schema: {
          tags,
          params: Id,
          response: { 200: envelope(InitiativeDetail), 401: ErrorEnvelope, 404: ErrorEnvelope },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => getInitiativeDetail(uc, req.params.id)),
    );
    f.post(
      ROUTES.initiatives,
      { schema: { tags, body: InitiativeInput, response: { 201: envelope(InitiativeDetail), ...errs } } },
      (req, reply) => respond(app, req, reply, (uc) => createInitiative(uc, req.body), 201),
    );
    f.put(
      ROUTES.initiative,
      {
        schema: {
          tags,
          params: Id,
          body: InitiativeUpdate,
          response: { 200: envelope(InitiativeDetail), ...errs },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => updateInitiative(uc, req.params.id, req.body)),
    );
    f.post(
      ROUTES.initiativeTransition,
      {
        schema: {
          tags,
          params: Id,
          body: InitiativeTransition,
          response: { 200: envelope(InitiativeDetail), ...errs },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => transitionInitiative(uc, req.params.id, req.body)),
    );
  };
