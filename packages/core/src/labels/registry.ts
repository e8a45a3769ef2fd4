/** The policy registry: validated policy definitions plus a dated membership snapshot (ACCESS.md §2.2, DOMAIN.md §4.1). */
import { isIsoDate } from './dates';
import { MembershipRowSchema, PolicyDefSchema } from './schema';
import type {
  Iso3,
  IsoDate,
  MembershipRow,
  MembershipStatus,
  PolicyDef,
  PolicyId,
  PolicyLevel,
  PolicyRegistry,
  RegistryInput,
} from './types';

/** Thrown by `createRegistry` when the policies or memberships are not valid; `problems` lists every issue. */
export class RegistryError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid policy registry: ${problems.join('; ')}`);
    this.name = 'RegistryError';
  }
}

const BUILT = new WeakSet<object>();

/** Whether `x` is a registry built (and frozen) by `createRegistry`; decide() trusts nothing else. */
export function isRegistry(x: unknown): x is PolicyRegistry {
  return typeof x === 'object' && x !== null && BUILT.has(x);
}

function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

const issues = (where: string, error: { issues: { path: PropertyKey[]; message: string }[] }) =>
  error.issues.map((i) => `${where}${i.path.length ? '.' + i.path.map(String).join('.') : ''}: ${i.message}`);

function parsePolicies(input: unknown, problems: string[]): PolicyDef[] {
  if (!Array.isArray(input)) {
    problems.push('policies: must be an array');
    return [];
  }
  const out: PolicyDef[] = [];
  input.forEach((p, i) => {
    const r = PolicyDefSchema.safeParse(p);
    if (r.success) out.push(r.data);
    else problems.push(...issues(`policies[${i}]`, r.error));
  });
  const ids = out.map((p) => p.id);
  if (new Set(ids).size !== ids.length) problems.push('policies: ids must be unique');
  return out;
}

function parseMemberships(input: unknown, problems: string[]): MembershipRow[] {
  if (!Array.isArray(input)) {
    problems.push('memberships: must be an array');
    return [];
  }
  const out: MembershipRow[] = [];
  input.forEach((m, i) => {
    const r = MembershipRowSchema.safeParse(m);
    if (r.success) out.push({ ...r.data, org: r.data.org.toUpperCase() });
    else problems.push(...issues(`memberships[${i}]`, r.error));
  });
  // Intervals for the same (organisation, member) never overlap.
  const byPair = new Map<string, MembershipRow[]>();
  for (const m of out) byPair.set(`${m.org}|${m.iso3}`, [...(byPair.get(`${m.org}|${m.iso3}`) ?? []), m]);
  for (const [pair, rows] of byPair) {
    const sorted = [...rows].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    for (let i = 1; i < sorted.length; i++) {
      const prevTo = sorted[i - 1]!.to;
      if (prevTo === undefined || prevTo > sorted[i]!.from)
        problems.push(`memberships: overlapping intervals for ${pair}`);
    }
  }
  return out;
}

/** Builds a frozen registry from policy definitions and a membership snapshot; throws `RegistryError` when invalid. */
export function createRegistry(input: RegistryInput): PolicyRegistry {
  const problems: string[] = [];
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Partial<RegistryInput>;
  if (typeof raw.version !== 'string' || raw.version.length === 0)
    problems.push('version: must be a non-empty string');
  if (raw.homeNation !== undefined && !/^[A-Z]{3}$/.test(String(raw.homeNation)))
    problems.push('homeNation: must be an upper-case alpha-3 code');
  if (raw.asOf !== undefined && !isIsoDate(raw.asOf)) problems.push('asOf: must be a YYYY-MM-DD date');
  const policies = parsePolicies(raw.policies, problems);
  const memberships = parseMemberships(raw.memberships, problems);
  if (problems.length > 0) throw new RegistryError(problems);

  for (const p of policies) p.levels.sort((a, b) => a.rank - b.rank);
  deepFreeze(policies);
  deepFreeze(memberships);
  const byId = new Map(policies.map((p) => [p.id, p] as const));
  const groups = new Map(policies.map((p) => [p.id, new Set(p.groups)] as const));
  const version = raw.version as string;
  const asOf = raw.asOf;

  const level = (policy: PolicyId, name: string): PolicyLevel | undefined =>
    byId.get(policy)?.levels.find((l) => l.name === name);
  const membershipOn = (org: string, iso3: Iso3, date: IsoDate): MembershipStatus | undefined => {
    const o = org.toUpperCase();
    return memberships.find(
      (m) => m.org === o && m.iso3 === iso3 && m.from <= date && (m.to === undefined || date < m.to),
    )?.status;
  };
  const membersOf = (group: string, date?: IsoDate): Iso3[] => {
    const g = group.toUpperCase();
    const day = date ?? asOf;
    const rows = memberships.filter(
      (m) =>
        m.org === g &&
        m.status === 'member' &&
        (day === undefined ? m.to === undefined : m.from <= day && (m.to === undefined || day < m.to)),
    );
    return [...new Set(rows.map((m) => m.iso3))].sort();
  };

  const registry: PolicyRegistry = {
    version,
    homeNation: raw.homeNation,
    asOf,
    policies,
    memberships,
    policy: (id) => byId.get(id),
    level,
    rank: (policy, name) => level(policy, name)?.rank,
    isGroup: (policy, code) => groups.get(policy)?.has(code) ?? false,
    membershipOn,
    membersOf,
  };
  Object.freeze(registry);
  BUILT.add(registry);
  return registry;
}
