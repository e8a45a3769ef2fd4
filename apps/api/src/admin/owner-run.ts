/**
 * Administration writes that the application role has no privilege for. `entente_app` may only
 * SELECT/INSERT `organisation` and only SELECT `community` (migration 0001), so editing an
 * organisation and creating a community run on the owner connection — through the same
 * `runUseCase` (one transaction, the subject's settings, its audit event inside it), after the same
 * role checks as every other admin use case. Both tables are unlabelled reference data (no RLS).
 * Once a migration grants `UPDATE ON organisation` and `INSERT ON community` to entente_app, switch
 * the two routes back to `respond()` and delete this file.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext, UseCaseCtx } from '../context';
import { runUseCase } from '../http/run';

/** `respond()` on the owner connection; `afterCommit` runs once the transaction has committed, before the reply. */
export async function respondAsOwner<T>(
  app: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  fn: (uc: UseCaseCtx) => Promise<T>,
  status = 200,
  afterCommit?: () => Promise<void>,
) {
  const { data, labels } = await runUseCase({ ...app, db: app.owner }, req, fn);
  if (afterCommit) await afterCommit();
  return reply.status(status).send({ data, meta: { pageLabel: app.access.pageLabel(labels) } });
}
