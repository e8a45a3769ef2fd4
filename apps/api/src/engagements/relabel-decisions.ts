/**
 * Deciding a pending downgrade (ACCESS.md §3 step 7, §7): a DIFFERENT releasing officer of the
 * originator approves or rejects it; the requester may withdraw it. Each step is audited in the
 * same transaction as its write; refusals carry a denial the route audits after the rollback.
 */
import { DomainError, forbidden, notFound, type Decision } from '@entente/core';
import type { RelabelOutcome, RelabelRequestView } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { requireRecentMfa } from '../http/step-up';
import { presentRelabelRequest } from './relabel-present';
import {
  SelfApprovalError,
  decideRelabel,
  denied,
  eventLabel,
  load,
  refusal,
  resourceOf,
} from './relabel-rules';
import type { RelabelRecord, RelabelTarget } from './relabel-target';

/** Load a pending request of a visible record (404 when either is hidden or missing; 409 when already decided). */
async function loadPending(uc: UseCaseCtx, t: RelabelTarget, id: string, requestId: string) {
  const { rec, current } = await load(uc, t, id);
  const req = await scoped.findRelabelRequest(uc.tx, uc.scope, t.kind, requestId);
  if (!req || req.entityId !== id) throw notFound('downgrade request');
  if (req.status !== 'pending')
    throw new DomainError('invalid_transition', `This downgrade request was already ${req.status}.`);
  const next = uc.access.label(req.toLabelId);
  if (!next) throw notFound('downgrade request');
  return { rec, current, req, next };
}

/** POST …/relabel-requests/:requestId/approve: a different releasing officer of the originator applies the downgrade. */
export async function approveRelabelRequest(
  uc: UseCaseCtx,
  t: RelabelTarget,
  id: string,
  requestId: string,
  note?: string,
): Promise<RelabelOutcome> {
  const { rec, current, req, next } = await loadPending(uc, t, id, requestId);
  const deny = <E extends DomainError>(err: E, reason: string) =>
    denied(err, {
      action: `${t.kind}.downgrade_approve`,
      entity: t.kind,
      entityId: id,
      entityVersion: rec.version,
      labelId: rec.labelId,
      reason,
      details: { requestId },
    });
  if (req.requestedBy === uc.subject.id) throw deny(new SelfApprovalError(), 'two_person');
  requireRecentMfa(uc);
  if (rec.labelId !== req.fromLabelId)
    throw new DomainError(
      'conflict',
      `The classification of this ${t.noun} changed after the request was filed. Reject it and file a new one.`,
    );
  const resource = resourceOf(uc, t, rec, current);
  // The approver must be eligible in their own right (originator organisation, releasing officer,
  // cleared for both labels), with the requester as the other person ...
  const mine = decideRelabel(uc, uc.subject, next, resource, req.requestedBy);
  if (mine.effect !== 'permit') throw deny(refusal(mine.reason, t), mine.reason);
  // ... and decide(relabel) for the requester with the approver as the second approver must still
  // permit (role, organisation and clearance as of now). The requester acted under MFA step-up.
  const requester = await uc.access.subjectOf(req.requestedBy, 'mfa');
  const theirs: Decision = requester
    ? decideRelabel(uc, requester, next, resource, uc.subject.id)
    : { effect: 'deny', reason: 'originator_consent', obligations: [] };
  if (theirs.effect !== 'permit')
    throw deny(
      forbidden(
        'The officer who filed this downgrade may no longer make it. Reject it; they or a colleague can file it again.',
      ),
      `requester_${theirs.reason}`,
    );
  await scoped.allowLabelsInTx(uc.tx, uc.scope, [req.toLabelId, req.labelId]);
  const after = await t.writeLabel(uc, id, rec.version, req.toLabelId);
  if (!after)
    throw new DomainError('stale_version', `Someone else changed this ${t.noun}. Reload and try again.`);
  const closed = await scoped.decideRelabelRequest(uc.tx, uc.scope, requestId, {
    status: 'approved',
    by: uc.subject.id,
    note: note?.trim() || null,
  });
  if (!closed) throw new DomainError('invalid_transition', 'This downgrade request was already decided.');
  await uc.audit({
    action: `${t.kind}.downgraded`,
    entity: t.kind,
    entityId: id,
    entityVersion: after.version,
    labelId: await eventLabel(uc, rec.labelId, current, req.toLabelId, next),
    decision: 'permit',
    reason: req.reason,
    before: { labelId: rec.labelId, portion: uc.access.portion(rec.labelId) },
    after: { labelId: req.toLabelId, portion: uc.access.portion(req.toLabelId) },
    details: {
      requestId,
      requestedBy: req.requestedBy,
      approvedBy: uc.subject.id,
      approvers: [req.requestedBy, uc.subject.id],
      note: note?.trim() || null,
    },
  });
  return {
    outcome: 'relabelled',
    version: after.version,
    portion: uc.mark(req.toLabelId),
    request: await presentRelabelRequest(uc, closed, after),
  };
}

