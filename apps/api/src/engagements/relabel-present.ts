/** Wire view of a downgrade request: both markings, who filed and decided it, and what the current user may do. */
import type { RelabelRequestView } from '@entente/contracts';
import { users, type scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import type { RelabelRecord } from './relabel-target';

async function person(uc: UseCaseCtx, id: string | null): Promise<{ id: string; name: string } | null> {
  if (!id) return null;
  const u = await users.userById(uc.tx, id);
  return { id, name: u?.displayName ?? 'unknown user' };
}

export async function presentRelabelRequest(
  uc: UseCaseCtx,
  r: scoped.RelabelRequestRow,
  rec: RelabelRecord,
): Promise<RelabelRequestView> {
  const to = uc.access.label(r.toLabelId);
  const s = uc.subject;
  const pending = r.status === 'pending';
  const officerOfOriginator = s.roles.includes('releasing_officer') && s.orgId === rec.ownerOrgId;
  return {
    id: r.id,
    status: r.status as RelabelRequestView['status'],
    fromPortion: uc.access.portion(r.fromLabelId),
    toPortion: uc.access.portion(r.toLabelId),
    toLabel: {
      level: to?.level ?? '',
      restrictive: to?.restrictive ?? [],
      releasableTo: to?.releasableTo ?? [],
      handling: to?.handling ?? [],
    },
    reason: r.reason,
    requestedBy: (await person(uc, r.requestedBy)) ?? { id: r.requestedBy, name: 'unknown user' },
    requestedAt: r.requestedAt,
    decidedBy: await person(uc, r.decidedBy),
    decidedAt: r.decidedAt,
    decisionNote: r.decisionNote,
    portion: uc.mark(r.labelId),
    canDecide: pending && officerOfOriginator && r.requestedBy !== s.id,
    canWithdraw: pending && r.requestedBy === s.id,
  };
}
