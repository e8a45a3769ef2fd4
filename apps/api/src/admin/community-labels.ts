/** A community's floor, ceiling and default labels: validated against the registry, ordered, rendered. */
import {
  DomainError,
  canonicalLabel,
  dominates,
  labelId,
  renderBanner,
  validateLabel,
  type FieldProblem,
  type Label,
} from '@entente/core';
import type { CommunityInput } from '@entente/contracts';
import type { AccessService } from '../access/service';

type LabelField = 'floor' | 'ceiling' | 'defaultLabel';

/** Canonical labels and ids for the three bounds; 400 with `floor.level`-style paths when invalid or out of order. */
export function communityLabels(
  access: AccessService,
  i: CommunityInput,
): Record<LabelField, { id: string; label: Label }> {
  const reg = access.registry();
  const problems: FieldProblem[] = [];
  const out = {} as Record<LabelField, { id: string; label: Label }>;
  for (const f of ['floor', 'ceiling', 'defaultLabel'] as const) {
    const x = i[f];
    const l = canonicalLabel({
      policy: 'HUB',
      level: x.level,
      restrictive: x.restrictive,
      releasableTo: x.releasableTo,
      handling: x.handling,
    });
    for (const p of validateLabel(l, reg))
      problems.push({
        path: `${f}.${fieldOf(p.code)}`,
        message: `${p.code.replace(/_/g, ' ')}${p.value ? `: ${p.value}` : ''}`,
      });
    out[f] = { id: labelId(l), label: l };
  }
  if (problems.length) throw new DomainError('validation', 'A classification label is not valid.', problems);
  const bounds: FieldProblem[] = [];
  if (!dominates(out.ceiling.label, out.floor.label, reg))
    bounds.push({ path: 'ceiling', message: 'the ceiling must be at least as restrictive as the floor' });
  else {
    if (!dominates(out.defaultLabel.label, out.floor.label, reg))
      bounds.push({
        path: 'defaultLabel',
        message: 'the default must be at least as restrictive as the floor',
      });
    if (!dominates(out.ceiling.label, out.defaultLabel.label, reg))
      bounds.push({ path: 'defaultLabel', message: 'the default must not exceed the ceiling' });
  }
  if (bounds.length)
    throw new DomainError('validation', 'The labels must be ordered floor ≤ default ≤ ceiling.', bounds);
  return out;
}

function fieldOf(code: string): string {
  if (code === 'unknown_level' || code === 'missing_level') return 'level';
  if (code === 'unknown_compartment') return 'restrictive';
  if (code === 'unknown_caveat') return 'handling';
  return 'releasableTo';
}

/** A label id as classification text: the banner and the portion mark. */
export function labelText(access: AccessService, id: string) {
  const l = access.label(id);
  return {
    labelId: id,
    banner: l ? renderBanner(l, access.registry()) : 'UNKNOWN LABEL',
    portion: access.portion(id),
  };
}
