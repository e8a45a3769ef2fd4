/**
 * Relabelling (ACCESS.md §3 step 7, §7): a new label that dominates the current one is written at
 * once; a downgrade (a label that does not dominate the current one) is filed as a pending request
 * by a releasing officer of the originator organisation and applied only when a DIFFERENT releasing
 * officer of that organisation approves it. Every step is decided by core's decide() and audited in
 * the same transaction as the write.
 */
import {
  DomainError,
  canonicalLabel,
  decide,
  forbidden,
  invalid,
  joinAll,
  labelId as labelIdOf,
  notFound,
  validateLabel,
  type Decision,
  type DecisionResource,
  type Label,
  type Subject,
} from '@entente/core';
import type {
  LabelInput,
  RelabelInput,
  RelabelOutcome,
  RelabelRequestList,
  RelabelRequestView,
} from '@entente/contracts';
import { saveLabel, scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { ENVIRONMENT_CEILING } from '../access/service';
import { requireRecentMfa } from '../http/step-up';
import { presentRelabelRequest } from './relabel-present';
import type { RelabelRecord, RelabelTarget } from './relabel-target';

/** The person who filed a downgrade tried to approve it: the two-person rule needs someone else. */
export class SelfApprovalError extends DomainError {
  constructor() {
    super(
      'guard_failed',
      'You filed this downgrade, so you cannot approve it: a second releasing officer must.',
      [{ path: 'approver', message: 'two_person: the approver must not be the requester' }],
    );
    this.name = 'SelfApprovalError';
  }
}

/**
 * A refused relabel decision that must be audited even though the use case's transaction rolls back
 * (ACCESS.md §7: every decide on a single record, permit and deny). The route appends it in its own
 * transaction after the rollback (see relabel-routes.ts).
 */
export interface Denial {
  action: string;
  entity: string;
  entityId: string;
  entityVersion: number;
  labelId: string;
  reason: string;
  details?: unknown;
}
export const DENIAL: unique symbol = Symbol('relabel denial');

/** Attach the denial to the error the client receives. */
function denied<E extends DomainError>(err: E, d: Denial): E {
  return Object.assign(err, { [DENIAL]: d });
}

/** The denial an error carries, if any. */
export function denialOf(err: unknown): Denial | undefined {
  return typeof err === 'object' && err !== null ? (err as { [DENIAL]?: Denial })[DENIAL] : undefined;
}

/** A record's current label cannot be resolved: it does not exist for anyone (ACCESS.md §1.1). */
const missing = (t: RelabelTarget) => notFound(t.noun);

/** Canonicalise and validate the label chosen in the form (400 with field paths). */
function toLabel(uc: UseCaseCtx, input: LabelInput): { label: Label; id: string } {
  const l: Label = canonicalLabel({
    policy: 'HUB',
    level: input.level,
    restrictive: input.restrictive,
    releasableTo: input.releasableTo,
    handling: input.handling,
  });
  const problems = validateLabel(l, uc.access.registry());
  if (problems.length)
    throw invalid(
      problems.map((p) => ({
        path: 'label',
        message: `${p.code.replace(/_/g, ' ')}${p.value ? `: ${p.value}` : ''}`,
      })),
      'The classification label is not valid.',
    );
  if (!l.releasableTo.includes(uc.subject.nationality) && !l.releasableTo.includes('XHN'))
    throw invalid(
      [{ path: 'label.releasableTo', message: 'include your own nation' }],
      'The label must release the record to the originator.',
    );
  return { label: l, id: labelIdOf(l) };
}

/** The decision resource of a record for `relabel`: originator, current label and community bounds. */
function resourceOf(uc: UseCaseCtx, t: RelabelTarget, r: RelabelRecord, current: Label): DecisionResource {
  return {
    kind: t.kind,
    communityId: r.communityId,
    ownerOrgId: r.ownerOrgId,
    originatorOrgId: r.ownerOrgId,
    partyOrgIds: r.partyOrgIds,
    currentLabel: current,
    ...uc.access.communityBounds(r.communityId),
  };
}

/** decide(relabel) with an optional second approver (the access service's wrapper has no slot for one). */
function decideRelabel(
  uc: UseCaseCtx,
  s: Subject,
  next: Label,
  resource: DecisionResource,
  secondApproverId?: string,
): Decision {
  return decide(s, 'relabel', next, {
    now: new Date().toISOString(),
    registry: uc.access.registry(),
    environmentCeiling: ENVIRONMENT_CEILING,
    resource,
    ...(secondApproverId !== undefined ? { secondApproverId } : {}),
  });
}

/** The label an audit entry about both labels carries: their join, stored if new; the old label if they do not join. */
async function eventLabel(
  uc: UseCaseCtx,
  fromId: string,
  from: Label,
  toId: string,
  to: Label,
): Promise<string> {
  try {
    const j = canonicalLabel(joinAll([from, to], uc.access.registry()));
    const id = labelIdOf(j);
    if (id === fromId || id === toId) return id;
    await saveLabel(uc.tx, { id, ...j });
    uc.access.remember(id, j);
    return id;
  } catch {
    return fromId;
  }
}

/** The user-facing refusal for a denied relabel; the reason itself goes only to the audit log. */
function refusal(reason: Decision['reason'], t: RelabelTarget): DomainError {
  if (reason === 'role') return forbidden(`Your role cannot change the classification of this ${t.noun}.`);
  if (reason === 'originator_consent')
    return forbidden(
      `Only a releasing officer of the organisation that originated this ${t.noun} can lower its classification.`,
    );
  if (reason === 'write_down')
    return new DomainError('forbidden', 'That label is outside what this community may hold.', [
      { path: 'label', message: "outside the community's floor and ceiling" },
    ]);
  return new DomainError('forbidden', 'You cannot give this record that label.', [
    { path: 'label', message: 'not allowed for you' },
  ]);
}

/** Load the record and its current label, or 404 (hidden, missing and unlabelled look the same). */
async function load(
  uc: UseCaseCtx,
  t: RelabelTarget,
  id: string,
): Promise<{ rec: RelabelRecord; current: Label }> {
  const rec = await t.find(uc, id);
  const current = rec ? uc.access.label(rec.labelId) : undefined;
  if (!rec || !current) throw missing(t);
  return { rec, current };
}

/** POST …/:id/relabel: apply a non-lowering change now, or file a downgrade for a second releasing officer. */
export async function relabelRecord(
  uc: UseCaseCtx,
  t: RelabelTarget,
  id: string,
  input: RelabelInput,
): Promise<RelabelOutcome> {
  const { rec, current } = await load(uc, t, id);
  const deny = (reason: Decision['reason']) =>
    denied(refusal(reason, t), {
      action: `${t.kind}.relabel`,
      entity: t.kind,
      entityId: id,
      entityVersion: rec.version,
      labelId: rec.labelId,
      reason,
    });
  if (!uc.access.can(uc.subject, 'relabel', t.kind)) throw deny('role');
  if (rec.version !== input.version)
    throw new DomainError(
      'stale_version',
      `Someone else changed this ${t.noun} (now version ${rec.version}, you read version ${input.version}). Reload to see their changes.`,
    );
  const next = toLabel(uc, input.label);
  if (next.id === rec.labelId)
    throw invalid(
      [{ path: 'label', message: 'this is already the label' }],
      `The ${t.noun} already has this label.`,
    );
  // One change of classification at a time: a pending downgrade is decided or withdrawn first
  // (otherwise its "from" label would no longer be the record's).
  const open = (await scoped.relabelRequestsFor(uc.tx, uc.scope, t.kind, id)).some(
    (r) => r.status === 'pending',
  );
  if (open)
    throw new DomainError(
      'conflict',
      `A downgrade of this ${t.noun} is waiting for approval. Withdraw or decide it first.`,
      [{ path: 'label', message: 'a downgrade is already pending' }],
    );
  const resource = resourceOf(uc, t, rec, current);
  const d = decideRelabel(uc, uc.subject, next.label, resource);
  const reason = input.reason.trim();

  if (d.effect === 'permit') {
    await saveLabel(uc.tx, { id: next.id, ...next.label });
    uc.access.remember(next.id, next.label);
    await scoped.allowLabelsForRelabel(uc.tx, uc.scope, [next.id]);
    const after = await t.writeLabel(uc, id, input.version, next.id);
    if (!after)
      throw new DomainError(
        'stale_version',
        `Someone else changed this ${t.noun}. Reload to see their changes.`,
      );
    await uc.audit({
      action: `${t.kind}.relabelled`,
      entity: t.kind,
      entityId: id,
      entityVersion: after.version,
      labelId: await eventLabel(uc, rec.labelId, current, next.id, next.label),
      decision: 'permit',
      reason,
      before: { labelId: rec.labelId, portion: uc.access.portion(rec.labelId) },
      after: { labelId: next.id, portion: uc.access.portion(next.id) },
      details: { approvers: [uc.subject.id] },
    });
    return { outcome: 'relabelled', version: after.version, portion: uc.mark(next.id), request: null };
  }

  if (d.reason !== 'two_person') throw deny(d.reason);
  // A downgrade by an eligible releasing officer of the originator: file it for a second one, after
  // a fresh second factor (ACCESS.md §8 step-up).
  requireRecentMfa(uc);
  await saveLabel(uc.tx, { id: next.id, ...next.label });
  uc.access.remember(next.id, next.label);
  // The request carries the record's current label; decide() has just confirmed the requester may act on it.
  await scoped.allowLabelsForRelabel(uc.tx, uc.scope, [rec.labelId]);
  const row = await scoped.insertRelabelRequest(uc.tx, {
    entity: t.kind,
    entityId: id,
    fromLabelId: rec.labelId,
    toLabelId: next.id,
    reason,
    requestedBy: uc.subject.id,
    labelId: rec.labelId,
    communityId: rec.communityId,
    partyOrgIds: rec.partyOrgIds,
    tlp: null,
    tlpOrgIds: [],
    tlpUserIds: [],
    ownerOrgId: rec.ownerOrgId,
  });
  if (!row)
    throw new DomainError(
      'conflict',
      `A downgrade of this ${t.noun} is already waiting for approval. Withdraw or decide it first.`,
      [{ path: 'label', message: 'a downgrade is already pending' }],
    );
  await uc.audit({
    action: `${t.kind}.downgrade_requested`,
    entity: t.kind,
    entityId: id,
    entityVersion: rec.version,
    labelId: rec.labelId,
    decision: 'permit',
    reason,
    before: { labelId: rec.labelId, portion: uc.access.portion(rec.labelId) },
    after: { labelId: next.id, portion: uc.access.portion(next.id) },
    details: { requestId: row.id, requestedBy: uc.subject.id, pendingReason: 'two_person' },
  });
  return {
    outcome: 'pending',
    version: rec.version,
    portion: uc.mark(rec.labelId),
    request: await presentRelabelRequest(uc, row, rec),
  };
}

/** GET …/:id/relabel-requests: the visible requests about a visible record (404 when the record is hidden). */
export async function listRelabelRequests(
  uc: UseCaseCtx,
  t: RelabelTarget,
  id: string,
): Promise<RelabelRequestList> {
  const { rec } = await load(uc, t, id);
  const rows = await scoped.relabelRequestsFor(uc.tx, uc.scope, t.kind, id);
  const items: RelabelRequestView[] = [];
  for (const r of rows) items.push(await presentRelabelRequest(uc, r, rec));
  uc.auditRead({
    route: `GET /${t.kind}s/:id/relabel-requests`,
    filters: { id },
    count: items.length,
    ids: items.map((i) => i.id),
  });
  return { items, canRelabel: uc.access.can(uc.subject, 'relabel', t.kind) };
}

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
  await scoped.allowLabelsForRelabel(uc.tx, uc.scope, [req.toLabelId, req.labelId]);
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
  await scoped.allowLabelsForRelabel(uc.tx, uc.scope, [req.labelId]);
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
