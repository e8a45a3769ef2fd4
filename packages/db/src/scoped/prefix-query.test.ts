import { describe, expect, it } from 'vitest';
import { prefixQuery } from './engagements';

describe('prefixQuery', () => {
  it('turns words and codes into an AND of prefix terms', () => {
    expect(prefixQuery('Maritime patrol')).toBe("'maritime':* & 'patrol':*");
    expect(prefixQuery('WA-INT-2024')).toBe("'wa-int-2024':*");
  });
  it('drops operators and quotes so user text cannot break the query', () => {
    expect(prefixQuery("a' | !b & (c)")).toBe("'a':* & 'b':* & 'c':*");
    expect(prefixQuery('  ')).toBeNull();
    expect(prefixQuery(undefined)).toBeNull();
  });
});
