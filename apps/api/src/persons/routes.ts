/** Routes of the people slice: a partner's people, one person, create, update. Contact: access/routes.ts. */
import { ErrorEnvelope, PersonInput, PersonItem, PersonUpdate, ROUTES, envelope } from '@entente/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context';
import { respond } from '../http/run';
import { createPerson } from './create-person';
import { getPerson } from './get-person';
import { listPeople } from './list-people';
import { updatePerson } from './update-person';

export const personRoutes =
  (app: AppContext): FastifyPluginAsyncZod =>
  async (f) => {
    const tags = ['partners'];
    const errs = {
      400: ErrorEnvelope,
      401: ErrorEnvelope,
      403: ErrorEnvelope,
      404: ErrorEnvelope,
      409: ErrorEnvelope,
      422: ErrorEnvelope,
    };
    const Id = z.object({ id: z.string() });
    f.get(
      ROUTES.partnerPeople,
      {
        schema: {
          tags,
          params: z.object({ iso3: z.string() }),
          response: { 200: envelope(z.array(PersonItem)), 401: ErrorEnvelope },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => listPeople(uc, req.params.iso3)),
    );
    f.get(
      ROUTES.person,
      { schema: { tags, params: Id, response: { 200: envelope(PersonItem), ...errs } } },
      (req, reply) => respond(app, req, reply, (uc) => getPerson(uc, req.params.id)),
    );
    f.post(
      ROUTES.people,
      { schema: { tags, body: PersonInput, response: { 201: envelope(PersonItem), ...errs } } },
      (req, reply) => respond(app, req, reply, (uc) => createPerson(uc, req.body), 201),
    );
    f.put(
      ROUTES.person,
      { schema: { tags, params: Id, body: PersonUpdate, response: { 200: envelope(PersonItem), ...errs } } },
      (req, reply) => respond(app, req, reply, (uc) => updatePerson(uc, req.params.id, req.body)),
    );
  };
