/** fast-check generators for labels, subjects and contexts over the HUB fixture registry. */
import fc from 'fast-check';
import { HUB_POLICY, TLPS } from '../src/index';
import type { DecisionContext, Label, Role, Subject, Tlp } from '../src/index';
import { HOME, NOW, REGISTRY, membershipsOf } from './fixtures';

export const LEVELS = HUB_POLICY.levels.map((l) => l.name);
export const COMPARTMENTS = HUB_POLICY.compartments;
export const CAVEATS = HUB_POLICY.handling.map((h) => h.code);
export const NATIONS = ['XHN', 'FRA', 'USA', 'CAN', 'GBR', 'AUS', 'SEN', 'KEN', 'MLI', 'NGA', 'BRA'];
export const GROUPS = ['NATO', 'EU', 'UN', 'AU', 'ECOWAS', 'ASEAN', 'GCC'];
export const ORG_TOKENS = ['ORG:XHN-MOD', 'ORG:FRA-MOD', 'ORG:SEN-MOD'];
export const REL_UNIVERSE = [...NATIONS, ...GROUPS, ...ORG_TOKENS];
export const ORG_IDS = NATIONS.map((n) => `org-${n.toLowerCase()}-mod`);
export const USER_IDS = ['user-1', 'user-2', 'user-3'];
export const COMMUNITIES = ['c1', 'c2'];
const TLP_ORDER: (Tlp | undefined)[] = [undefined, ...TLPS];

export const rankOf = (level: string) => LEVELS.indexOf(level);

export const labelArb: fc.Arbitrary<Label> = fc
  .record({
    level: fc.constantFrom(...LEVELS),
    restrictive: fc.subarray(COMPARTMENTS),
    releasableTo: fc.subarray(REL_UNIVERSE, { minLength: 1, maxLength: 5 }),
    handling: fc.subarray(CAVEATS),
    tlp: fc.constantFrom(undefined, undefined, undefined, ...TLPS),
  })
  .map(({ tlp, ...l }) => (tlp === undefined ? { policy: 'HUB', ...l } : { policy: 'HUB', ...l, tlp }));

/** Choices that turn a label into one it dominates: lower level, fewer compartments and caveats, wider REL, laxer TLP. */
export const lowerArb = fc.record({
  levelDrop: fc.nat(3),
  keepRestrictive: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  keepHandling: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
  addRel: fc.subarray(REL_UNIVERSE, { maxLength: 4 }),
  tlpDrop: fc.nat(5),
});
export type Lower = typeof lowerArb extends fc.Arbitrary<infer T> ? T : never;
export type Addition = typeof additionArb extends fc.Arbitrary<infer T> ? T : never;

/** Applies `lowerArb` choices: the result is dominated by `l`. */
export function lower(l: Label, c: Lower): Label {
  const out: Label = {
    policy: l.policy,
    level: LEVELS[Math.max(0, rankOf(l.level) - c.levelDrop)]!,
    restrictive: l.restrictive.filter((_, i) => c.keepRestrictive[i % 3]),
    releasableTo: [...l.releasableTo, ...c.addRel],
    handling: l.handling.filter((_, i) => c.keepHandling[i % 2]),
  };
  const tlp = TLP_ORDER[Math.max(0, TLP_ORDER.indexOf(l.tlp) - c.tlpDrop)];
  if (tlp !== undefined) out.tlp = tlp;
  return out;
}

const communityArb = fc.record({
  id: fc.constantFrom(...COMMUNITIES),
  role: fc.constantFrom('member' as const, 'contributor' as const, 'moderator' as const),
  from: fc.constantFrom('2024-01-01', '2025-06-01', '2025-06-02'),
  to: fc.constantFrom(undefined, '2025-05-31', '2025-06-01', '2026-01-01'),
});
const ROLES_USED: Role[] = ['viewer', 'analyst', 'planner', 'auditor', 'partner_reporter', 'peer'];
/** Mostly-permissive choices, so that permits are common enough for the implications to bite. */
const often = <T>(good: T, ...others: T[]) => fc.constantFrom(good, good, good, good, good, good, ...others);
const GOOD_COMMUNITIES = COMMUNITIES.map((id) => ({ id, role: 'member' as const, from: '2024-01-01' }));

/** A subject whose group memberships come from the registry snapshot (as the API builds them). */
export const subjectArb: fc.Arbitrary<Subject> = fc
  .record({
    nationality: fc.constantFrom(...NATIONS),
    level: often<string | undefined>('HUB-SECRET', undefined, ...LEVELS),
    compartments: fc.oneof(fc.constant(COMPARTMENTS), fc.subarray(COMPARTMENTS)),
    expiresOn: often('2027-01-01', '2020-01-01', '2025-05-01', '2025-06-01', '2025-06-02'),
    goodCommunities: often(true, false),
    communities: fc.array(communityArb, { maxLength: 3 }),
    roles: fc.oneof(
      fc.constant(['viewer', 'partner_reporter'] as Role[]),
      fc.subarray(ROLES_USED, { minLength: 1 }),
    ),
    assurance: often('mfa' as const, 'password' as const, 'pki' as const),
    peer: often(false, true),
    user: fc.constantFrom(...USER_IDS),
  })
  .map((r) => ({
    kind: r.peer ? ('peer' as const) : ('user' as const),
    id: r.user,
    orgId: `org-${r.nationality.toLowerCase()}-mod`,
    orgCode: `${r.nationality}-MOD`,
    partner: r.nationality !== HOME,
    nationality: r.nationality,
    memberships: membershipsOf(r.nationality),
    clearances:
      r.level === undefined
        ? {}
        : { HUB: { level: r.level, compartments: r.compartments, expiresOn: r.expiresOn } },
    communities: [
      ...(r.goodCommunities ? GOOD_COMMUNITIES : []),
      ...r.communities.map(({ to, ...c }) => (to === undefined ? c : { ...c, to })),
    ],
    roles: r.roles,
    assurance: r.assurance,
  }));

