/**
 * The shared rules of relabelling any kind of record (ACCESS.md §3 step 7): label validation, the
 * decide(relabel) call, the refusal messages, and the denial an aborted use case still audits.
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
import type { LabelInput } from '@entente/contracts';
import { saveLabel } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { ENVIRONMENT_CEILING } from '../access/service';
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
export function denied<E extends DomainError>(err: E, d: Denial): E {
  return Object.assign(err, { [DENIAL]: d });
}

/** The denial an error carries, if any. */
export function denialOf(err: unknown): Denial | undefined {
  return typeof err === 'object' && err !== null ? (err as { [DENIAL]?: Denial })[DENIAL] : undefined;
}

/** A record's current label cannot be resolved: it does not exist for anyone (ACCESS.md §1.1). */
export const missing = (t: RelabelTarget) => notFound(t.noun);

/** Canonicalise and validate the label chosen in the form (400 with field paths). */
export function toLabel(uc: UseCaseCtx, input: LabelInput): { label: Label; id: string } {
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
export function resourceOf(
  uc: UseCaseCtx,
  t: RelabelTarget,
  r: RelabelRecord,
  current: Label,
): DecisionResource {
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
export function decideRelabel(
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
export async function eventLabel(
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
export function refusal(reason: Decision['reason'], t: RelabelTarget): DomainError {
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
export async function load(
  uc: UseCaseCtx,
  t: RelabelTarget,
  id: string,
): Promise<{ rec: RelabelRecord; current: Label }> {
  const rec = await t.find(uc, id);
  const current = rec ? uc.access.label(rec.labelId) : undefined;
  if (!rec || !current) throw missing(t);
  return { rec, current };
}
