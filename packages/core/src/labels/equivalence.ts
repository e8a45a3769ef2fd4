/** Equivalences between policies (security-of-information agreements): used for clearances and joins, never to rewrite stored labels. */
import type { Label, PolicyId, PolicyRegistry } from './types';

/** The code map from policy `from` to policy `to`: declared directly, or the unambiguous inverse of `to`'s map to `from`. */
export function equivalenceMap(
  from: PolicyId,
  to: PolicyId,
  reg: PolicyRegistry,
): Record<string, string> | undefined {
  const direct = reg.policy(from)?.equivalences.find((e) => e.toPolicy === to);
  if (direct) return direct.map;
  const reverse = reg.policy(to)?.equivalences.find((e) => e.toPolicy === from);
  if (!reverse) return undefined;
  const inverse: Record<string, string> = {};
  const seen = new Map<string, number>();
  for (const v of Object.values(reverse.map)) seen.set(v, (seen.get(v) ?? 0) + 1);
  for (const [k, v] of Object.entries(reverse.map)) if (seen.get(v) === 1) inverse[v] = k;
  return inverse;
}

/** Maps a level of `from` to a level of `to`, or undefined when no equivalence covers it. */
export function mapLevel(
  level: string,
  from: PolicyId,
  to: PolicyId,
  reg: PolicyRegistry,
): string | undefined {
  if (from === to) return level;
  const mapped = equivalenceMap(from, to, reg)?.[level];
  return mapped !== undefined && reg.level(to, mapped) !== undefined ? mapped : undefined;
}

/** Maps a compartment of `from` to one of `to` (explicitly, or by the same code), or undefined. */
export function mapCompartment(
  code: string,
  from: PolicyId,
  to: PolicyId,
  reg: PolicyRegistry,
): string | undefined {
  if (from === to) return code;
  const map = equivalenceMap(from, to, reg);
  if (map === undefined) return undefined;
  const mapped = map[code] ?? code;
  return reg.policy(to)?.compartments.includes(mapped) ? mapped : undefined;
}

/** A canonical label of another policy expressed in `target`'s codes, or undefined when any code cannot be mapped. */
export function translate(l: Label, target: PolicyId, reg: PolicyRegistry): Label | undefined {
  if (l.policy === target) return l;
  const map = equivalenceMap(l.policy, target, reg);
  const def = reg.policy(target);
  if (map === undefined || def === undefined) return undefined;
  const level = mapLevel(l.level, l.policy, target, reg);
  const restrictive = l.restrictive.map((c) => mapCompartment(c, l.policy, target, reg));
  const handling = l.handling.map((h) => map[h] ?? h);
  const releasableTo = l.releasableTo.map((r) => {
    const isGroup = reg.isGroup(l.policy, r);
    const mapped = isGroup ? (map[r] ?? r) : r;
    return isGroup && !def.groups.includes(mapped) ? undefined : mapped;
  });
  if (level === undefined || restrictive.includes(undefined) || releasableTo.includes(undefined))
    return undefined;
  if (!handling.every((h) => def.handling.some((d) => d.code === h))) return undefined;
  const out: Label = {
    policy: target,
    level,
    restrictive: [...new Set(restrictive as string[])].sort(),
    releasableTo: [...new Set(releasableTo as string[])].sort(),
    handling: [...new Set(handling)].sort(),
  };
  if (l.tlp !== undefined) out.tlp = l.tlp;
  return out;
}
