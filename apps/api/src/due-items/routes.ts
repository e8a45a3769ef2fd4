/** Routes of the due-items slice. */
import {
  DueItem,
  DueItemListQuery,
  DueItemSubmit,
  DueItemSummary,
  DueItemTimeliness,
  DueItemTimelinessQuery,
  DueItemWaive,
  ErrorEnvelope,
  ROUTES,
  envelope,
} from '@entente/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context';
import { respond } from '../http/run';
import { dueItemTimeliness, listDueItems, submitDueItemUseCase, waiveDueItemUseCase } from './due-items';
import { dueItemSummary } from './summary';

const Id = z.object({ id: z.string() });
const errors = {
  400: ErrorEnvelope,
  401: ErrorEnvelope,
  403: ErrorEnvelope,
  404: ErrorEnvelope,
  409: ErrorEnvelope,
  422: ErrorEnvelope,
};

export const dueItemRoutes =
  (app: AppContext): FastifyPluginAsyncZod =>
  async (f) => {
    const tags = ['due-items'];
    f.get(
      ROUTES.dueItems,
      {
        schema: {
          tags,
          querystring: DueItemListQuery,
          response: { 200: envelope(z.array(DueItem)), ...errors },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => listDueItems(uc, req.query)),
    );
    f.get(
      ROUTES.dueItemTimeliness,
      {
        schema: {
          tags,
          querystring: DueItemTimelinessQuery,
          response: { 200: envelope(z.array(DueItemTimeliness)), ...errors },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => dueItemTimeliness(uc, req.query.months)),
    );
    f.get(
      ROUTES.dueItemSummary,
      { schema: { tags, response: { 200: envelope(DueItemSummary), ...errors } } },
      (req, reply) => respond(app, req, reply, (uc) => dueItemSummary(uc)),
    );
    f.post(
      ROUTES.dueItemSubmit,
      { schema: { tags, params: Id, body: DueItemSubmit, response: { 200: envelope(DueItem), ...errors } } },
      (req, reply) =>
        respond(app, req, reply, (uc) => submitDueItemUseCase(uc, req.params.id, req.body.version)),
    );
    f.post(
      ROUTES.dueItemWaive,
      { schema: { tags, params: Id, body: DueItemWaive, response: { 200: envelope(DueItem), ...errors } } },
      (req, reply) => respond(app, req, reply, (uc) => waiveDueItemUseCase(uc, req.params.id, req.body)),
    );
  };
