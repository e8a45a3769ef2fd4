/** The configuration's initiative significance threshold: default, a configured value, a bad one. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('ENTENTE_SIGNIFICANT_COST', () => {
  it('defaults to 1000000 EUR', () => {
    expect(loadConfig({}).significantCost).toEqual({ amount: '1000000', currency: 'EUR' });
  });

  it('takes an amount and a currency', () => {
    expect(loadConfig({ ENTENTE_SIGNIFICANT_COST: '250000 USD' }).significantCost).toEqual({
      amount: '250000',
      currency: 'USD',
    });
  });

  it('stops with the variable named when it is not an amount and a currency', () => {
    expect(() => loadConfig({ ENTENTE_SIGNIFICANT_COST: 'a lot' })).toThrow(
      /Invalid configuration:\n {2}ENTENTE_SIGNIFICANT_COST: /,
    );
  });
});
