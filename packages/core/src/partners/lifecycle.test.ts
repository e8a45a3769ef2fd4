import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors';
import { canTransitionPartner, partnerTransitionsFrom, planPartnerStatus } from './lifecycle';

describe('partner status (DOMAIN.md §2.2)', () => {
  it('lists exactly the transitions of DOMAIN.md', () => {
    expect(partnerTransitionsFrom('prospective')).toEqual(['active']);
    expect(partnerTransitionsFrom('active')).toEqual(['restricted', 'suspended']);
    expect(partnerTransitionsFrom('restricted')).toEqual(['active', 'suspended']);
    expect(partnerTransitionsFrom('suspended')).toEqual(['active', 'restricted']);
    expect(canTransitionPartner('prospective', 'suspended')).toBe(false);
    expect(canTransitionPartner('suspended', 'suspended')).toBe(false);
    expect(partnerTransitionsFrom('nonsense')).toEqual([]);
  });

  it('suspends and reinstates with a trimmed reason', () => {
    expect(planPartnerStatus('active', 'suspended', '  coup ')).toEqual({
      from: 'active',
      to: 'suspended',
      reason: 'coup',
      suspends: true,
      reinstates: false,
    });
    expect(planPartnerStatus('suspended', 'restricted', 'transition roadmap')).toMatchObject({
      suspends: false,
      reinstates: true,
    });
  });

  it('refuses an unlisted transition and a missing reason, with the field path', () => {
    expect(() => planPartnerStatus('suspended', 'suspended', 'again')).toThrow(
      expect.objectContaining({ code: 'invalid_transition' }),
    );
    try {
      planPartnerStatus('active', 'suspended', '   ');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('guard_failed');
      expect((e as DomainError).fields).toEqual([
        { path: 'reason', message: 'Give a reason for suspending the partner.' },
      ]);
    }
  });
});
