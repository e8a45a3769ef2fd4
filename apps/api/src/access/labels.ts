/** Turn a label chosen in a form into a stored canonical label the subject may write. */
import {
  DomainError,
  canonicalLabel,
  labelId,
  validateLabel,
  type Label,
  type RecordKind,
} from '@entente/core';
import type { LabelInput } from '@entente/contracts';
import { allowLabelInTx, saveLabel } from '@entente/db';
import type { UseCaseCtx } from '../context';

/** Validate, decide(create|update) and store the label; returns its id. Throws 400/403 with field paths. */
export async function resolveWriteLabel(
  uc: UseCaseCtx,
  input: LabelInput,
  action: 'create' | 'update',
  resource: { kind: RecordKind; communityId: string; partyOrgIds: string[] },
): Promise<string> {
  const l: Label = canonicalLabel({
    policy: 'HUB',
    level: input.level,
    restrictive: input.restrictive,
    releasableTo: input.releasableTo,
    handling: input.handling,
  });
  const problems = validateLabel(l, uc.access.registry());
  if (problems.length)
    throw new DomainError(
      'validation',
      'The classification label is not valid.',
      problems.map((p) => ({
        path: 'label',
        message: `${p.code.replace(/_/g, ' ')}${p.value ? `: ${p.value}` : ''}`,
      })),
    );
  if (!l.releasableTo.includes(uc.subject.nationality) && !l.releasableTo.includes('XHN'))
    throw new DomainError('validation', 'The label must release the record to the originator.', [
      { path: 'label.releasableTo', message: 'include your own nation' },
    ]);
  const id = labelId(l);
  const bounds = uc.access.communityBounds(resource.communityId);
  const d = uc.access.decide(
    uc.subject,
    action,
    id,
    {
      kind: resource.kind,
      communityId: resource.communityId,
      ownerOrgId: uc.subject.orgId,
      originatorOrgId: uc.subject.orgId,
      partyOrgIds: resource.partyOrgIds,
      ...bounds,
    },
    l,
  );
  if (d.effect !== 'permit') {
    await uc.audit({
      action: `${resource.kind}.${action}`,
      entity: resource.kind,
      labelId: uc.app.homeLabelId,
      decision: 'deny',
      reason: d.reason,
    });
    throw new DomainError(
      'forbidden',
      'You cannot create or change a record with that label or in that community.',
      [{ path: 'label', message: 'not allowed for you' }],
    );
  }
  await saveLabel(uc.tx, { id, ...l });
  uc.access.remember(id, l);
  await allowLabelInTx(uc.tx, uc.scope, id);
  return id;
}
