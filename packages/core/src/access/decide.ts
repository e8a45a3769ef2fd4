/** The single decision point (ACCESS.md §3): pure, total, deterministic, deny-unless-permit, never throws. */
import { dayOf } from '../labels/dates';
import type { IsoDate, Label, PolicyDef } from '../labels/types';
import {
  checkAssurance,
  checkClassification,
  checkLabel,
  checkNeedToKnow,
  checkTlp,
  levelRank,
} from './checks';
import { roleGrants } from './roles';
import { checkRelease, checkWrite, effectsOf } from './rules';
import {
  ceilingsFitRegistry,
  isAction,
  parseContext,
  parseSubject,
  resourceLabelsValid,
  subjectFitsRegistry,
} from './schema';
import type { Action, Decision, DecisionContext, Obligation, Reason, Subject } from './types';

const deny = (reason: Reason): Decision => ({ effect: 'deny', reason, obligations: [] });

/** Steps 3–6 for one subject (the acting subject, or a recipient evaluated "as if it were the subject"). */
function subjectSteps(
  s: Subject,
  a: Action,
  label: Label,
  def: PolicyDef,
  ctx: DecisionContext,
  today: IsoDate,
): Reason | undefined {
  const reg = ctx.registry;
  return (
    checkAssurance(s, label, def, reg) ??
    (roleGrants(s.roles, a, ctx.resource.kind) ? undefined : 'role') ??
    checkClassification(s, label, reg, ctx.environmentCeiling, today) ??
    checkTlp(s, label, ctx.resource) ??
    checkNeedToKnow(s, ctx.resource, today)
  );
}

/** For `relabel`: the subject must be able to see the record's current label (steps 2–4 on it). */
function currentLabelDenies(s: Subject, ctx: DecisionContext, today: IsoDate): Reason | undefined {
  const current = checkLabel(ctx.resource.currentLabel, ctx.registry);
  if (typeof current === 'string') return 'invalid_input';
  return (
    checkAssurance(s, current.label, current.def, ctx.registry) ??
    checkClassification(s, current.label, ctx.registry, ctx.environmentCeiling, today)
  );
}

function obligationsFor(a: Action, label: Label, def: PolicyDef, ctx: DecisionContext): Obligation[] {
  const out: Obligation[] = ['audit'];
  const mfaRank = ctx.registry.rank(def.id, def.mfaFromLevel) ?? 0;
  // "audit_read at HC and above": the policy's own threshold, mfaFromLevel, keeps level names out of code.
  if (levelRank(label, ctx.registry) >= mfaRank || effectsOf(label, def).has('originator_consent'))
    out.push('audit_read');
  if (a !== 'sync_out' && a !== 'delete') out.push('banner');
  if (a === 'export') out.push('watermark');
  if (a === 'sync_out') out.push('sign');
  return out;
}

function evaluate(rawSubject: unknown, a: unknown, rawLabel: unknown, rawCtx: unknown): Decision {
  // 1. Input.
  const s = parseSubject(rawSubject);
  const ctx = parseContext(rawCtx);
  if (s === undefined || ctx === undefined || !isAction(a)) return deny('invalid_input');
  const reg = ctx.registry;
  const subjectsFit =
    subjectFitsRegistry(s, reg) && (ctx.recipient === undefined || subjectFitsRegistry(ctx.recipient, reg));
  if (
    !subjectsFit ||
    !ceilingsFitRegistry(ctx.environmentCeiling, reg) ||
    !ceilingsFitRegistry(ctx.linkCeiling, reg)
  )
    return deny('invalid_input');
  if (!resourceLabelsValid(ctx)) return deny('invalid_input');
  const today = dayOf(ctx.now);

  // 2. Label.
  const checked = checkLabel(rawLabel, reg);
  if (typeof checked === 'string') return deny(checked);
  const { label, def } = checked;

  // 3.–6. Assurance, role and classification, TLP, need-to-know.
  const denied = subjectSteps(s, a, label, def, ctx, today);
  if (denied !== undefined) return deny(denied);

  // 7. Write rules.
  if (a === 'relabel') {
    const current = currentLabelDenies(s, ctx, today);
    if (current !== undefined) return deny(current);
  }
  const write = checkWrite(s, a, label, ctx, today);
  if (write !== undefined) return deny(write);

  // 8. Release rules; a recipient is evaluated by steps 1–6 as a reader.
  const release = checkRelease(s, a, label, def, ctx, (r) => subjectSteps(r, 'read', label, def, ctx, today));
  if (release !== undefined) return deny(release);

  // 9. Permit.
  return { effect: 'permit', reason: 'ok', obligations: obligationsFor(a, label, def, ctx) };
}

/** Decides whether subject `s` may perform `a` on a record labelled `l`; never throws, any failure is a deny. */
export function decide(s: Subject, a: Action, l: Label, ctx: DecisionContext): Decision {
  try {
    return evaluate(s, a, l, ctx);
  } catch {
    return deny('invalid_input');
  }
}
