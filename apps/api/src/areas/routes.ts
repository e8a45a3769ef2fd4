/** Routes of custom analysis areas (EVALUATION.md §2): list, create (with re-assignment), detail, archive. */
import {
  AreaArchived,
  AreaCatalogue,
  AreaDetail,
  AreaKeyParams,
  AreaListQuery,
  CustomAreaCreate,
  CustomAreaCreated,
  ErrorEnvelope,
  ROUTES,
  envelope,
} from '@entente/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context';
import { respond } from '../http/run';
import { archiveArea } from './archive-area';
import { areaDetail } from './area-detail';
import { createAreas } from './create-areas';
import { listAllAreas } from './list-areas';

const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope };

export const areaRoutes =
  (app: AppContext): FastifyPluginAsyncZod =>
  async (f) => {
    const tags = ['areas'];
    f.get(
      ROUTES.incidentAreas,
      { schema: { tags, querystring: AreaListQuery, response: { 200: envelope(AreaCatalogue), ...errors } } },
      (req, reply) => respond(app, req, reply, (uc) => listAllAreas(uc, req.query)),
    );
    f.post(
      ROUTES.incidentAreas,
      {
        // Uploaded GeoJSON can be several MB (coastlines); the geometry is validated by @entente/geo.
        bodyLimit: 20 * 1024 * 1024,
        schema: { tags, body: CustomAreaCreate, response: { 200: envelope(CustomAreaCreated), ...errors } },
      },
      (req, reply) => respond(app, req, reply, (uc) => createAreas(uc, req.body)),
    );
    f.get(
      ROUTES.incidentArea,
      { schema: { tags, params: AreaKeyParams, response: { 200: envelope(AreaDetail), ...errors } } },
      (req, reply) => respond(app, req, reply, (uc) => areaDetail(uc, req.params.key)),
    );
    f.delete(
      ROUTES.incidentArea,
      { schema: { tags, params: AreaKeyParams, response: { 200: envelope(AreaArchived), ...errors } } },
      (req, reply) => respond(app, req, reply, (uc) => archiveArea(uc, req.params.key)),
    );
  };
