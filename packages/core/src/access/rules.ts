/** Steps 7 (write rules) and 8 (release rules) of decide() (ACCESS.md §3). */
import { dominates } from '../labels/algebra';
import type { IsoDate, Label, PolicyDef, PolicyRegistry } from '../labels/types';
import { ceilingRank, levelRank } from './checks';
import type { Action, DecisionContext, Reason, Subject } from './types';

/** The handling effects the label's caveats carry under its policy. */
export function effectsOf(label: Label, def: PolicyDef): Set<string> {
  return new Set(def.handling.filter((h) => label.handling.includes(h.code)).map((h) => h.effect));
}

/** Step 7 for `create`, `update` and `relabel`: no write-down, and downgrades need the originator and a second approver. */
export function checkWrite(
  s: Subject,
  a: Action,
  label: Label,
  ctx: DecisionContext,
  today: IsoDate,
): Reason | undefined {
  if (a !== 'create' && a !== 'update' && a !== 'relabel') return undefined;
  const reg = ctx.registry;
  const { sourcesLabel, communityFloor, communityCeiling, currentLabel } = ctx.resource;
  if (communityFloor === undefined || communityCeiling === undefined) return 'invalid_input';
  if (a === 'relabel' && currentLabel === undefined) return 'invalid_input';
  if (sourcesLabel !== undefined && !dominates(label, sourcesLabel, reg, today)) return 'write_down';
  if (!dominates(label, communityFloor, reg, today)) return 'write_down';
  if (!dominates(communityCeiling, label, reg, today)) return 'write_down';
  if (a === 'relabel' && currentLabel !== undefined && !dominates(label, currentLabel, reg, today)) {
    // A downgrade.
    if (s.orgId !== ctx.resource.originatorOrgId || !s.roles.includes('releasing_officer'))
      return 'originator_consent';
    if (ctx.secondApproverId === undefined || ctx.secondApproverId === s.id) return 'two_person';
  }
  return undefined;
}

/**
 * Step 8 for `share`, `sync_out` and `export`. `recipientDenies` runs steps 1–6 for `ctx.recipient`. The recipient's
 * organisation is `ctx.recipient.orgId`, else the subject's own (for `sync_out` the subject is the partner peer).
 */
export function checkRelease(
  s: Subject,
  a: Action,
  label: Label,
  def: PolicyDef,
  ctx: DecisionContext,
  recipientDenies: (r: Subject) => Reason | undefined,
): Reason | undefined {
  if (a !== 'share' && a !== 'export' && a !== 'sync_out') return undefined;
  const reg: PolicyRegistry = ctx.registry;
  if (a !== 'sync_out' && ctx.recipient !== undefined) {
    const denied = recipientDenies(ctx.recipient);
    if (denied !== undefined) return denied;
  }
  const effects = effectsOf(label, def);
  if (effects.has('originator_consent')) {
    const recipientOrg = a === 'sync_out' ? s.orgId : (ctx.recipient?.orgId ?? s.orgId);
    const consented = (ctx.resource.consents ?? []).some((c) => c.recipientOrgId === recipientOrg);
    if (recipientOrg !== ctx.resource.originatorOrgId && !consented) return 'originator_consent';
  }
  if (a === 'export' && effects.has('deny_export')) return 'caveat';
  if (a === 'sync_out') {
    const ceiling = ceilingRank(ctx.linkCeiling, label.policy, reg);
    if (ceiling === undefined || ceiling < levelRank(label, reg)) return 'link_ceiling';
  }
  return undefined;
}
