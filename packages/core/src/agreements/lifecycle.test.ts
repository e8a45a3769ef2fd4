import { describe, expect, it } from 'vitest';
import {
  AGREEMENT_STATUSES,
  AGREEMENT_TRANSITIONS,
  canTransitionAgreement,
  planAgreementTransition,
} from './lifecycle';
import { DomainError } from '../shared/errors';

const base = { status: 'draft', signedOn: null, inForceFrom: null, expiresOn: null };
const TODAY = '2026-11-29';

describe('agreement lifecycle', () => {
  it('lists exactly the transitions of DOMAIN.md §2.2', () => {
    const pairs = AGREEMENT_STATUSES.flatMap((f) => AGREEMENT_TRANSITIONS[f].map((t) => `${f}→${t}`));
    expect(pairs.sort()).toEqual(
      [
        'draft→negotiating',
        'negotiating→signed',
        'signed→in_force',
        'in_force→suspended',
        'suspended→in_force',
        'in_force→expired',
        'in_force→terminated',
        'suspended→expired',
        'suspended→terminated',
      ].sort(),
    );
    expect(canTransitionAgreement('expired', 'in_force')).toBe(false);
    expect(canTransitionAgreement('bogus', 'in_force')).toBe(false);
  });

  it('refuses an unlisted transition with the named error invalid_transition', () => {
    const err = (() => {
      try {
        planAgreementTransition(base, { to: 'in_force' }, TODAY);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('invalid_transition');
  });

  it('records the signature and in-force dates, defaulting sensibly', () => {
    expect(
      planAgreementTransition({ ...base, status: 'negotiating' }, { to: 'signed' }, TODAY).signedOn,
    ).toBe(TODAY);
    const p = planAgreementTransition(
      { ...base, status: 'signed', signedOn: '2026-01-10' },
      { to: 'in_force' },
      TODAY,
    );
    expect(p).toMatchObject({
      from: 'signed',
      to: 'in_force',
      signedOn: '2026-01-10',
      inForceFrom: '2026-01-10',
      reason: null,
    });
    expect(() =>
      planAgreementTransition(
        { ...base, status: 'signed', signedOn: '2026-01-10' },
        { to: 'in_force', inForceFrom: '2025-12-01' },
        TODAY,
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'guard_failed',
        fields: [expect.objectContaining({ path: 'inForceFrom' })],
      }),
    );
    expect(() =>
      planAgreementTransition(
        { ...base, status: 'negotiating' },
        { to: 'signed', signedOn: '2027-01-01' },
        TODAY,
      ),
    ).toThrow(/future/);
  });

  it('needs a reason to suspend, resume and terminate', () => {
    const inForce = { ...base, status: 'in_force', inForceFrom: '2020-01-01' };
    expect(() => planAgreementTransition(inForce, { to: 'suspended' }, TODAY)).toThrow(
      expect.objectContaining({ code: 'guard_failed' }),
    );
    expect(() => planAgreementTransition(inForce, { to: 'suspended', reason: '   ' }, TODAY)).toThrow(
      /reason/,
    );
    expect(planAgreementTransition(inForce, { to: 'suspended', reason: 'coup' }, TODAY).reason).toBe('coup');
    expect(() =>
      planAgreementTransition({ ...inForce, status: 'suspended' }, { to: 'in_force' }, TODAY),
    ).toThrow(/resuming/);
    expect(() => planAgreementTransition(inForce, { to: 'terminated' }, TODAY)).toThrow(/terminating/);
  });

  it('expires only once the expiry date has passed', () => {
    const inForce = { ...base, status: 'in_force', inForceFrom: '2020-01-01' };
    expect(() =>
      planAgreementTransition({ ...inForce, expiresOn: '2027-01-01' }, { to: 'expired' }, TODAY),
    ).toThrow(/terminate it instead/);
    expect(() => planAgreementTransition(inForce, { to: 'expired' }, TODAY)).toThrow(/no expiry/);
    expect(planAgreementTransition({ ...inForce, expiresOn: TODAY }, { to: 'expired' }, TODAY).to).toBe(
      'expired',
    );
  });
});
