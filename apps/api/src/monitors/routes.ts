/** Routes of watch areas (early-warning monitors) and their alerts. */
import {
  AlertAcknowledge,
  AlertItem,
  AlertPage,
  AlertQuery,
  ErrorEnvelope,
  MonitorCreate,
  MonitorDetail,
  MonitorItem,
  MonitorList,
  MonitorUpdate,
  OpenAlertCount,
  ROUTES,
  Uuid,
  envelope,
} from '@entente/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context';
import { respond } from '../http/run';
import { acknowledgeAlert } from './acknowledge-alert';
import { createMonitor } from './create-monitor';
import { editMonitor } from './edit-monitor';
import { listAlerts } from './list-alerts';
import { monitorQueue } from './monitor-queue';
import { getMonitorDetail, listMonitors, openAlertCount } from './read-monitors';

const errors = {
  400: ErrorEnvelope,
  401: ErrorEnvelope,
  403: ErrorEnvelope,
  404: ErrorEnvelope,
  409: ErrorEnvelope,
};
const ById = z.object({ id: Uuid });

export const monitorRoutes =
  (app: AppContext): FastifyPluginAsyncZod =>
  async (f) => {
    const tags = ['monitors'];
    // Background evaluations finish before the app closes (their transactions need the pool).
    f.addHook('onClose', () => monitorQueue(app).idle());
    f.get(
      ROUTES.monitors,
      { schema: { tags, response: { 200: envelope(MonitorList), ...errors } } },
      (req, reply) => respond(app, req, reply, (uc) => listMonitors(uc)),
    );
    f.post(
      ROUTES.monitors,
      { schema: { tags, body: MonitorCreate, response: { 201: envelope(MonitorItem), ...errors } } },
      (req, reply) => respond(app, req, reply, (uc) => createMonitor(uc, req.body), 201),
    );
    f.get(
      ROUTES.monitor,
      { schema: { tags, params: ById, response: { 200: envelope(MonitorDetail), ...errors } } },
      (req, reply) => respond(app, req, reply, (uc) => getMonitorDetail(uc, req.params.id)),
    );
    f.put(
      ROUTES.monitor,
      {
        schema: {
          tags,
          params: ById,
          body: MonitorUpdate,
          response: { 200: envelope(MonitorItem), ...errors },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => editMonitor(uc, req.params.id, req.body)),
    );
    f.post(
      ROUTES.monitorDisable,
      {
        schema: {
          tags,
          params: ById,
          body: z.object({ version: z.number().int().min(1) }),
          response: { 200: envelope(MonitorItem), ...errors },
        },
      },
      (req, reply) =>
        respond(app, req, reply, (uc) =>
          editMonitor(uc, req.params.id, { version: req.body.version, enabled: false }),
        ),
    );
    f.get(
      ROUTES.monitorAlerts,
      { schema: { tags, querystring: AlertQuery, response: { 200: envelope(AlertPage), ...errors } } },
      (req, reply) => respond(app, req, reply, (uc) => listAlerts(uc, req.query)),
    );
    f.get(
      ROUTES.monitorAlertCount,
      { schema: { tags, response: { 200: envelope(OpenAlertCount), ...errors } } },
      (req, reply) => respond(app, req, reply, (uc) => openAlertCount(uc)),
    );
    f.post(
      ROUTES.monitorAlertAcknowledge,
      {
        schema: {
          tags,
          params: ById,
          body: AlertAcknowledge,
          response: { 200: envelope(AlertItem), ...errors },
        },
      },
      (req, reply) => respond(app, req, reply, (uc) => acknowledgeAlert(uc, req.params.id, req.body)),
    );
  };
