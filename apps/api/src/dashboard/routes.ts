/** Route of the dashboard slice. */
import { Dashboard, DashboardQuery, ErrorEnvelope, ROUTES, envelope } from '@entente/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context';
import { respond } from '../http/run';
import { getDashboard } from './get-dashboard';

export const dashboardRoutes = (app: AppContext): FastifyPluginAsyncZod => async (f) => {
  f.get(ROUTES.dashboard, { schema: { tags: ['dashboard'], querystring: DashboardQuery, response: { 200: envelope(Dashboard), 401: ErrorEnvelope } } }, (req, reply) =>
    respond(app, req, reply, (uc) => getDashboard(uc, req.query)),
  );
};
