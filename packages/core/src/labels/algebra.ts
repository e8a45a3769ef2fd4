/** The label lattice of ACCESS.md §2.1: dominance, join (least upper bound) and group expansion. */
import { DomainError } from '../shared/errors';
import { canonicalLabel } from './canonical';
import { translate } from './equivalence';
import { compress, expand } from './expand';
import { validateLabel } from './validate';
import type { IsoDate, Label, LabelProblem, PolicyRegistry, Tlp } from './types';

export { expand, compress } from './expand';

export type LabelConflictReason = 'incompatible_policies' | 'unreleasable';

/** Two labels have no join: the content must be split or released explicitly. */
export class LabelConflict extends DomainError {
  constructor(readonly reason: LabelConflictReason) {
    super(
      'label_conflict',
      reason === 'unreleasable'
        ? 'The combined content is releasable to no one.'
        : 'The labels belong to incompatible policies.',
    );
    this.name = 'LabelConflict';
  }
}

/** A label that is not valid against the registry was given to the algebra. */
export class InvalidLabel extends Error {
  constructor(readonly problems: LabelProblem[]) {
    super(`invalid label: ${problems.map((p) => p.code + (p.value ? `(${p.value})` : '')).join(', ')}`);
    this.name = 'InvalidLabel';
  }
}

const TLP_ORDER: readonly (Tlp | undefined)[] = [undefined, 'clear', 'green', 'amber', 'amber_strict', 'red'];
/** Strictness of a TLP: `red > amber_strict > amber > green > clear > absent`. */
export const tlpRank = (t: Tlp | undefined): number => TLP_ORDER.indexOf(t);

const superset = (a: readonly string[], b: readonly string[]) => b.every((x) => a.includes(x));

function valid(l: Label, reg: PolicyRegistry): Label | undefined {
  return validateLabel(l, reg).length === 0 ? canonicalLabel(l) : undefined;
}

function mustBeValid(l: Label, reg: PolicyRegistry): Label {
  const problems = validateLabel(l, reg);
  if (problems.length > 0) throw new InvalidLabel(problems);
  return canonicalLabel(l);
}

/** `a ⊒ b`: a is at least as restrictive as b (false when either label is invalid or the policies are incompatible). */
export function dominates(a: Label, b: Label, reg: PolicyRegistry, on?: IsoDate): boolean {
  const ca = valid(a, reg);
  const cb0 = valid(b, reg);
  if (ca === undefined || cb0 === undefined) return false;
  const cb = translate(cb0, ca.policy, reg);
  if (cb === undefined) return false;
  const ra = reg.rank(ca.policy, ca.level);
  const rb = reg.rank(cb.policy, cb.level);
  if (ra === undefined || rb === undefined || ra < rb) return false;
  if (!superset(ca.restrictive, cb.restrictive) || !superset(ca.handling, cb.handling)) return false;
  if (tlpRank(ca.tlp) < tlpRank(cb.tlp)) return false;
  return superset(expand(cb.releasableTo, cb.policy, reg, on), expand(ca.releasableTo, ca.policy, reg, on));
}

/** Expresses both labels in one policy (the same one whichever order they come in), or throws `incompatible_policies`. */
function align(a: Label, b: Label, reg: PolicyRegistry): [Label, Label] {
  if (a.policy === b.policy) return [a, b];
  const bInA = translate(b, a.policy, reg);
  const aInB = translate(a, b.policy, reg);
  if (bInA && aInB) return a.policy < b.policy ? [a, bInA] : [aInB, b];
  if (bInA) return [a, bInA];
  if (aInB) return [aInB, b];
  throw new LabelConflict('incompatible_policies');
}

/** The least upper bound of two labels; throws `LabelConflict` (incompatible policies, or no common releasability) or `InvalidLabel`. */
export function join(a: Label, b: Label, reg: PolicyRegistry, on?: IsoDate): Label {
  const [x, y] = align(mustBeValid(a, reg), mustBeValid(b, reg), reg);
  const policy = x.policy;
  const rx = reg.rank(policy, x.level) ?? -1;
  const ry = reg.rank(policy, y.level) ?? -1;
  const ex = new Set(expand(x.releasableTo, policy, reg, on));
  const common = expand(y.releasableTo, policy, reg, on).filter((c) => ex.has(c));
  if (common.length === 0) throw new LabelConflict('unreleasable');
  const out: Label = {
    policy,
    level: rx >= ry ? x.level : y.level,
    restrictive: [...x.restrictive, ...y.restrictive],
    releasableTo: compress(common, policy, reg, on),
    handling: [...x.handling, ...y.handling],
  };
  const tlp = tlpRank(x.tlp) >= tlpRank(y.tlp) ? x.tlp : y.tlp;
  if (tlp !== undefined) out.tlp = tlp;
  return canonicalLabel(out);
}

/** The join of a non-empty list of labels (the label of a container, export, roll-up or page). */
export function joinAll(ls: readonly Label[], reg: PolicyRegistry, on?: IsoDate): Label {
  const [first, ...rest] = ls;
  if (first === undefined)
    throw new InvalidLabel([{ code: 'not_an_object', value: 'joinAll of an empty list' }]);
  return rest.reduce((acc, l) => join(acc, l, reg, on), mustBeValid(first, reg));
}
