/** Run one use case for an authenticated request: scope, transaction, audit, page label. */
import { DomainError } from '@entente/core';
import { appendAudit, inScope } from '@entente/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext, UseCaseCtx } from '../context';
import { invalidateRollups } from './rollup-cache';

/** The authenticated subject or a 401. */
export function requireSubject(req: FastifyRequest) {
  if (!req.subject) throw new DomainError('unauthenticated', 'Log in to continue.');
  return req.subject;
}

/** Run `fn` in the subject's scope and send `{ data, meta: { pageLabel } }`. */
export async function respond<T>(app: AppContext, req: FastifyRequest, reply: FastifyReply, fn: (uc: UseCaseCtx) => Promise<T>, status = 200) {
  const { data, labels } = await runUseCase(app, req, fn);
  return reply.status(status).send({ data, meta: { pageLabel: app.access.pageLabel(labels) } });
}

/** Run `fn` in one transaction with the subject's row-level-security settings. */
export async function runUseCase<T>(app: AppContext, req: FastifyRequest, fn: (uc: UseCaseCtx) => Promise<T>) {
  const subject = requireSubject(req);
  const scope = await app.access.scopeOf(subject);
  const labels = new Set<string>();
  const data = await inScope(app.db.db, scope, (tx) =>
    fn({
      tx,
      subject,
      scope,
      access: app.access,
      app,
      audit: (e) => appendAudit(tx, { ...e, actorKind: 'user', actorId: subject.id, actorOrgId: subject.orgId, requestId: String(req.id), sessionId: req.sessionRef ?? null }),
      mark: (id) => {
        labels.add(id);
        return app.access.portion(id);
      },
    }),
  );
  // A committed write may change what roll-ups count.
  if (req.method !== 'GET') invalidateRollups();
  return { data, labels };
}
