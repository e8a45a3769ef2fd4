/** The individual steps of decide() (ACCESS.md §3), as pure functions over validated inputs; each returns a deny reason or undefined. */
import { canonicalLabel } from '../labels/canonical';
import { isCurrent } from '../labels/dates';
import { mapCompartment, mapLevel } from '../labels/equivalence';
import { validateLabel } from '../labels/validate';
import type { IsoDate, Label, PolicyDef, PolicyId, PolicyRegistry } from '../labels/types';
import type { DecisionResource, Reason, Subject } from './types';

/** The deployment-wide community of bulk reference data: the label predicate alone applies (ACCESS.md §2). */
export const DEPLOYMENT_COMMUNITY = 'all';

/** Step 2: the canonical label and its policy, or `unlabelled` / `unknown_policy` / `invalid_input`. */
export function checkLabel(x: unknown, reg: PolicyRegistry): { label: Label; def: PolicyDef } | Reason {
  const problems = validateLabel(x, reg);
  if (problems.length === 0) {
    const label = canonicalLabel(x as Label);
    const def = reg.policy(label.policy);
    return def === undefined ? 'unknown_policy' : { label, def };
  }
  const codes = new Set(problems.map((p) => p.code));
  if (codes.has('not_an_object') || codes.has('missing_policy') || codes.has('missing_level'))
    return 'unlabelled';
  if (codes.has('unknown_policy')) return 'unknown_policy';
  return 'invalid_input';
}

/** The rank of a label's level; validated labels always have one. */
export function levelRank(label: Label, reg: PolicyRegistry): number {
  const r = reg.rank(label.policy, label.level);
  if (r === undefined || !Number.isFinite(r)) throw new TypeError('unranked level');
  return r;
}

/** Step 3: MFA from `mfaFromLevel` upward; a peer needs PKI. */
export function checkAssurance(
  s: Subject,
  label: Label,
  def: PolicyDef,
  reg: PolicyRegistry,
): Reason | undefined {
  if (s.kind === 'peer' && s.assurance !== 'pki') return 'assurance';
  const mfaRank = reg.rank(def.id, def.mfaFromLevel);
  if (mfaRank === undefined) throw new TypeError('mfaFromLevel is not a level');
  if (levelRank(label, reg) >= mfaRank && s.assurance === 'password') return 'assurance';
  return undefined;
}

type Effective = 'none' | 'expired' | { rank: number; compartments: Set<string> };

/** The subject's clearance for `policy`, directly or through equivalences: highest unexpired rank, union of compartments. */
export function effectiveClearance(
  s: Subject,
  policy: PolicyId,
  reg: PolicyRegistry,
  today: IsoDate,
): Effective {
  const held: { rank: number; compartments: string[]; expiresOn: IsoDate }[] = [];
  for (const [key, c] of Object.entries(s.clearances)) {
    const from = key.toUpperCase();
    if (reg.policy(from) === undefined) continue;
    const level = mapLevel(c.level.toUpperCase(), from, policy, reg);
    const rank = level === undefined ? undefined : reg.rank(policy, level);
    if (rank === undefined) continue;
    const compartments = c.compartments
      .map((x) => mapCompartment(x.toUpperCase(), from, policy, reg))
      .filter((x): x is string => x !== undefined);
    held.push({ rank, compartments, expiresOn: c.expiresOn });
  }
  if (held.length === 0) return 'none';
  const valid = held.filter((c) => today < c.expiresOn);
  if (valid.length === 0) return 'expired';
  return {
    rank: Math.max(...valid.map((c) => c.rank)),
    compartments: new Set(valid.flatMap((c) => c.compartments)),
  };
}

/** The rank a ceiling map allows for `policy`, or undefined when it names none. */
export function ceilingRank(
  c: Record<string, string> | undefined,
  policy: PolicyId,
  reg: PolicyRegistry,
): number | undefined {
  const entry = Object.entries(c ?? {}).find(([k]) => k.toUpperCase() === policy);
  return entry === undefined ? undefined : reg.rank(policy, entry[1].toUpperCase());
}

/** `tokens(s)`: nationality, `ORG:<orgCode>` and the groups the subject is a full member of today. */
export function tokensOf(s: Subject, today: IsoDate): string[] {
  const groups = s.memberships
    .filter((m) => m.status === 'member' && isCurrent(m, today))
    .map((m) => m.org.toUpperCase());
  return [...new Set([s.nationality, `ORG:${s.orgCode.toUpperCase()}`, ...groups])].sort();
}

/** Step 4 without the role: clearance, expiry, level, environment ceiling, compartments and releasability. */
export function checkClassification(
  s: Subject,
  label: Label,
  reg: PolicyRegistry,
  environmentCeiling: Record<string, string>,
  today: IsoDate,
): Reason | undefined {
  const clearance = effectiveClearance(s, label.policy, reg, today);
  if (clearance === 'none') return 'no_clearance';
  if (clearance === 'expired') return 'clearance_expired';
  const rank = levelRank(label, reg);
  if (clearance.rank < rank) return 'level';
  const ceiling = ceilingRank(environmentCeiling, label.policy, reg);
  if (ceiling === undefined || ceiling < rank) return 'env_ceiling';
  if (!label.restrictive.every((c) => clearance.compartments.has(c))) return 'compartment';
  const tokens = new Set(tokensOf(s, today));
  if (!label.releasableTo.some((r) => tokens.has(r))) return 'releasability';
  return undefined;
}

/**
 * Step 5, TLP 2.0. Each colour admits everyone a stricter colour admits (a named RED recipient may also read an
 * AMBER+STRICT record), which keeps read decisions monotone in the label and matches the §4 storage predicate
 * (`org ∈ tlp_org_ids OR user ∈ tlp_user_ids`) when `tlp_org_ids` holds the organisations the colour admits.
 */
export function checkTlp(s: Subject, label: Label, resource: DecisionResource): Reason | undefined {
  const t = label.tlp;
  if (t === undefined || t === 'clear' || t === 'green') return undefined; // green: any registered organisation
  const r = resource.tlpRecipients;
  const user = r?.userIds?.includes(s.id) ?? false;
  const org = r?.orgIds.includes(s.orgId) ?? false;
  const client = r?.clientOrgIds?.includes(s.orgId) ?? false;
  const ok = t === 'red' ? user : t === 'amber_strict' ? user || org : user || org || client;
  return ok ? undefined : 'tlp';
}

/** Step 6: a community membership current at `now`, and party scope for partner subjects. */
export function checkNeedToKnow(s: Subject, resource: DecisionResource, today: IsoDate): Reason | undefined {
  if (resource.communityId === DEPLOYMENT_COMMUNITY) return undefined;
  if (!s.communities.some((c) => c.id === resource.communityId && isCurrent(c, today))) return 'need_to_know';
  if (s.partner && !resource.partyOrgIds.includes(s.orgId)) return 'party_scope';
  return undefined;
}
