/** Logic-model invariants (DOMAIN.md §2.1): an upward DAG, parents one level up, outcomes and impacts reach an objective. */
import { describe, expect, it } from 'vitest';
import { checkLogicModel, findCycle, type LogicModelNode } from './logic-model';

const n = (
  id: string,
  kind: LogicModelNode['kind'],
  parentIds: string[] = [],
  objectiveIds: string[] = [],
  extra: Partial<LogicModelNode> = {},
): LogicModelNode => ({
  id,
  kind,
  statement: `${kind} ${id}`,
  parentIds,
  objectiveIds,
  ...extra,
});

const good = [
  n('in', 'input', ['a1', 'a2']),
  n('a1', 'activity', ['o1']),
  n('a2', 'activity', ['o1']),
  n('o1', 'output', ['oc']),
  n('oc', 'outcome', ['im'], ['obj-1']),
  n('im', 'impact', [], ['obj-1']),
];

describe('checkLogicModel', () => {
  it('accepts an upward DAG from inputs to impact, and an empty model', () => {
    expect(checkLogicModel(good, new Set(['obj-1']))).toEqual([]);
    expect(checkLogicModel([])).toEqual([]);
  });

  it.each([
    [
      'a parent two levels up',
      [n('a', 'activity', ['oc']), n('oc', 'outcome', [], ['x'])],
      'logicModel.0.parentIds',
      /activity links upward to output nodes only/,
    ],
    [
      'a downward link',
      [n('o', 'output', ['a']), n('a', 'activity', [])],
      'logicModel.0.parentIds',
      /output links upward to outcome/,
    ],
    [
      'a link to the same level',
      [n('a', 'activity', ['b']), n('b', 'activity', [])],
      'logicModel.0.parentIds',
      /activity links upward/,
    ],
    [
      'an impact with a parent',
      [n('im', 'impact', ['im2'], ['x']), n('im2', 'impact', [], ['x'])],
      'logicModel.0.parentIds',
      /top of the model/,
    ],
    ['an unknown parent', [n('a', 'activity', ['nope'])], 'logicModel.0.parentIds', /unknown node nope/],
    ['a self link', [n('a', 'activity', ['a'])], 'logicModel.0.parentIds', /itself/],
    [
      'an outcome without an objective',
      [n('oc', 'outcome')],
      'logicModel.0.objectiveIds',
      /at least one objective/,
    ],
    [
      'an impact without an objective',
      [n('im', 'impact')],
      'logicModel.0.objectiveIds',
      /at least one objective/,
    ],
    ['a duplicate id', [n('a', 'activity'), n('a', 'input')], 'logicModel.1.id', /duplicate/],
    [
      'a blank statement',
      [n('a', 'activity', [], [], { statement: ' ' })],
      'logicModel.0.statement',
      /state/,
    ],
    [
      'indicators on an activity',
      [n('a', 'activity', [], [], { indicators: [{ title: 'x' }] })],
      'logicModel.0.indicators',
      /only output, outcome and impact/,
    ],
  ])('refuses %s with its field path', (_name, nodes, path, message) => {
    const p = checkLogicModel(nodes as LogicModelNode[]);
    expect(p.some((x) => x.path === path && message.test(x.message))).toBe(true);
  });

  it('refuses an objective the caller does not know (or may not see)', () => {
    expect(checkLogicModel(good, new Set(['other']))).toEqual([
      { path: 'logicModel.4.objectiveIds', message: 'unknown objective obj-1' },
      { path: 'logicModel.5.objectiveIds', message: 'unknown objective obj-1' },
    ]);
  });
});

describe('findCycle', () => {
  it('finds a cycle of parent links and none in a DAG', () => {
    expect(findCycle(good)).toBeNull();
    const cyclic = [n('a', 'activity', ['b']), n('b', 'output', ['c']), n('c', 'outcome', ['a'], ['x'])];
    expect(findCycle(cyclic)).not.toBeNull();
    expect(checkLogicModel(cyclic).some((p) => /cycle/.test(p.message))).toBe(true);
  });
});
