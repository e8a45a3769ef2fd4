/**
 * Relabelling (ACCESS.md §3 step 7, §7): a new label that dominates the current one is written at
 * once; a downgrade (a label that does not dominate the current one) is filed as a pending request
 * by a releasing officer of the originator organisation and applied only when a DIFFERENT releasing
 * officer of that organisation approves it. Every step is decided by core's decide() and audited in
 * the same transaction as the write.
 */
import { DomainError, invalid, type Decision } from '@entente/core';
import type {
  RelabelInput,
  RelabelOutcome,
  RelabelRequestList,
  RelabelRequestView,
} from '@entente/contracts';
import { saveLabel, scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { requireRecentMfa } from '../http/step-up';
import { presentRelabelRequest } from './relabel-present';
import { decideRelabel, denied, eventLabel, load, refusal, resourceOf, toLabel } from './relabel-rules';
import type { RelabelTarget } from './relabel-target';

export { denialOf, SelfApprovalError } from './relabel-rules';
export { approveRelabelRequest, rejectRelabelRequest, withdrawRelabelRequest } from './relabel-decisions';

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
    await scoped.allowLabelsInTx(uc.tx, uc.scope, [next.id]);
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
  await scoped.allowLabelsInTx(uc.tx, uc.scope, [rec.labelId]);
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
