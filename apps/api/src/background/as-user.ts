/**
 * A use-case context for work done on a user's behalf outside a request (background re-runs):
 * the subject is built the way the session hook builds it, the scope the way a request gets it,
 * and audit events are written as the system acting for that user.
 */
import type { Subject } from '@entente/core';
import { appendAudit, inScope, users } from '@entente/db';
import type { AppContext, UseCaseCtx } from '../context';

/** The user's subject, or null when the user no longer exists or is disabled. */
export async function subjectForUser(app: AppContext, userId: string): Promise<Subject | null> {
  const u = await users.userById(app.db.db, userId);
  if (!u || u.disabled) return null;
  // A background job has no session: the user's enrolled factor stands in for the check it passed.
  return app.access.subjectOf(userId, u.totpSecretEnc ? 'mfa' : 'password');
}

/** Run `fn` in one transaction in the subject's scope. */
export async function runAsUser<T>(
  app: AppContext,
  subject: Subject,
  fn: (uc: UseCaseCtx) => Promise<T>,
): Promise<T> {
  const scope = await app.access.scopeOf(subject);
  return inScope(app.db.db, scope, (tx) =>
    fn({
      tx,
      subject,
      scope,
      access: app.access,
      app,
      audit: (e) =>
        appendAudit(tx, {
          ...e,
          actorKind: 'system',
          actorId: subject.id,
          actorOrgId: subject.orgId,
          requestId: null,
          sessionId: null,
        }),
      auditRead: () => undefined,
      mark: (id) => app.access.portion(id),
    }),
  );
}
