/** Routes of the capability-assessment slice: list by partner, create, transitions. */
import {
  CapabilityAssessmentInput,
  CapabilityAssessmentItem,
  CapabilityTransition,
  ErrorEnvelope,
  ROUTES,
  envelope,
} from '@entente/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context';
import { respond } from '../http/run';
import { createAssessment } from './create-assessment';
import { listAssessments } from './list-assessments';
import { transitionAssessment } from './transition-assessment';

export const capabilityRoutes =
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
    f.get(
      ROUTES.partnerCapabilityAssessments,
      {
        schema: {
          tags,
          params: z.object({ iso3: z.string() }),
          response: { 200: envelope(z.array(CapabilityAssessmentItem)), 401: ErrorEnvelope },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => listAssessments(uc, req.params.iso3)),
    );
    f.post(
      ROUTES.capabilityAssessments,
      {
        schema: {
          tags,
          body: CapabilityAssessmentInput,
          response: { 201: envelope(CapabilityAssessmentItem), ...errs },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => createAssessment(uc, req.body), 201),
    );
    f.post(
      ROUTES.capabilityAssessmentTransition,
      {
        schema: {
          tags,
          params: z.object({ id: z.string() }),
          body: CapabilityTransition,
          response: {
            200: envelope(
              z.object({ assessment: CapabilityAssessmentItem, superseded: z.array(z.string()) }),
            ),
            ...errs,
          },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => transitionAssessment(uc, req.params.id, req.body)),
    );
  };
