/** The decision table of ACCESS.md §3.1, one test per row. */
import { describe, expect, it } from 'vitest';
import { decide } from '../src/index';
import type { Action, Decision, DecisionContext, Label, Reason, Subject } from '../src/index';
import { A, C, F, K, L, M, S, ctx } from './fixtures';

const ROW1 = L('HS//REL XHN,AUS,FRA,USA');
const ROW4 = L('HS//CT//REL XHN,USA');

function expectDeny(d: Decision, reason: Reason) {
  expect(d).toEqual({ effect: 'deny', reason, obligations: [] });
}
function expectPermit(d: Decision) {
  expect(d.effect).toBe('permit');
  expect(d.reason).toBe('ok');
  expect(d.obligations).toContain('audit');
}
const run = (s: Subject, a: Action, l: Label, c: DecisionContext = ctx()) => decide(s, a, l, c);

describe('ACCESS.md §3.1 decision table', () => {
  it('1: A reads HS//REL XHN,AUS,FRA,USA → permit', () => {
    const d = run(A, 'read', ROW1);
    expectPermit(d);
    expect(d.obligations).toEqual(['audit', 'audit_read', 'banner']);
  });

  it('2: F reads row 1 → deny level', () => expectDeny(run(F, 'read', ROW1), 'level'));

  it('3: C reads row 1 → deny releasability', () => expectDeny(run(C, 'read', ROW1), 'releasability'));

  it('4: A reads HS//CT//REL XHN,USA → permit', () => expectPermit(run(A, 'read', ROW4)));

  it('5: A reads HS//SOURCES//REL XHN → deny compartment', () =>
    expectDeny(run(A, 'read', L('HS//SOURCES//REL XHN')), 'compartment'));

  it('6: K sync_out HR//REL XHN,AU, link ceiling HR → permit + sign', () => {
    const d = run(K, 'sync_out', L('HR//REL XHN,AU'), ctx({ linkCeiling: { HUB: 'HUB-RESTRICTED' } }));
    expectPermit(d);
    expect(d.obligations).toContain('sign');
    expect(d.obligations).not.toContain('banner');
  });

  it('7: K sync_out HR//REL XHN,AU, link ceiling HO → deny link_ceiling', () =>
    expectDeny(
      run(K, 'sync_out', L('HR//REL XHN,AU'), ctx({ linkCeiling: { HUB: 'HUB-OFFICIAL' } })),
      'link_ceiling',
    ));

  it('8: K sync_out HC//REL XHN,AU, link ceiling HS → deny level', () =>
    expectDeny(
      run(K, 'sync_out', L('HC//REL XHN,AU'), ctx({ linkCeiling: { HUB: 'HUB-SECRET' } })),
      'level',
    ));

  it('9: S reads HR//REL XHN,ECOWAS → permit (via membership)', () =>
    expectPermit(run(S, 'read', L('HR//REL XHN,ECOWAS'))));

  it('10: S reads HR//REL XHN → deny releasability', () =>
    expectDeny(run(S, 'read', L('HR//REL XHN')), 'releasability'));

  it('11: M reads HR//REL XHN,ECOWAS → deny releasability (membership ended 2025-01-29)', () =>
    expectDeny(run(M, 'read', L('HR//REL XHN,ECOWAS')), 'releasability'));

  it("12: S reads HR//REL XHN,SEN where S's organisation is not a party → deny party_scope", () =>
    expectDeny(
      run(S, 'read', L('HR//REL XHN,SEN'), ctx({}, { partyOrgIds: [A.orgId, F.orgId] })),
      'party_scope',
    ));

  it('13: A reads a label of policy XNAT, not in the registry → deny unknown_policy', () =>
    expectDeny(run(A, 'read', { ...L('HO//REL XHN'), policy: 'XNAT' }), 'unknown_policy'));

  it('14: A reads {} (no label) → deny unlabelled', () => {
    expectDeny(run(A, 'read', {} as Label), 'unlabelled');
    expectDeny(run(A, 'read', null as unknown as Label), 'unlabelled');
  });

  it('15: A reads HO//REL XHN with TLP amber_strict for [FRA-MOD] → deny tlp', () =>
    expectDeny(
      run(A, 'read', L('HO//REL XHN', 'amber_strict'), ctx({}, { tlpRecipients: { orgIds: [F.orgId] } })),
      'tlp',
    ));

  it('16: A reads HO//REL XHN in community eu-mission, not a member → deny need_to_know', () =>
    expectDeny(run(A, 'read', L('HO//REL XHN'), ctx({}, { communityId: 'eu-mission' })), 'need_to_know'));

  it("17: as row 4, but A's ct-fusion membership ended on 2025-05-31 → deny need_to_know", () => {
    const ended: Subject = {
      ...A,
      communities: [{ id: 'ct-fusion', role: 'member', from: '2024-01-01', to: '2025-05-31' }],
    };
    expectDeny(run(ended, 'read', ROW4), 'need_to_know');
  });

  it('18: A on a password session reads HC//REL XHN → deny assurance', () =>
    expectDeny(run({ ...A, assurance: 'password' }, 'read', L('HC//REL XHN')), 'assurance'));

  it('19: A shares HR//orcon//REL XHN,FRA,SEN (SEN-originated) to F → deny originator_consent; permit once consent exists', () => {
    const label = L('HR//orcon//REL XHN,FRA,SEN');
    const resource = { originatorOrgId: S.orgId };
    expectDeny(run(A, 'share', label, ctx({ recipient: F }, resource)), 'originator_consent');
    const d = run(
      A,
      'share',
      label,
      ctx({ recipient: F }, { ...resource, consents: [{ recipientOrgId: F.orgId }] }),
    );
    expectPermit(d);
    expect(d.obligations).toContain('audit_read'); // orcon
  });

  it('20: A exports HR//no_export//REL XHN → deny caveat', () =>
    expectDeny(run(A, 'export', L('HR//no_export//REL XHN')), 'caveat'));

  it('21: A creates HO//REL XHN with sourcesLabel HS//REL XHN → deny write_down', () =>
    expectDeny(
      run(A, 'create', L('HO//REL XHN'), ctx({}, { sourcesLabel: L('HS//REL XHN') })),
      'write_down',
    ));

  it('22: A reads HS//REL XHN with environmentCeiling HC → deny env_ceiling', () =>
    expectDeny(
      run(A, 'read', L('HS//REL XHN'), ctx({ environmentCeiling: { HUB: 'HUB-CONFIDENTIAL' } })),
      'env_ceiling',
    ));

  it('23: A (also releasing_officer, originator) relabels HS → HR with no second approver → deny two_person', () => {
    const officer: Subject = { ...A, roles: ['analyst', 'releasing_officer'] };
    const c = ctx({}, { currentLabel: L('HS//REL XHN'), originatorOrgId: A.orgId });
    expectDeny(run(officer, 'relabel', L('HR//REL XHN'), c), 'two_person');
    expectDeny(
      run(officer, 'relabel', L('HR//REL XHN'), { ...c, secondApproverId: officer.id }),
      'two_person',
    );
    expectPermit(run(officer, 'relabel', L('HR//REL XHN'), { ...c, secondApproverId: 'user-b' }));
  });

  it("24: F reads HR//REL XHN,FRA with F's clearance expired on 2025-05-01 → deny clearance_expired", () => {
    const expired: Subject = {
      ...F,
      clearances: { HUB: { level: 'HUB-CONFIDENTIAL', compartments: [], expiresOn: '2025-05-01' } },
    };
    expectDeny(run(expired, 'read', L('HR//REL XHN,FRA')), 'clearance_expired');
  });

  it('25: level HUB-TOP, or a subject without nationality → deny invalid_input; nothing thrown', () => {
    for (const s of [A, F, C, K, S, M]) {
      expect(() => run(s, 'read', { ...L('HO//REL XHN'), level: 'HUB-TOP' })).not.toThrow();
      expectDeny(run(s, 'read', { ...L('HO//REL XHN'), level: 'HUB-TOP' }), 'invalid_input');
      const { nationality: _n, ...stateless } = s;
      expect(() => run(stateless as Subject, 'read', L('HO//REL XHN'))).not.toThrow();
      expectDeny(run(stateless as Subject, 'read', L('HO//REL XHN')), 'invalid_input');
    }
  });
});
