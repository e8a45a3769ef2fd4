/** Administration reads: users and the audit viewer (home administrators only; partners get 404). */
import { forbidden, notFound } from '@entente/core';
import { reference, scoped, users } from '@entente/db';
import type { UseCaseCtx } from '../context';

/** Partner sessions cannot reach administration: the route does not exist for them. */
export function assertHomeRole(uc: UseCaseCtx, roles: string[]) {
  if (uc.subject.partner || !uc.subject.roles.some((r) => roles.includes(r))) throw notFound('page');
}

/**
 * Clearances, community memberships and communities are granted by the ministry's security officer
 * (ACCESS.md §5). Other administrators see the pages (404 for everyone else) but get 403 on writes.
 */
export function assertSecurityOfficer(uc: UseCaseCtx) {
  assertHomeRole(uc, ['admin', 'security_officer']);
  if (!uc.subject.roles.includes('security_officer'))
    throw forbidden('Only a security officer can grant clearances, communities and memberships.');
}

export async function listUsers(uc: UseCaseCtx) {
  assertHomeRole(uc, ['admin', 'security_officer']);
  const rows = await users.listUsers(uc.tx);
  const orgs = await reference.organisationsByIds(
    uc.tx,
    rows.map((u) => u.orgId),
  );
  const out = [];
  for (const u of rows) {
    const cl = (u.clearances as Record<string, { level: string; compartments: string[] }>).HUB;
    const comms = await users.userCommunities(uc.tx, u.id);
    out.push({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      orgCode: orgs.get(u.orgId)?.code ?? '',
      nationality: u.nationality,
      partner: u.partner,
      roles: u.roles,
      clearance: cl?.level ?? 'none',
      compartments: cl?.compartments ?? [],
      communities: comms.map((c) => c.code),
      lockedUntil: u.lockedUntil,
      mfa: !!u.totpSecretEnc,
    });
  }
  return out;
}

export async function listAudit(
  uc: UseCaseCtx,
  q: { action?: string | undefined; entity?: string | undefined; page: number; pageSize: number },
) {
  assertHomeRole(uc, ['auditor', 'security_officer', 'admin']);
  const { rows, total } = await scoped.listAuditEvents(uc.tx, uc.scope, {
    action: q.action,
    entity: q.entity,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  uc.auditRead({
    route: 'GET /admin/audit',
    filters: q,
    count: rows.length,
    ids: rows.map((r) => String(r.seq)),
  });
  return {
    items: rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      decision: r.decision,
      portion: uc.mark(r.labelId),
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
    hasMore: q.page * q.pageSize < total,
  };
}
