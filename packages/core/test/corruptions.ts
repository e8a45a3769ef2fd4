/** Known-permit cases and the corruptions that must turn each of them into a deny (ACCESS.md §9.4). */
import { HUB_POLICY } from '../src/index';
import type { Action, DecisionContext, Label, PolicyDef, Subject } from '../src/index';
import { A, F, K, L, REGISTRY, S, ctx } from './fixtures';

export interface Case {
  s: unknown;
  a: unknown;
  l: unknown;
  ctx: unknown;
}

const officer: Subject = { ...A, roles: ['analyst', 'releasing_officer'] };
const base = (s: Subject, a: Action, l: Label, c: DecisionContext): Case => ({ s, a, l, ctx: c });

/** Cases that decide() permits before corruption. */
export const PERMITS: Case[] = [
  base(A, 'read', L('HS//CT//REL XHN,USA'), ctx()),
  base(S, 'read', L('HR//REL XHN,ECOWAS'), ctx()),
  base(K, 'sync_out', L('HR//REL XHN,AU'), ctx({ linkCeiling: { HUB: 'HUB-RESTRICTED' } })),
  base(
    A,
    'share',
    L('HR//orcon//REL XHN,FRA,SEN'),
    ctx({ recipient: F }, { originatorOrgId: S.orgId, consents: [{ recipientOrgId: F.orgId }] }),
  ),
  base(
    officer,
    'relabel',
    L('HR//REL XHN'),
    ctx({ secondApproverId: 'user-b' }, { currentLabel: L('HS//REL XHN') }),
  ),
  base(A, 'create', L('HO//REL XHN'), ctx({}, { sourcesLabel: L('HO//REL XHN,FRA') })),
  base(A, 'export', L('HC//CT//REL XHN'), ctx()),
];

const thrower = new Proxy(
  {},
  {
    get: () => {
      throw new Error('boom');
    },
    ownKeys: () => {
      throw new Error('boom');
    },
  },
);
const isPlain = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof Date);
const clone = <T>(x: T): T => structuredClone(x);
type Ctx = DecisionContext & Record<string, unknown>;
type S = Subject & Record<string, unknown>;
type Lb = Label & Record<string, unknown>;
/** Applies `f` to a copy of a part of the case when that part is still a plain object (earlier steps may have replaced it). */
function guarded<T>(
  part: unknown,
  copy: (x: never) => T,
  f: (x: T) => unknown,
): { ok: boolean; value: unknown } {
  if (!isPlain(part)) return { ok: false, value: part };
  try {
    return { ok: true, value: f(copy(part as never)) };
  } catch {
    return { ok: false, value: part };
  }
}
const withS = (c: Case, f: (s: S) => unknown): Case => ({
  ...c,
  s: guarded(c.s, (x: S) => clone(x), f).value,
});
const withL = (c: Case, f: (l: Lb) => unknown): Case => ({
  ...c,
  l: guarded(c.l, (x: Lb) => clone(x), f).value,
});
const withCtx = (c: Case, f: (x: Ctx) => unknown): Case => ({
  ...c,
  ctx: guarded(
    c.ctx,
    (x: Ctx) => ({ ...x, resource: isPlain(x.resource) ? { ...x.resource } : x.resource }) as Ctx,
    f,
  ).value,
});
const clr = (s: Subject) => {
  const c = isPlain(s.clearances) ? Object.values(s.clearances)[0] : undefined;
  if (!isPlain(c)) throw new Error('no clearance to corrupt');
  return c;
};
const set = <T extends object>(o: T, k: string, v: unknown) => Object.assign(o, { [k]: v });

const badPolicy: PolicyDef = {
  ...HUB_POLICY,
  levels: HUB_POLICY.levels.map((l) => ({ ...l, rank: Number.NaN })),
};
const fakeRegistry = { ...REGISTRY, policy: () => badPolicy, rank: () => Number.NaN };