export const ctxArb: fc.Arbitrary<DecisionContext> = fc
  .record({
    ceiling: often('HUB-SECRET', ...LEVELS),
    kind: fc.constantFrom(
      'stix_object' as const,
      'engagement' as const,
      'value' as const,
      'partner_note' as const,
    ),
    communityId: fc.constantFrom(...COMMUNITIES),
    partyOrgIds: fc.oneof(fc.constant(ORG_IDS), fc.subarray(ORG_IDS)),
    tlp: fc.option(
      fc.record({
        orgIds: fc.subarray(ORG_IDS),
        clientOrgIds: fc.subarray(ORG_IDS),
        userIds: fc.subarray(USER_IDS),
      }),
      { nil: undefined, freq: 2 },
    ),
  })
  .map((r) => ({
    now: NOW,
    registry: REGISTRY,
    environmentCeiling: { HUB: r.ceiling },
    resource: {
      kind: r.kind,
      communityId: r.communityId,
      ownerOrgId: 'org-xhn-mod',
      originatorOrgId: 'org-xhn-mod',
      partyOrgIds: r.partyOrgIds,
      ...(r.tlp === undefined ? {} : { tlpRecipients: r.tlp }),
    },
  }));

/** Additions to a subject that must never turn a permit into a deny. */
export const additionArb = fc.oneof(
  fc.record({ kind: fc.constant('clearance' as const), level: fc.constantFrom(...LEVELS) }),
  fc.record({ kind: fc.constant('compartment' as const), code: fc.constantFrom(...COMPARTMENTS) }),
  fc.record({ kind: fc.constant('membership' as const), code: fc.constantFrom(...GROUPS) }),
  fc.record({ kind: fc.constant('community' as const), code: fc.constantFrom(...COMMUNITIES) }),
);

/** Applies one addition: raise/extend the clearance, add a compartment, a current membership or a current community. */
export function add(s: Subject, a: Addition): Subject {
  const held = s.clearances.HUB;
  switch (a.kind) {
    case 'clearance': {
      const level = held && rankOf(held.level) > rankOf(a.level) ? held.level : a.level;
      const expiresOn = held && held.expiresOn > '2030-01-01' ? held.expiresOn : '2030-01-01';
      return {
        ...s,
        clearances: { ...s.clearances, HUB: { level, compartments: held?.compartments ?? [], expiresOn } },
      };
    }
    case 'compartment':
      return held
        ? {
            ...s,
            clearances: { ...s.clearances, HUB: { ...held, compartments: [...held.compartments, a.code] } },
          }
        : s;
    case 'membership':
      return { ...s, memberships: [...s.memberships, { org: a.code, status: 'member', from: '2000-01-01' }] };
    case 'community':
      return { ...s, communities: [...s.communities, { id: a.code, role: 'member', from: '2000-01-01' }] };
  }
}

/** A subject, a label and a context; mostly "aligned" (the label names one of the subject's tokens, its org is a party). */
export const scenarioArb = fc
  .record({ s: subjectArb, l: labelArb, ctx: ctxArb, align: often(true, false), pick: fc.nat() })
  .map(({ s, l, ctx, align, pick }) => {
    if (!align) return { s, l, ctx };
    const groups = s.memberships.filter((m) => m.status === 'member' && m.to === undefined).map((m) => m.org);
    const tokens = [s.nationality, `ORG:${s.orgCode}`, ...groups];
    const label = { ...l, releasableTo: [...l.releasableTo, tokens[pick % tokens.length]!] };
    const resource = { ...ctx.resource, partyOrgIds: [...ctx.resource.partyOrgIds, s.orgId] };
    return { s, l: label, ctx: { ...ctx, resource } };
  });

/** Choices that change a label in any direction: each field is kept or replaced by a random value. */
export const perturbArb = fc.record({
  mask: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  level: fc.constantFrom(...LEVELS),
  restrictive: fc.subarray(COMPARTMENTS),
  handling: fc.subarray(CAVEATS),
  releasableTo: fc.subarray(REL_UNIVERSE, { minLength: 1, maxLength: 5 }),
  tlp: fc.constantFrom(...TLP_ORDER),
});
export type Perturb = typeof perturbArb extends fc.Arbitrary<infer T> ? T : never;

/** Applies `perturbArb` choices. */
export function perturb(l: Label, p: Perturb): Label {
  const [lv, r, h, rel, t] = p.mask;
  const out: Label = {
    policy: l.policy,
    level: lv ? p.level : l.level,
    restrictive: r ? p.restrictive : l.restrictive,
    releasableTo: rel ? [...l.releasableTo.slice(0, 1), ...p.releasableTo] : l.releasableTo,
    handling: h ? p.handling : l.handling,
  };
  const tlp = t ? p.tlp : l.tlp;
  if (tlp !== undefined) out.tlp = tlp;
  return out;
}

export const ALL_TLPS = TLP_ORDER;
