/** Routes of the evaluation engine and of stored evaluations. */
import {
  ErrorEnvelope,
  EvaluationRerunRequest,
  EvaluationRunRequest,
  EvaluationRunResult,
  EvaluationSaveRequest,
  ROUTES,
  StoredEvaluation,
  StoredEvaluationList,
  StoredEvaluationListQuery,
  envelope,
} from '@entente/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context';
import { respond, runUseCase } from '../http/run';
import { exportEvaluationJson } from './export-evaluation';
import { loadReportInput, renderStoredReport } from './export-evaluation-pdf';
import { getEvaluation } from './get-evaluation';
import { listEvaluations } from './list-evaluations';
import { requestRerun, rerunStored } from './rerun-evaluation';
import { runEvaluation } from './run-evaluation';
import { saveEvaluation } from './save-evaluation';

const errors = {
  400: ErrorEnvelope,
  401: ErrorEnvelope,
  403: ErrorEnvelope,
  404: ErrorEnvelope,
  409: ErrorEnvelope,
};
const Id = z.object({ id: z.string() });

export const evaluationRoutes =
  (app: AppContext): FastifyPluginAsyncZod =>
  async (f) => {
    const tags = ['evaluation'];
    // A POST because the request is a document (areas, methods), not because it writes: nothing is stored.
    f.post(
      ROUTES.evaluationRun,
      {
        schema: {
          tags,
          body: EvaluationRunRequest,
          response: { 200: envelope(EvaluationRunResult), ...errors },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => runEvaluation(uc, req.body)),
    );
    f.post(
      ROUTES.evaluations,
      {
        schema: {
          tags,
          body: EvaluationSaveRequest,
          response: { 201: envelope(StoredEvaluation), ...errors },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => saveEvaluation(uc, req.body), 201),
    );
    f.get(
      ROUTES.evaluations,
      {
        schema: {
          tags,
          querystring: StoredEvaluationListQuery,
          response: { 200: envelope(StoredEvaluationList), ...errors },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => listEvaluations(uc, req.query)),
    );
    f.get(
      ROUTES.evaluation,
      { schema: { tags, params: Id, response: { 200: envelope(StoredEvaluation), ...errors } } },
      (req, reply) => respond(app, req, reply, (uc) => getEvaluation(uc, req.params.id)),
    );
    f.post(
      ROUTES.evaluationRerun,
      {
        schema: {
          tags,
          params: Id,
          body: EvaluationRerunRequest,
          response: { 200: envelope(StoredEvaluation), ...errors },
        },
      },
      async (req, reply) => {
        const { id } = req.params;
        await runUseCase(app, req, (uc) => requestRerun(uc, id, req.body.version));
        // The re-run is the creator's, in its own transaction; then the caller reads the outcome.
        await rerunStored(app, id, { expectedVersion: req.body.version });
        return respond(app, req, reply, (uc) => getEvaluation(uc, id));
      },
    );
    f.get(ROUTES.evaluationJson, { schema: { tags, params: Id } }, async (req, reply) => {
      const { data } = await runUseCase(app, req, (uc) => exportEvaluationJson(uc, req.params.id));
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${data.fileName}"`)
        .send(data.body);
    });
    f.get(ROUTES.evaluationPdf, { schema: { tags, params: Id } }, async (req, reply) => {
      const { data } = await runUseCase(app, req, (uc) => loadReportInput(uc, req.params.id));
      const pdf = await renderStoredReport(data);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${pdf.fileName}"`)
        .send(pdf.body);
    });
  };
