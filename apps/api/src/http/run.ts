/** Run one use case for an authenticated request: scope, transaction, audit, page label. */
import { DomainError, type Subject } from '@entente/core';
import {
  appendAudit,
  hashFilters,
  inScope,
  saveLabel,
  stageRead,
  type AccessScope,
  type Tx,
} from '@entente/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext, ReadAudit, UseCaseCtx } from '../context';
import { invalidateRollups } from './rollup-cache';

/** The authenticated subject or a 401. */
export function requireSubject(req: FastifyRequest) {
  if (!req.subject) throw new DomainError('unauthenticated', 'Log in to continue.');
  return req.subject;
}

/** Run `fn` in the subject's scope and send `{ data, meta: { pageLabel } }`. */
export async function respond<T>(
  app: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  fn: (uc: UseCaseCtx) => Promise<T>,
  status = 200,
) {
  const { data, labels } = await runUseCase(app, req, fn);
  return reply.status(status).send({ data, meta: { pageLabel: app.access.pageLabel(labels) } });
}

/** Run `fn` in one transaction with the subject's row-level-security settings. */
export async function runUseCase<T>(
  app: AppContext,
  req: FastifyRequest,
  fn: (uc: UseCaseCtx) => Promise<T>,
) {
  const subject = requireSubject(req);
  const scope = await app.access.scopeOf(subject);
  const labels = new Set<string>();
  const reads: ReadAudit[] = [];
  const data = await inScope(app.db.db, scope, async (tx) => {
    const out = await fn({
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
      auditRead: (r) => void reads.push(r),
      mark: (id) => {
        labels.add(id);
        return app.access.portion(id);
      },
    });
    // List reads are staged here, in the read's own transaction, without the audit head lock (ADR 0005).
    if (reads.length) {
      const labelId = await readEventLabel(app, tx, labels);
      const withIds = [...labels].some((id) => carriesAuditRead(app, subject, scope, id));
      for (const r of reads)
        await stageRead(tx, {
          actorId: subject.id,
          actorOrgId: subject.orgId,
          sessionId: req.sessionRef ?? null,
          requestId: String(req.id),
          route: r.route,
          filtersHash: hashFilters(r.filters),
          count: r.count,
          ids: withIds && r.ids ? [...r.ids] : null,
          labelId,
        });
    }
    return out;
  });
  // A committed write may change what roll-ups count.
  if (req.method !== 'GET') invalidateRollups();
  return { data, labels };
}

// Per scope (one per subject, day and label set): a roll-up marks ~1,500 labels, each a decide() per request.
const auditReadMemo = new WeakMap<AccessScope, Map<string, boolean>>();

/** Does reading a record under this label carry the `audit_read` obligation? Unsure (a deny) counts as yes. */
function carriesAuditRead(app: AppContext, subject: Subject, scope: AccessScope, labelId: string): boolean {
  let memo = auditReadMemo.get(scope);
  if (!memo) auditReadMemo.set(scope, (memo = new Map()));
  let v = memo.get(labelId);
  if (v === undefined) memo.set(labelId, (v = decideAuditRead(app, subject, scope, labelId)));
  return v;
}

function decideAuditRead(app: AppContext, subject: Subject, scope: AccessScope, labelId: string): boolean {
  const d = app.access.decide(subject, 'read', labelId, {
    kind: 'engagement',
    communityId: scope.communityIds[0] ?? '',
    ownerOrgId: subject.orgId,
    originatorOrgId: subject.orgId,
    partyOrgIds: [subject.orgId],
  });
  return d.effect !== 'permit' || d.obligations.includes('audit_read');
}

/** The label of a list-read event: the join of the labels returned (the home label when none), stored if new. */
async function readEventLabel(app: AppContext, tx: Tx, ids: Set<string>): Promise<string> {
  const j = app.access.joinOf(ids);
  if (!j) return app.homeLabelId;
  // Labels of different policies have no join: the highest-ranked one stands for them.
  if (j.joined && !app.access.label(j.id)) {
    await saveLabel(tx, { id: j.id, ...j.label });
    app.access.remember(j.id, j.label);
  }
  return j.id;
}
