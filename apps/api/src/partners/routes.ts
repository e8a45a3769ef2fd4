/** Routes of the partners slice. */
import { ErrorEnvelope, PartnerListQuery, PartnerOverview, PartnerSummary, ROUTES, envelope } from '@entente/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context';
import { respond } from '../http/run';
import { getPartner, listPartners } from './read-partners';

export const partnerRoutes = (app: AppContext): FastifyPluginAsyncZod => async (f) => {
  const tags = ['partners'];
  f.get(ROUTES.partners, { schema: { tags, querystring: PartnerListQuery, response: { 200: envelope(z.array(PartnerSummary)), 401: ErrorEnvelope } } }, (req, reply) =>
    respond(app, req, reply, (uc) => listPartners(uc, req.query)),
  );
  f.get(ROUTES.partner, { schema: { tags, params: z.object({ iso3: z.string() }), response: { 200: envelope(PartnerOverview), 401: ErrorEnvelope, 404: ErrorEnvelope } } }, (req, reply) =>
    respond(app, req, reply, (uc) => getPartner(uc, req.params.iso3)),
  );
};