/** Each corruption makes a case invalid, unknown, expired or missing; `v` picks a variant. */
export const CORRUPTIONS: Record<string, (c: Case, v: number) => Case> = {
  subjectNotObject: (c, v) => ({ ...c, s: [null, undefined, 42, 'A', [], thrower][v % 6] }),
  subjectMissingField: (c, v) =>
    withS(c, (s) => {
      const k = Object.keys(s)[v % Object.keys(s).length]!;
      delete s[k];
      return s;
    }),
  nationality: (c, v) => withS(c, (s) => set(s, 'nationality', ['', 'xhn', 'XH', 'XHNN', 42, null][v % 6])),
  unknownRole: (c) => withS(c, (s) => set(s, 'roles', [...s.roles, 'superuser'])),
  unknownMembershipStatus: (c) =>
    withS(c, (s) =>
      set(s, 'memberships', [...s.memberships, { org: 'NATO', status: 'founder', from: '2000-01-01' }]),
    ),
  clearanceLevel: (c, v) =>
    withS(c, (s) => set(clr(s), 'level', ['HUB-TOP', '', Number.NaN, null][v % 4]) && s),
  clearanceCompartment: (c) =>
    withS(c, (s) => set(clr(s), 'compartments', [...clr(s).compartments, 'ZZZ']) && s),
  clearanceExpiry: (c, v) =>
    withS(
      c,
      (s) =>
        set(clr(s), 'expiresOn', ['not-a-date', '2025-02-30', '2020-01-01', '2025-06-01', 20270101][v % 5]) &&
        s,
    ),
  noClearance: (c) => withS(c, (s) => set(s, 'clearances', {})),
  assurance: (c, v) => withS(c, (s) => set(s, 'assurance', ['none', 'MFA', undefined][v % 3])),
  subjectKind: (c) => withS(c, (s) => set(s, 'kind', 'robot')),
  communityDates: (c, v) =>
    withS(c, (s) =>
      set(s, 'communities', [
        {
          id: 'ct-fusion',
          role: 'member',
          from: ['yesterday', '2024-01-01'][v % 2],
          to: ['2025-13-01', '2025-01-01'][v % 2],
        },
      ]),
    ),
  subjectId: (c) => withS(c, (s) => set(s, 'id', '')),
  labelNotObject: (c, v) => ({ ...c, l: [null, undefined, {}, 'HUB-SECRET', [], 7, thrower][v % 7] }),
  labelLevel: (c, v) => withL(c, (l) => set(l, 'level', ['HUB-TOP', Number.NaN, '', 'HS'][v % 4])),
  labelPolicy: (c, v) => withL(c, (l) => set(l, 'policy', ['XNAT', undefined, 3][v % 3])),
  labelReleasableTo: (c, v) =>
    withL(c, (l) => set(l, 'releasableTo', [[], [42], 'XHN', ['ORG:'], ['XHN', 'ATLANTIS-PACT']][v % 5])),
  labelCompartment: (c) => withL(c, (l) => set(l, 'restrictive', [...l.restrictive, 'ZZZ'])),
  labelCaveat: (c, v) => withL(c, (l) => set(l, 'handling', [...l.handling, ['burn', 'ORCON!'][v % 2]])),
  labelTlp: (c, v) => withL(c, (l) => set(l, 'tlp', ['white', 'AMBER+STRICT', 5][v % 3])),
  action: (c, v) => ({ ...c, a: ['destroy', '', undefined, 'READ', null][v % 5] }),
  contextNotObject: (c, v) => ({ ...c, ctx: [null, undefined, {}, thrower][v % 4] }),
  now: (c, v) =>
    withCtx(c, (x) =>
      set(
        x,
        'now',
        ['yesterday', '2025-13-01T00:00:00Z', new Date(), Number.NaN, '2025-06-01T12:00:00+02:00', undefined][
          v % 6
        ],
      ),
    ),
  registry: (c, v) =>
    withCtx(c, (x) =>
      set(x, 'registry', [{ ...REGISTRY }, fakeRegistry, undefined, null, Object.create(REGISTRY)][v % 5]),
    ),
  environmentCeiling: (c, v) =>
    withCtx(c, (x) =>
      set(
        x,
        'environmentCeiling',
        [{}, { HUB: 'HUB-TOP' }, { HUB: Number.NaN }, undefined, 'HUB-SECRET'][v % 5],
      ),
    ),
  resource: (c, v) =>
    withCtx(c, (x) =>
      v % 2 ? set(x, 'resource', undefined) : set(x, 'resource', { ...x.resource, kind: 'spaceship' }),
    ),
  resourceFields: (c, v) =>
    withCtx(c, (x) =>
      set(x, 'resource', {
        ...x.resource,
        ...[
          { partyOrgIds: 'x' },
          { communityId: '' },
          { originatorOrgId: undefined },
          { tlpRecipients: { orgIds: 'all' } },
        ][v % 4],
      }),
    ),
  resourceLabels: (c, v) =>
    withCtx(c, (x) =>
      set(x, 'resource', {
        ...x.resource,
        [['sourcesLabel', 'currentLabel', 'communityFloor', 'communityCeiling'][v % 4]!]: {
          ...L('HO//REL XHN'),
          level: 'HUB-TOP',
        },
      }),
    ),
  linkCeiling: (c) => withCtx(c, (x) => set(x, 'linkCeiling', { HUB: 'HUB-TOP' })),
  recipient: (c, v) =>
    withCtx(c, (x) =>
      set(x, 'recipient', [{ ...F, nationality: undefined }, { ...F, roles: ['god'] }, 'F'][v % 3]),
    ),
  community: (c) => withCtx(c, (x) => set(x, 'resource', { ...x.resource, communityId: 'elsewhere' })),
};

/** PolicyDef corruptions that `createRegistry` must refuse. */
export const POLICY_CORRUPTIONS: ((p: PolicyDef) => unknown)[] = [
  (p) => ({ ...p, levels: p.levels.map((l, i) => (i === 1 ? { ...l, rank: Number.NaN } : l)) }),
  (p) => ({ ...p, levels: p.levels.map((l, i) => (i === 2 ? { ...l, rank: Number.POSITIVE_INFINITY } : l)) }),
  (p) => ({ ...p, levels: p.levels.map((l, i) => (i === 0 ? { ...l, rank: -1 } : l)) }),
  (p) => ({ ...p, levels: p.levels.map((l, i) => (i === 3 ? { ...l, rank: 1.5 } : l)) }),
  (p) => ({ ...p, levels: p.levels.map((l) => ({ ...l, rank: 0 })) }),
  (p) => ({ ...p, levels: [...p.levels, p.levels[0]] }),
  (p) => ({ ...p, levels: [] }),
  (p) => ({ ...p, mfaFromLevel: 'HUB-TOP' }),
  (p) => ({ ...p, compartments: [1] }),
  (p) => ({ ...p, compartments: ['ct'] }),
  (p) => ({ ...p, handling: [{ code: 'orcon', effect: 'burn' }] }),
  (p) => ({ ...p, groups: ['NATO', 'NATO'] }),
  (p) => ({ ...p, id: '' }),
  (p) => ({ ...p, levels: undefined }),
  (p) => ({ ...p, equivalences: [{ toPolicy: 'NATO', map: { 'HUB-SECRET': 5 } }] }),
];
