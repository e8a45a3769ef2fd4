/** Significance derived (DOMAIN.md §2.1) and the closing guard of invariant 6. */
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors';
import { assertInitiativeClosable, canCloseInitiative } from './initiative-closing';
import {
  DEFAULT_SIGNIFICANT_COST,
  centsOf,
  deriveSignificance,
  parseCostThreshold,
} from './initiative-significance';

const EUR = (amount: string) => ({ amount, currency: 'EUR' });

describe('initiative significance', () => {
  it('is routine without cost over the threshold, equipment or capacity building', () => {
    expect(deriveSignificance({ budget: null, covers: [] })).toEqual({
      significance: 'routine',
      reasons: [],
      notes: [],
    });
    expect(deriveSignificance({ budget: EUR('250000'), covers: [] }).significance).toBe('routine');
  });

  it.each([
    [
      'a cost over the threshold',
      { budget: EUR('1000000.01'), covers: [] },
      ['Costs 1000000.01 EUR, over the threshold of 1000000 EUR'],
    ],
    ['an equipment transfer', { budget: null, covers: ['equipment'] }, ['Transfers equipment']],
    ['unit training', { budget: null, covers: ['unit_training'] }, ['Builds capacity (unit training)']],
    ['infrastructure', { budget: null, covers: ['infrastructure'] }, ['Builds capacity (infrastructure)']],
    [
      'all of them, in that order',
      { budget: EUR('5000000'), covers: ['unit_training', 'equipment'] },
      [
        'Costs 5000000 EUR, over the threshold of 1000000 EUR',
        'Transfers equipment',
        'Builds capacity (unit training)',
      ],
    ],
  ])('is significant for %s, with the reason', (_name, input, reasons) => {
    const v = deriveSignificance(input);
    expect(v.significance).toBe('significant');
    expect(v.reasons).toEqual(reasons);
  });

  it('compares at the cent: exactly the threshold is not over it', () => {
    expect(deriveSignificance({ budget: EUR('1000000.00'), covers: [] }).significance).toBe('routine');
    expect(deriveSignificance({ budget: EUR('999999.99'), covers: [] }).significance).toBe('routine');
    expect(deriveSignificance({ budget: EUR('9'), covers: [] }, EUR('8.99')).significance).toBe(
      'significant',
    );
  });

  it('uses a configured threshold', () => {
    expect(deriveSignificance({ budget: EUR('300000'), covers: [] }, EUR('250000')).reasons).toEqual([
      'Costs 300000 EUR, over the threshold of 250000 EUR',
    ]);
  });

  it('does not convert a budget in another currency: it says so and does not count it', () => {
    const v = deriveSignificance({ budget: { amount: '9000000', currency: 'USD' }, covers: [] });
    expect(v.significance).toBe('routine');
    expect(v.notes).toEqual([
      'The budget (9000000 USD) is not compared with the threshold (1000000 EUR): no exchange rate between USD and EUR.',
    ]);
  });

  it('reads amounts exactly, in cents', () => {
    expect(centsOf('1250.5')).toBe(125050n);
    expect(centsOf('1250.05')).toBe(125005n);
    expect(centsOf('-3')).toBe(-300n);
    expect(centsOf('1.234')).toBeNull();
    expect(centsOf('abc')).toBeNull();
  });

  it('parses the configured threshold and refuses nonsense with the variable name', () => {
    expect(parseCostThreshold('250000 EUR')).toEqual(EUR('250000'));
    expect(parseCostThreshold('USD 2000000.50')).toEqual({ amount: '2000000.50', currency: 'USD' });
    expect(DEFAULT_SIGNIFICANT_COST).toEqual(EUR('1000000'));
    for (const bad of ['', '1000000', 'EUR', '1e6 EUR', '-5 EUR', '100 eur', '1 EUR extra']) {
      const e = (() => {
        try {
          parseCostThreshold(bad);
        } catch (err) {
          return err;
        }
        return null;
      })();
      expect(e, bad).toBeInstanceOf(DomainError);
      expect((e as DomainError).fields?.[0]?.path).toBe('ENTENTE_SIGNIFICANT_COST');
    }
  });
});

describe('closing a significant initiative (invariant 6)', () => {
  it('needs a stored evaluation', () => {
    expect(canCloseInitiative('significant', { evaluations: 0 })).toBe(false);
    expect(canCloseInitiative('significant', { evaluations: 1 })).toBe(true);
    expect(() => assertInitiativeClosable('significant', { evaluations: 1 })).not.toThrow();
  });

  it('is refused with 422 guard_failed and a field path', () => {
    try {
      assertInitiativeClosable('significant', { evaluations: 0 });
      expect.unreachable('closing was allowed');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('guard_failed');
      expect((e as DomainError).message).toMatch(
        /^A significant initiative cannot close without an evaluation/,
      );
      expect((e as DomainError).fields).toEqual([
        { path: 'evaluations', message: 'No stored evaluation of this initiative.' },
      ]);
    }
  });

  it('lets a routine initiative close without one', () => {
    expect(canCloseInitiative('routine', { evaluations: 0 })).toBe(true);
    expect(() => assertInitiativeClosable('routine', { evaluations: 0 })).not.toThrow();
  });
});
