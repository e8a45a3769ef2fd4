/** Routes for changing an engagement's classification and deciding downgrade requests (two-person rule). */
import {
  ErrorEnvelope,
  ROUTES,
  RelabelDecisionInput,
  RelabelInput,
  RelabelOutcome,
  RelabelRequestList,
  RelabelRequestView,
  envelope,
} from '@entente/contracts';
import { appendAudit } from '@entente/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext, UseCaseCtx } from '../context';
import { respond } from '../http/run';
import { engagementTarget, type RelabelTarget } from './relabel-target';
import {
  approveRelabelRequest,
  denialOf,
  listRelabelRequests,
  rejectRelabelRequest,
  relabelRecord,
  withdrawRelabelRequest,
} from './relabel-use-cases';

type Instance = Parameters<FastifyPluginAsyncZod>[0];

const Id = z.object({ id: z.string() });
const RequestId = z.object({ id: z.string(), requestId: z.string() });
const errors = {
  400: ErrorEnvelope,
  401: ErrorEnvelope,
  403: ErrorEnvelope,
  404: ErrorEnvelope,
  409: ErrorEnvelope,
  422: ErrorEnvelope,
};

/**
 * Run a relabel use case; when it is refused by a decision, append the deny event in its own
 * transaction (the use case's transaction has rolled back), then send the error as usual.
 */
async function run<T>(
  app: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  fn: (uc: UseCaseCtx) => Promise<T>,
) {
  try {
    return await respond(app, req, reply, fn);
  } catch (err) {
    const d = denialOf(err);
    if (d)
      await app.db.db.transaction((tx) =>
        appendAudit(tx, {
          ...d,
          details: d.details ?? null,
          decision: 'deny',
          actorKind: 'user',
          actorId: req.subject?.id ?? null,
          actorOrgId: req.subject?.orgId ?? null,
          requestId: String(req.id),
          sessionId: req.sessionRef ?? null,
        }),
      );
    throw err;
  }
}

/** The five relabel paths of one kind of record (contract routes with `:id` and `:requestId`). */
export interface RelabelPaths {
  relabel: string;
  requests: string;
  approve: string;
  reject: string;
  withdraw: string;
}

/** Register the relabel routes of engagements on the engagements plugin. */
export function engagementRelabelRoutes(app: AppContext, f: Instance): void {
  relabelRoutes(app, f, engagementTarget, ['engagements'], {
    relabel: ROUTES.engagementRelabel,
    requests: ROUTES.engagementRelabelRequests,
    approve: ROUTES.engagementRelabelApprove,
    reject: ROUTES.engagementRelabelReject,
    withdraw: ROUTES.engagementRelabelWithdraw,
  });
}

/** Register relabel routes for any kind of record that has a RelabelTarget (e.g. agreements). */
export function relabelRoutes(
  app: AppContext,
  f: Instance,
  t: RelabelTarget,
  tags: string[],
  paths: RelabelPaths,
): void {
  f.post(
    paths.relabel,
    {
      schema: {
        tags,
        params: Id,
        body: RelabelInput,
        response: { 200: envelope(RelabelOutcome), ...errors },
      },
    },
    (req, reply) => run(app, req, reply, (uc) => relabelRecord(uc, t, req.params.id, req.body)),
  );
  f.get(
    paths.requests,
    { schema: { tags, params: Id, response: { 200: envelope(RelabelRequestList), ...errors } } },
    (req, reply) => run(app, req, reply, (uc) => listRelabelRequests(uc, t, req.params.id)),
  );
  f.post(
    paths.approve,
    {
      schema: {
        tags,
        params: RequestId,
        body: RelabelDecisionInput,
        response: { 200: envelope(RelabelOutcome), ...errors },
      },
    },
    (req, reply) =>
      run(app, req, reply, (uc) =>
        approveRelabelRequest(uc, t, req.params.id, req.params.requestId, req.body.note),
      ),
  );
  f.post(
    paths.reject,
    {
      schema: {
        tags,
        params: RequestId,
        body: RelabelDecisionInput,
        response: { 200: envelope(RelabelRequestView), ...errors },
      },
    },
    (req, reply) =>
      run(app, req, reply, (uc) =>
        rejectRelabelRequest(uc, t, req.params.id, req.params.requestId, req.body.note),
      ),
  );
  f.post(
    paths.withdraw,
    {
      schema: {
        tags,
        params: RequestId,
        body: RelabelDecisionInput,
        response: { 200: envelope(RelabelRequestView), ...errors },
      },
    },
    (req, reply) =>
      run(app, req, reply, (uc) =>
        withdrawRelabelRequest(uc, t, req.params.id, req.params.requestId, req.body.note),
      ),
  );
}
