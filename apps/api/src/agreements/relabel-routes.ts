/** The relabel routes of agreements: the engagement's generic relabel routes with the agreement adapter. */
import { ROUTES } from '@entente/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context';
import { relabelRoutes } from '../engagements/relabel-routes';
import { agreementTarget } from './relabel-target';

export function agreementRelabelRoutes(app: AppContext, f: Parameters<FastifyPluginAsyncZod>[0]): void {
  relabelRoutes(app, f, agreementTarget, ['agreements'], {
    relabel: ROUTES.agreementRelabel,
    requests: ROUTES.agreementRelabelRequests,
    approve: ROUTES.agreementRelabelApprove,
    reject: ROUTES.agreementRelabelReject,
    withdraw: ROUTES.agreementRelabelWithdraw,
  });
}
