/** Routes of the partners slice. */
import {
  ErrorEnvelope,
  PartnerListQuery,
  PartnerOverview,
  PartnerStatusRequest,
  PartnerStatusResult,
  PartnerSummary,
  ROUTES,
  envelope,
} from '@entente/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context';
import { respond } from '../http/run';
import { getPartner, listPartners } from './read-partners';
import { setPartnerStatus } from './set-partner-status';

const Iso3 = z.object({ iso3: z.string() });
const errors = {
  400: ErrorEnvelope,
  401: ErrorEnvelope,
  403: ErrorEnvelope,
  404: ErrorEnvelope,
  409: ErrorEnvelope,
  422: ErrorEnvelope,
};

export const partnerRoutes =
  (app: AppContext): FastifyPluginAsyncZod =>
  async (f) => {
    const tags = ['partners'];
    f.get(
      ROUTES.partners,
      {
        schema: {
          tags,
          querystring: PartnerListQuery,
          response: { 200: envelope(z.array(PartnerSummary)), 401: ErrorEnvelope },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => listPartners(uc, req.query)),
    );
    f.get(
      ROUTES.partner,
      {
        schema: {
          tags,
          params: Iso3,
          response: { 200: envelope(PartnerOverview), 401: ErrorEnvelope, 404: ErrorEnvelope },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => getPartner(uc, req.params.iso3)),
    );
    f.post(
      ROUTES.partnerStatus,
      {
        schema: {
          tags,
          params: Iso3,
          body: PartnerStatusRequest,
          response: { 200: envelope(PartnerStatusResult), ...errors },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => setPartnerStatus(uc, req.params.iso3, req.body)),
    );
  };
