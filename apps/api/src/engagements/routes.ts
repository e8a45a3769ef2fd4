/** Routes of the engagements slice: parse, call one use case, present. */
import {
  CheckResult, Engagement, EngagementCheckInput, EngagementInput, EngagementListItem, EngagementListQuery, EngagementPage, EngagementUpdate, ErrorEnvelope, MapPoint, ROUTES,
  TransitionRequest, envelope,
} from '@entente/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scoped } from '@entente/db';
import type { AppContext } from '../context';
import { respond } from '../http/run';
import { searchEngagements, toFilters } from './search-engagements';
import { getEngagement } from './get-engagement';
import { scheduleEngagement } from './schedule-engagement';
import { updateEngagement } from './update-engagement';
import { transitionEngagement } from './transition-engagement';
import { checkEngagement } from './check-engagement';
import { presentListItem } from './present';
import { engagementRelabelRoutes } from './relabel-routes';

const Id = z.object({ id: z.string() });
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope, 422: ErrorEnvelope };

export const engagementRoutes = (app: AppContext): FastifyPluginAsyncZod => async (f) => {
  const tags = ['engagements'];
  f.get(ROUTES.engagements, { schema: { tags, querystring: EngagementListQuery, response: { 200: envelope(EngagementPage), ...errors } } }, (req, reply) =>
    respond(app, req, reply, (uc) => searchEngagements(uc, req.query)),
  );
  f.get(ROUTES.engagementMap, { schema: { tags, querystring: EngagementListQuery.partial(), response: { 200: envelope(z.array(MapPoint)), ...errors } } }, (req, reply) =>
    respond(app, req, reply, async (uc) => {
      const pts = await scoped.engagementMapPoints(uc.tx, uc.scope, toFilters(req.query));
      // Every point's label counts towards the page banner, like any other listed record.
      const out = pts.map(({ labelId, ...p }) => (uc.mark(labelId), p));
      uc.auditRead({ route: `GET ${ROUTES.engagementMap}`, filters: req.query, count: out.length, ids: out.map((p) => p.id) });
      return out as z.infer<typeof MapPoint>[];
    }),
  );
  const Range = z.object({ from: z.iso.date(), to: z.iso.date() }).merge(EngagementListQuery.pick({ type: true, partner: true }).partial());
  f.get(ROUTES.engagementCalendar, { schema: { tags, querystring: Range, response: { 200: envelope(z.array(EngagementListItem)), ...errors } } }, (req, reply) =>
    respond(app, req, reply, async (uc) => {
      const { rows } = await scoped.searchEngagements(uc.tx, uc.scope, toFilters(req.query), { sort: 'plannedStart', order: 'asc', limit: 1000, offset: 0 });
      uc.auditRead({ route: `GET ${ROUTES.engagementCalendar}`, filters: req.query, count: rows.length, ids: rows.map((e) => e.id) });
      return rows.map((e) => presentListItem(uc, e));
    }),
  );
  f.post(ROUTES.engagementCheck, { schema: { tags, body: EngagementCheckInput, response: { 200: envelope(CheckResult), ...errors } } }, (req, reply) =>
    respond(app, req, reply, async (uc) => ({ warnings: await checkEngagement(uc, req.body) })),
  );
  f.get(ROUTES.engagement, { schema: { tags, params: Id, response: { 200: envelope(Engagement), ...errors } } }, (req, reply) =>
    respond(app, req, reply, (uc) => getEngagement(uc, req.params.id)),
  );
  f.post(ROUTES.engagements, { schema: { tags, body: EngagementInput, response: { 201: envelope(Engagement), ...errors } } }, (req, reply) =>
    respond(app, req, reply, (uc) => scheduleEngagement(uc, req.body), 201),
  );
  f.put(ROUTES.engagement, { schema: { tags, params: Id, body: EngagementUpdate, response: { 200: envelope(Engagement), ...errors } } }, (req, reply) =>
    respond(app, req, reply, (uc) => updateEngagement(uc, req.params.id, req.body.version, req.body.engagement)),
  );
  f.post(ROUTES.engagementTransition, { schema: { tags, params: Id, body: TransitionRequest, response: { 200: envelope(Engagement), ...errors } } }, (req, reply) =>
    respond(app, req, reply, (uc) => transitionEngagement(uc, req.params.id, req.body)),
  );
  engagementRelabelRoutes(app, f);
};