/** POST …/relabel-requests/:requestId/reject: a different releasing officer of the originator turns it down. */
export async function rejectRelabelRequest(
  uc: UseCaseCtx,
  t: RelabelTarget,
  id: string,
  requestId: string,
  note?: string,
): Promise<RelabelRequestView> {
  const { rec, current, req, next } = await loadPending(uc, t, id, requestId);
  if (req.requestedBy === uc.subject.id)
    throw new DomainError('guard_failed', 'You filed this downgrade: withdraw it instead of rejecting it.', [
      { path: 'approver', message: 'the requester withdraws, a second officer rejects' },
    ]);
  const d = decideRelabel(uc, uc.subject, next, resourceOf(uc, t, rec, current), req.requestedBy);
  if (d.effect !== 'permit')
    throw denied(refusal(d.reason, t), {
      action: `${t.kind}.downgrade_reject`,
      entity: t.kind,
      entityId: id,
      entityVersion: rec.version,
      labelId: rec.labelId,
      reason: d.reason,
      details: { requestId },
    });
  return close(uc, t, rec, req, 'rejected', note);
}

/** POST …/relabel-requests/:requestId/withdraw: the requester takes it back. */
export async function withdrawRelabelRequest(
  uc: UseCaseCtx,
  t: RelabelTarget,
  id: string,
  requestId: string,
  note?: string,
): Promise<RelabelRequestView> {
  const { rec, req } = await loadPending(uc, t, id, requestId);
  if (req.requestedBy !== uc.subject.id)
    throw forbidden('Only the officer who filed this downgrade can withdraw it.');
  return close(uc, t, rec, req, 'withdrawn', note);
}

async function close(
  uc: UseCaseCtx,
  t: RelabelTarget,
  rec: RelabelRecord,
  req: scoped.RelabelRequestRow,
  status: 'rejected' | 'withdrawn',
  note: string | undefined,
): Promise<RelabelRequestView> {
  await scoped.allowLabelsInTx(uc.tx, uc.scope, [req.labelId]);
  const closed = await scoped.decideRelabelRequest(uc.tx, uc.scope, req.id, {
    status,
    by: uc.subject.id,
    note: note?.trim() || null,
  });
  if (!closed) throw new DomainError('invalid_transition', 'This downgrade request was already decided.');
  await uc.audit({
    action: `${t.kind}.downgrade_${status}`,
    entity: t.kind,
    entityId: rec.id,
    entityVersion: rec.version,
    labelId: req.labelId,
    decision: 'permit',
    reason: note?.trim() || null,
    details: {
      requestId: req.id,
      requestedBy: req.requestedBy,
      decidedBy: uc.subject.id,
      fromLabelId: req.fromLabelId,
      toLabelId: req.toLabelId,
    },
  });
  return presentRelabelRequest(uc, closed, rec);
}
