/** Routes of the incident store: import (multipart, streamed), datasets, batches, list, series, areas. */
import { DomainError } from '@entente/core';
import {
  AnalysisAreaList,
  AreaListQuery,
  ErrorEnvelope,
  ImportBatchPage,
  ImportBatchQuery,
  ImportRejectionList,
  IncidentDatasetList,
  IncidentImportQuery,
  IncidentImportReport,
  IncidentListQuery,
  IncidentPage,
  IncidentSeries,
  IncidentSeriesQuery,
  ROUTES,
  Uuid,
  envelope,
} from '@entente/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context';
import { respond } from '../http/run';
import { importIncidentFile } from './import-incidents';
import { z } from 'zod';
import {
  incidentSeries,
  listAreas,
  listBatchRejections,
  listBatches,
  listDatasets,
  listIncidents,
} from './read-incidents';

/** Incident files are large (the global GED is ~1 GB): the upload streams and is never buffered whole. */
const MAX_IMPORT_BYTES = 4 * 1024 * 1024 * 1024;

const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope };

export const incidentRoutes =
  (app: AppContext): FastifyPluginAsyncZod =>
  async (f) => {
    const tags = ['incidents'];
    f.post(
      ROUTES.incidentImport,
      {
        schema: {
          tags,
          querystring: IncidentImportQuery,
          response: { 200: envelope(IncidentImportReport), ...errors },
        },
      },
      async (req, reply) => {
        const file = await req.file({ limits: { fileSize: MAX_IMPORT_BYTES } });
        if (!file)
          throw new DomainError('validation', 'Attach an incident file in the field "file".', [
            { path: 'file', message: 'missing' },
          ]);
        const length = Number(req.headers['content-length']);
        // A client that goes away cancels the import: the parser stops and the transaction rolls back.
        const abort = new AbortController();
        const onClose = () => {
          if (!reply.raw.writableFinished) abort.abort(new Error('client closed the connection'));
        };
        reply.raw.once('close', onClose);
        return respond(app, req, reply, async (uc) => {
          const report = await importIncidentFile(
            uc,
            file.file,
            { fileName: file.filename, bytesTotal: Number.isFinite(length) ? length : null },
            req.query,
            undefined,
            abort.signal,
          );
          reply.raw.off('close', onClose);
          if (file.file.truncated)
            throw new DomainError('validation', 'The file is larger than the import limit.', [
              { path: 'file', message: 'too large' },
            ]);
          return report;
        });
      },
    );
    f.get(
      ROUTES.incidentDatasets,
      { schema: { tags, response: { 200: envelope(IncidentDatasetList), ...errors } } },
      (req, reply) => respond(app, req, reply, (uc) => listDatasets(uc)),
    );
    f.get(
      ROUTES.incidentBatches,
      {
        schema: {
          tags,
          querystring: ImportBatchQuery,
          response: { 200: envelope(ImportBatchPage), ...errors },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => listBatches(uc, req.query)),
    );
    f.get(
      ROUTES.incidentBatchRejections,
      {
        schema: {
          tags,
          params: z.object({ id: Uuid }),
          response: { 200: envelope(ImportRejectionList), ...errors },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => listBatchRejections(uc, req.params.id)),
    );
    f.get(
      ROUTES.incidents,
      {
        schema: {
          tags,
          querystring: IncidentListQuery,
          response: { 200: envelope(IncidentPage), ...errors },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => listIncidents(uc, req.query)),
    );
    f.get(
      ROUTES.incidentSeries,
      {
        schema: {
          tags,
          querystring: IncidentSeriesQuery,
          response: { 200: envelope(IncidentSeries), ...errors },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => incidentSeries(uc, req.query)),
    );
    f.get(
      ROUTES.areas,
      {
        schema: {
          tags,
          querystring: AreaListQuery,
          response: { 200: envelope(AnalysisAreaList), ...errors },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => listAreas(uc, req.query)),
    );
  };
