/** Group expansion and compression of releasability sets, using the registry's membership snapshot. */
import type { IsoDate, PolicyId, PolicyRegistry } from './types';

/** Replaces each group code with itself plus its current full members; sorted and de-duplicated. */
export function expand(
  codes: readonly string[],
  policy: PolicyId,
  reg: PolicyRegistry,
  on?: IsoDate,
): string[] {
  const out = new Set(codes.map((c) => c.toUpperCase()));
  for (const c of [...out]) if (reg.isGroup(policy, c)) for (const m of reg.membersOf(c, on)) out.add(m);
  return [...out].sort();
}

/**
 * Puts a group code back in place of its members when all its current members are present: the members of every
 * group in the set that are all there are dropped, the group stays. A group that is not in the set is never added,
 * so a join never widens to a group none of its inputs named. `expand(compress(expand(x))) = expand(x)`.
 */
export function compress(
  codes: readonly string[],
  policy: PolicyId,
  reg: PolicyRegistry,
  on?: IsoDate,
): string[] {
  const set = new Set(codes.map((c) => c.toUpperCase()));
  const covered = new Set<string>();
  for (const g of set) {
    if (!reg.isGroup(policy, g)) continue;
    const members = reg.membersOf(g, on);
    if (members.every((m) => set.has(m))) for (const m of members) covered.add(m);
  }
  return [...set].filter((c) => reg.isGroup(policy, c) || !covered.has(c)).sort();
}
