/** Label-level checks for the storage layer (ACCESS.md §4.1): which label rows a subject may see, and its SQL parameters. */
import { labelId } from '../labels/canonical';
import { dayOf, isCurrent, isInstant } from '../labels/dates';
import { checkAssurance, checkClassification, checkLabel, tokensOf } from './checks';
import {
  ceilingsFitRegistry,
  isAction,
  parseLabelCheckContext,
  parseSubject,
  subjectFitsRegistry,
} from './schema';
import type { Instant, Label } from '../labels/types';
import type { Action, LabelCheckContext, Reason, Subject } from './types';

export interface LabelLevelResult {
  effect: 'permit' | 'deny';
  reason: Reason;
}

type Prepared = { s: Subject; ctx: LabelCheckContext } | undefined;

function prepare(rawSubject: unknown, action: unknown, rawCtx: unknown): Prepared {
  const s = parseSubject(rawSubject);
  const ctx = parseLabelCheckContext(rawCtx);
  if (s === undefined || ctx === undefined || !isAction(action)) return undefined;
  if (!subjectFitsRegistry(s, ctx.registry) || !ceilingsFitRegistry(ctx.environmentCeiling, ctx.registry))
    return undefined;
  return { s, ctx };
}

function labelSteps(p: NonNullable<Prepared>, rawLabel: unknown): Reason {
  const { s, ctx } = p;
  const checked = checkLabel(rawLabel, ctx.registry);
  if (typeof checked === 'string') return checked;
  return (
    checkAssurance(s, checked.label, checked.def, ctx.registry) ??
    checkClassification(s, checked.label, ctx.registry, ctx.environmentCeiling, dayOf(ctx.now)) ??
    'ok'
  );
}

/** Steps 1–4 of decide() that depend on the label only (input, label, assurance, clearance, level, ceiling, compartments, releasability). */
export function labelLevelPermits(
  s: Subject,
  action: Action,
  label: Label,
  ctx: LabelCheckContext,
): LabelLevelResult {
  try {
    const p = prepare(s, action, ctx);
    const reason = p === undefined ? 'invalid_input' : labelSteps(p, label);
    return { effect: reason === 'ok' ? 'permit' : 'deny', reason };
  } catch {
    return { effect: 'deny', reason: 'invalid_input' };
  }
}

/**
 * The ids of the label rows whose label-level checks pass for `s` (default action `read`). A row whose id is not the
 * label's canonical `labelId` is unresolvable and never permitted. Fails closed to `[]`.
 */
export function permittedLabelIds(
  s: Subject,
  labels: readonly { id: string; label: Label }[],
  ctx: LabelCheckContext,
  action: Action = 'read',
): string[] {
  try {
    const p = prepare(s, action, ctx);
    if (p === undefined || !Array.isArray(labels)) return [];
    const out = new Set<string>();
    for (const row of labels) {
      try {
        if (typeof row?.id !== 'string' || labelSteps(p, row.label) !== 'ok') continue;
        if (labelId(row.label).toLowerCase() === row.id.toLowerCase()) out.add(row.id);
      } catch {
        // An unreadable row is simply not permitted.
      }
    }
    return [...out];
  } catch {
    return [];
  }
}

/** The ids of the communities the subject belongs to at `now` (the `$current_community_ids` parameter); `[]` on bad input. */
export function currentCommunityIds(s: Subject, now: Instant): string[] {
  const subject = parseSubject(s);
  if (subject === undefined || !isInstant(now)) return [];
  const today = dayOf(now);
  return [...new Set(subject.communities.filter((c) => isCurrent(c, today)).map((c) => c.id))].sort();
}

/** `tokens(s)` at `now`: nationality, `ORG:<orgCode>` and current full group memberships; `[]` on bad input. */
export function subjectTokens(s: Subject, now: Instant): string[] {
  const subject = parseSubject(s);
  if (subject === undefined || !isInstant(now)) return [];
  return tokensOf(subject, dayOf(now));
}
