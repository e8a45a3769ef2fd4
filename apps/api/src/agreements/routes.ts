/** Routes of the agreements slice. */
import {
  AgreementInput,
  AgreementItem,
  AgreementListQuery,
  AgreementTransitionRequest,
  ErrorEnvelope,
  ROUTES,
  envelope,
} from '@entente/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context';
import { respond } from '../http/run';
import { listAgreements } from './list-agreements';
import { createAgreement } from './create-agreement';
import { transitionAgreement } from './transition-agreement';
import { agreementRelabelRoutes } from './relabel-routes';

const Id = z.object({ id: z.string() });
const errors = {
  400: ErrorEnvelope,
  401: ErrorEnvelope,
  403: ErrorEnvelope,
  404: ErrorEnvelope,
  409: ErrorEnvelope,
  422: ErrorEnvelope,
};

export const agreementRoutes =
  (app: AppContext): FastifyPluginAsyncZod =>
  async (f) => {
    const tags = ['agreements'];
    f.get(
      ROUTES.agreements,
      {
        schema: {
          tags,
          querystring: AgreementListQuery,
          response: { 200: envelope(z.array(AgreementItem)), 401: ErrorEnvelope },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => listAgreements(uc, req.query)),
    );
    f.post(
      ROUTES.agreements,
      {
        schema: {
          tags,
          body: AgreementInput,
          response: { 201: envelope(AgreementItem), 400: ErrorEnvelope, 403: ErrorEnvelope },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => createAgreement(uc, req.body), 201),
    );
    f.post(
      ROUTES.agreementTransition,
      {
        schema: {
          tags,
          params: Id,
          body: AgreementTransitionRequest,
          response: { 200: envelope(AgreementItem), ...errors },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => transitionAgreement(uc, req.params.id, req.body)),
    );
    agreementRelabelRoutes(app, f);
  };
