/** Shared fixtures for the access-control tests (ACCESS.md §3.1): registry, subjects A F C K S M, label shorthand. */
import { HUB_POLICY, createRegistry } from '../src/index';
import type { DecisionContext, DecisionResource, Label, MembershipRow, Subject } from '../src/index';

export const NOW = '2025-06-01T12:00:00Z';
export const TODAY = '2025-06-01';
export const HOME = 'XHN';

const row = (org: string, iso3: string, from: string, to?: string): MembershipRow =>
  to === undefined ? { org, iso3, status: 'member', from } : { org, iso3, status: 'member', from, to };

export const MEMBERSHIPS: MembershipRow[] = [
  ...['XHN', 'FRA', 'USA', 'CAN', 'GBR'].map((c) => row('NATO', c, '1949-04-04')),
  ...['XHN', 'FRA'].map((c) => row('EU', c, '1993-11-01')),
  row('EU', 'GBR', '1993-11-01', '2020-01-31'),
  ...['XHN', 'FRA', 'USA', 'CAN', 'GBR', 'AUS', 'SEN', 'KEN', 'MLI', 'NGA'].map((c) =>
    row('UN', c, '1945-10-24'),
  ),
  ...['SEN', 'KEN', 'NGA'].map((c) => row('AU', c, '2002-07-09')),
  ...['SEN', 'NGA'].map((c) => row('ECOWAS', c, '1975-05-28')),
  row('ECOWAS', 'MLI', '1975-05-28', '2025-01-29'),
  { org: 'ASEAN', iso3: 'AUS', status: 'partner', from: '1974-01-01' },
];

export const REGISTRY = createRegistry({
  policies: [HUB_POLICY],
  memberships: MEMBERSHIPS,
  version: 'test-1',
  homeNation: HOME,
});

const LEVEL_BY_PORTION = new Map(HUB_POLICY.levels.map((l) => [l.portion, l.name] as const));

/** `L('HS//CT//orcon//REL XHN,FRA')`: level portion, compartments (upper case), caveats (lower case), REL list. */
export function L(spec: string, tlp?: Label['tlp']): Label {
  const parts = spec.split('//');
  const level = LEVEL_BY_PORTION.get(parts[0]!) ?? parts[0]!;
  const rel = parts.find((p) => p.startsWith('REL '));
  const middle = parts.slice(1).filter((p) => !p.startsWith('REL '));
  const label: Label = {
    policy: 'HUB',
    level,
    restrictive: middle.filter((p) => p === p.toUpperCase()),
    releasableTo: rel === undefined ? [HOME] : rel.slice(4).split(','),
    handling: middle.filter((p) => p !== p.toUpperCase()),
  };
  if (tlp !== undefined) label.tlp = tlp;
  return label;
}

/** The subject's dated memberships, copied from the registry snapshot (as the API does). */
export const membershipsOf = (iso3: string): Subject['memberships'] =>
  MEMBERSHIPS.filter((m) => m.iso3 === iso3).map(({ org, status, from, to }) =>
    to === undefined ? { org, status, from } : { org, status, from, to },
  );

const CT_FUSION = [{ id: 'ct-fusion', role: 'member' as const, from: '2024-01-01' }];

function subject(code: string, iso3: string, over: Partial<Subject> & Pick<Subject, 'clearances'>): Subject {
  return {
    kind: 'user',
    id: `user-${code.toLowerCase()}`,
    orgId: `org-${iso3.toLowerCase()}-mod`,
    orgCode: `${iso3}-MOD`,
    partner: iso3 !== HOME,
    nationality: iso3,
    memberships: membershipsOf(iso3),
    communities: CT_FUSION,
    roles: iso3 === HOME ? ['analyst'] : ['partner_reporter'],
    assurance: 'mfa',
    ...over,
  };
}

const clr = (level: string, compartments: string[] = [], expiresOn = '2027-01-01') => ({
  HUB: { level, compartments, expiresOn },
});

export const A = subject('A', 'XHN', { clearances: clr('HUB-SECRET', ['CT']) });
export const F = subject('F', 'FRA', { clearances: clr('HUB-CONFIDENTIAL') });
export const C = subject('C', 'CAN', { clearances: clr('HUB-SECRET') });
export const K = subject('K', 'KEN', {
  kind: 'peer',
  orgId: 'org-ken-hub',
  orgCode: 'KEN-HUB',
  clearances: clr('HUB-RESTRICTED'),
  roles: ['peer'],
  assurance: 'pki',
});
export const S = subject('S', 'SEN', { clearances: clr('HUB-RESTRICTED') });
export const M = subject('M', 'MLI', { clearances: clr('HUB-RESTRICTED') });

export const ALL_SUBJECTS = [A, F, C, K, S, M];

export const FLOOR = L('HO//REL UN');
export const CEILING = L('HS//CT//CYBER//SOURCES//orcon//no_export//REL XHN', 'red');

export const RESOURCE: DecisionResource = {
  kind: 'stix_object',
  communityId: 'ct-fusion',
  ownerOrgId: A.orgId,
  originatorOrgId: A.orgId,
  partyOrgIds: ALL_SUBJECTS.map((s) => s.orgId),
  communityFloor: FLOOR,
  communityCeiling: CEILING,
};

/** The default context of the table; `resource` fields merge into RESOURCE. */
export function ctx(
  over: Partial<Omit<DecisionContext, 'resource'>> = {},
  resource: Partial<DecisionResource> = {},
): DecisionContext {
  return {
    now: NOW,
    registry: REGISTRY,
    environmentCeiling: { HUB: 'HUB-SECRET' },
    ...over,
    resource: { ...RESOURCE, ...resource },
  };
}
