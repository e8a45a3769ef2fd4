/** Routes of the evaluation engine. */
import {
  ErrorEnvelope,
  EvaluationRunRequest,
  EvaluationRunResult,
  ROUTES,
  envelope,
} from '@entente/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context';
import { respond } from '../http/run';
import { runEvaluation } from './run-evaluation';

const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope };

export const evaluationRoutes =
  (app: AppContext): FastifyPluginAsyncZod =>
  async (f) => {
    // A POST because the request is a document (areas, methods), not because it writes: nothing is stored yet.
    f.post(
      ROUTES.evaluationRun,
      {
        schema: {
          tags: ['evaluation'],
          body: EvaluationRunRequest,
          response: { 200: envelope(EvaluationRunResult), ...errors },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => runEvaluation(uc, req.body)),
    );
  };
