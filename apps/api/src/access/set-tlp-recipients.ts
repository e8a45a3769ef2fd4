/**
 * Set the TLP recipients of an engagement or agreement (ACCESS.md §2: record metadata, not part of the
 * label), by the owner organisation. Unknown organisations or users are a 400 with the field path; recipients that would shut the
 * editor out are refused (decide() on the new recipients, the one decision point); optimistic concurrency;
 * audited in the same transaction. The trigger of migration 0017 derives what the SQL filter and RLS test.
 */
import { DomainError, forbidden, invalid, notFound, type FieldProblem } from '@entente/core';
import type { TlpRecipientsInput, TlpRecipientsView } from '@entente/contracts';
import { reference, scoped, users } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { readTlpRecipients } from './read-tlp-recipients';

export async function setTlpRecipients(
  uc: UseCaseCtx,
  kind: scoped.TlpRecordKind,
  id: string,
  input: TlpRecipientsInput,
): Promise<TlpRecipientsView> {
  const rec = await scoped.findTlpRecord(uc.tx, uc.scope, kind, id, true);
  if (!rec) throw notFound(kind);
  if (!uc.access.can(uc.subject, 'update', kind)) throw forbidden(`Your role cannot change ${kind}s.`);
  if (rec.version !== input.version)
    throw new DomainError(
      'stale_version',
      `Someone else changed this ${kind} (now version ${rec.version}, you edited version ${input.version}). Reload to see their changes.`,
    );
  const problems: FieldProblem[] = [];
  const orgs = await reference.organisationsByIds(uc.tx, [...input.orgIds, ...input.clientOrgIds]);
  input.orgIds.forEach(
    (o, i) => orgs.has(o) || problems.push({ path: `orgIds.${i}`, message: 'unknown organisation' }),
  );
  input.clientOrgIds.forEach(
    (o, i) => orgs.has(o) || problems.push({ path: `clientOrgIds.${i}`, message: 'unknown organisation' }),
  );
  const userIds: string[] = [];
  for (const [i, name] of input.usernames.entries()) {
    const u = await users.userByUsername(uc.tx, name);
    if (u) userIds.push(u.id);
    else problems.push({ path: `usernames.${i}`, message: 'unknown user' });
  }
  if (problems.length) throw invalid(problems);
  const next = {
    orgIds: [...new Set(input.orgIds)],
    clientOrgIds: [...new Set(input.clientOrgIds)],
    userIds: [...new Set(userIds)],
  };
  const resource = {
    kind,
    communityId: rec.communityId,
    ownerOrgId: rec.ownerOrgId,
    originatorOrgId: rec.ownerOrgId,
    partyOrgIds: rec.partyOrgIds,
  };
  // Recipients are set by the source (TLP 2.0): a user of the record's owner organisation who may write at its
  // label. Not decide(update): community ceilings carry no TLP, so a TLP label never passes the write rules
  // (step 7), and the label does not change here.
  if (rec.ownerOrgId !== uc.subject.orgId || !uc.scope.writeLabelIds.includes(rec.labelId))
    throw forbidden(`Only the ${kind}'s owner organisation can set its TLP recipients.`);
  if (
    uc.access.decide(uc.subject, 'read', rec.labelId, { ...resource, tlpRecipients: next }).effect !==
    'permit'
  )
    throw invalid(
      [
        {
          path: 'orgIds',
          message: 'you would lose access to the record: include your organisation (or yourself for TLP:RED)',
        },
      ],
      'These recipients would shut you out of the record.',
    );
  const after = await scoped.setTlpRecipients(uc.tx, uc.scope, kind, id, input.version, next, uc.subject.id);
  if (!after)
    throw new DomainError('stale_version', `Someone else changed this ${kind}. Reload to see their changes.`);
  await uc.audit({
    action: `${kind}.tlp_recipients_updated`,
    entity: kind,
    entityId: id,
    entityVersion: after.version,
    labelId: after.labelId,
    decision: 'permit',
    before: scoped.tlpRecipientsOf(rec),
    after: next,
  });
  return readTlpRecipients(uc, kind, id);
}
