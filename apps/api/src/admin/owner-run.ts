/**
 * Administration writes that the application role has no privilege for. `entente_app` may only
 * SELECT/INSERT `organisation` and only SELECT `community` (migration 0001), so editing an
 * organisation and creating a community run on the owner connection — in ONE transaction with
 * their audit event, after the same role checks as every other admin use case. These two tables
 * are unlabelled reference data (no RLS). Once a migration grants `UPDATE ON organisation` and
 * `INSERT ON community` to entente_app, switch the two routes back to `respond()` and delete this.
 */
import { appendAudit, inScope } from '@entente/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext, UseCaseCtx } from '../context';
import { requireSubject } from '../http/run';

export async function respondAsOwner<T>(
  app: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  fn: (uc: UseCaseCtx) => Promise<T>,
  status = 200,
  after?: () => Promise<void>,
) {
  const subject = requireSubject(req);
  const scope = await app.access.scopeOf(subject);
  const labels = new Set<string>();
  const data = await inScope(app.owner.db, scope, (tx) =>
    fn({
      tx,
      subject,
      scope,
      access: app.access,
      app,
      audit: (e) =>
        appendAudit(tx, {
          ...e,
          actorKind: 'user',
          actorId: subject.id,
          actorOrgId: subject.orgId,
          requestId: String(req.id),
          sessionId: req.sessionRef ?? null,
        }),
      mark: (id) => {
        labels.add(id);
        return app.access.portion(id);
      },
    }),
  );
  if (after) await after();
  return reply.status(status).send({ data, meta: { pageLabel: app.access.pageLabel(labels) } });
}
