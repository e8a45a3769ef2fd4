import { describe, expect, it } from 'vitest';
import { checkObjectivePlacement } from '../src/strategy/objectives';

const tree = [
  { id: 'a', parentId: null, validFrom: '2010-01-01', validTo: '2030-12-31' },
  { id: 'b', parentId: 'a', validFrom: '2012-01-01', validTo: '2020-12-31' },
  { id: 'c', parentId: 'b', validFrom: '2013-01-01', validTo: '2019-12-31' },
];

describe('objective placement', () => {
  it('accepts a child inside its parent', () => {
    expect(checkObjectivePlacement({ id: 'n', parentId: 'b', validFrom: '2014-01-01', validTo: '2015-01-01' }, tree)).toEqual([]);
  });
  it('refuses a child that outlives or predates its parent', () => {
    const p = checkObjectivePlacement({ id: 'n', parentId: 'b', validFrom: '2011-01-01', validTo: null }, tree).map((x) => x.path);
    expect(p).toEqual(['validFrom', 'validTo']);
  });
  it('refuses a cycle', () => {
    expect(checkObjectivePlacement({ id: 'a', parentId: 'c', validFrom: '2014-01-01', validTo: '2015-01-01' }, tree)[0]?.message).toMatch(/cyclic/);
  });
  it('refuses an unknown parent', () => {
    expect(checkObjectivePlacement({ id: 'n', parentId: 'zz', validFrom: '2014-01-01', validTo: null }, tree)[0]?.path).toBe('parentId');
  });
});
