/** Property-based tests of ACCESS.md §9 (1–5). fast-check prints the seed and the counterexample on failure. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HUB_POLICY,
  LabelConflict,
  RegistryError,
  createRegistry,
  currentCommunityIds,
  decide,
  dominates,
  join,
  labelId,
  labelLevelPermits,
  permittedLabelIds,
} from '../src/index';
import type { Action, Decision, DecisionContext, Label, PolicyDef, Subject } from '../src/index';
import { CORRUPTIONS, PERMITS, POLICY_CORRUPTIONS } from './corruptions';
import { A, L, REGISTRY, TODAY, ctx } from './fixtures';
import {
  ALL_TLPS,
  add,
  additionArb,
  labelArb,
  lower,
  lowerArb,
  perturb,
  perturbArb,
  rankOf,
  scenarioArb,
} from './arbitraries';

const RUNS = { numRuns: 1000 };

/** The outcome of a join: the canonical label or the conflict reason. */
function outcome(f: () => Label): { label: Label } | { conflict: string } {
  try {
    return { label: f() };
  } catch (e) {
    if (e instanceof LabelConflict) return { conflict: e.reason };
    throw e;
  }
}
const j = (a: Label, b: Label) => join(a, b, REGISTRY, TODAY);
const dom = (a: Label, b: Label) => dominates(a, b, REGISTRY, TODAY);
const equivalent = (a: Label, b: Label) => dom(a, b) && dom(b, a);

describe('§9.1 join laws', () => {
  it('is commutative', () => {
    fc.assert(
      fc.property(labelArb, labelArb, (a, b) => {
        expect(outcome(() => j(a, b))).toEqual(outcome(() => j(b, a)));
      }),
      RUNS,
    );
  });

  it('is associative', () => {
    fc.assert(
      fc.property(labelArb, labelArb, labelArb, (a, b, c) => {
        expect(outcome(() => j(j(a, b), c))).toEqual(outcome(() => j(a, j(b, c))));
      }),
      RUNS,
    );
  });

  it('is idempotent: join(a, a) ≡ a, and exactly equal once in normal form', () => {
    fc.assert(
      fc.property(labelArb, (a) => {
        const n = j(a, a);
        expect(equivalent(n, a)).toBe(true);
        expect(j(n, n)).toEqual(n);
        expect(labelId(j(n, a))).toBe(labelId(n));
      }),
      RUNS,
    );
  });

  it('is an upper bound: join(a, b) ⊒ a and ⊒ b', () => {
    fc.assert(
      fc.property(labelArb, labelArb, (a, b) => {
        const r = outcome(() => j(a, b));
        if ('conflict' in r) return;
        expect(dom(r.label, a)).toBe(true);
        expect(dom(r.label, b)).toBe(true);
      }),
      RUNS,
    );
  });

  it('is the least upper bound: c ⊒ a and c ⊒ b imply c ⊒ join(a, b)', () => {
    fc.assert(
      fc.property(labelArb, lowerArb, lowerArb, labelArb, (c, la, lb, other) => {
        const a = lower(c, la);
        const b = lower(c, lb);
        expect(dom(c, a) && dom(c, b)).toBe(true);
        expect(dom(c, j(a, b))).toBe(true);
        // and for an unrelated candidate, whenever it happens to bound both
        const r = outcome(() => j(a, other));
        if ('label' in r && dom(c, other)) expect(dom(c, r.label)).toBe(true);
      }),
      RUNS,
    );
  });

  it('refuses a join with no common releasability with LabelConflict("unreleasable")', () => {
    fc.assert(
      fc.property(labelArb, labelArb, (a, b) => {
        const r = outcome(() => j(a, b));
        if ('conflict' in r) expect(r.conflict).toBe('unreleasable');
      }),
      RUNS,
    );
  });
});

describe('§9.2 read monotonicity', () => {
  it('a permit on l implies a permit on every l′ with l ⊒ l′ (same context)', () => {
    let permits = 0;
    fc.assert(
      fc.property(scenarioArb, lowerArb, ({ s, l, ctx }, choice) => {
        const lesser = lower(l, choice);
        expect(dom(l, lesser)).toBe(true);
        if (decide(s, 'read', l, ctx).effect !== 'permit') return;
        permits++;
        expect(decide(s, 'read', lesser, ctx)).toMatchObject({ effect: 'permit' });
      }),
      RUNS,
    );
    expect(permits).toBeGreaterThan(100);
  });

  it('dominance is sound for decide: whenever l ⊒ l′ holds (l′ changed in any direction), a permit on l implies one on l′', () => {
    let checked = 0;
    fc.assert(
      fc.property(scenarioArb, perturbArb, ({ s, l, ctx }, p) => {
        const other = perturb(l, p);
        if (!dom(l, other) || decide(s, 'read', l, ctx).effect !== 'permit') return;
        checked++;
        expect(decide(s, 'read', other, ctx)).toMatchObject({ effect: 'permit' });
      }),
      { numRuns: 3000 },
    );
    expect(checked).toBeGreaterThan(50);
  });

  it('TLP is monotone: a permit under a colour implies a permit under every laxer colour', () => {
    fc.assert(
      fc.property(scenarioArb, ({ s, l, ctx }) => {
        const effects = ALL_TLPS.map((tlp) => {
          const { tlp: _t, ...rest } = l;
          return decide(s, 'read', tlp === undefined ? rest : { ...rest, tlp }, ctx).effect;
        });
        const firstDeny = effects.indexOf('deny');
        if (firstDeny >= 0) expect(effects.slice(firstDeny).every((e) => e === 'deny')).toBe(true);
      }),
      RUNS,
    );
  });

  it('adding a clearance, compartment, membership or community never turns a permit into a deny', () => {
    let permits = 0;
    fc.assert(
      fc.property(
        scenarioArb,
        fc.array(additionArb, { minLength: 1, maxLength: 3 }),
        ({ s, l, ctx }, adds) => {
          if (decide(s, 'read', l, ctx).effect !== 'permit') return;
          permits++;
          const more = adds.reduce(add, s);
          expect(decide(more, 'read', l, ctx)).toMatchObject({ effect: 'permit' });
        },
      ),
      RUNS,
    );
    expect(permits).toBeGreaterThan(100);
  });
});

describe('§9.3 no permit without dominance', () => {
  it('every read permit has clearance ≥ level, compartments held, REL ∩ tokens ≠ ∅ and a current community', () => {
    let permits = 0;
    fc.assert(
      fc.property(scenarioArb, ({ s, l, ctx }) => {
        if (decide(s, 'read', l, ctx).effect !== 'permit') return;
        permits++;
        const c = s.clearances.HUB!;
        expect(c.expiresOn > TODAY).toBe(true);
        expect(rankOf(c.level)).toBeGreaterThanOrEqual(rankOf(l.level));
        expect(rankOf(ctx.environmentCeiling.HUB!)).toBeGreaterThanOrEqual(rankOf(l.level));
        expect(l.restrictive.every((x) => c.compartments.includes(x))).toBe(true);
        const current = (m: { from: string; to?: string }) =>
          m.from <= TODAY && (m.to === undefined || TODAY < m.to);
        const tokens = [
          s.nationality,
          `ORG:${s.orgCode}`,
          ...s.memberships.filter((m) => m.status === 'member' && current(m)).map((m) => m.org),
        ];
        expect(l.releasableTo.some((r) => tokens.includes(r))).toBe(true);
        expect(s.communities.some((m) => m.id === ctx.resource.communityId && current(m))).toBe(true);
        // The storage layer's parameters agree with decide().
        expect(permittedLabelIds(s, [{ id: labelId(l), label: l }], ctx)).toEqual([labelId(l)]);
        expect(currentCommunityIds(s, ctx.now)).toContain(ctx.resource.communityId);
      }),
      RUNS,
    );
    expect(permits).toBeGreaterThan(100);
  });
});

describe('§9.5 canonical ids', () => {
  it('permuting, duplicating or re-casing array elements never changes a labelId', () => {
    const shuffled = <T>(xs: T[]) => fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length });
    const variant = labelArb.chain((l) =>
      fc.tuple(
        fc.constant(l),
        fc.record({
          restrictive: shuffled(l.restrictive),
          releasableTo: shuffled(l.releasableTo),
          handling: shuffled(l.handling),
          dupRel: fc.subarray(l.releasableTo),
          dupHandling: fc.subarray(l.handling),
          lowerRel: fc.boolean(),
          keyOrder: fc.boolean(),
        }),
      ),
    );
    fc.assert(
      fc.property(variant, ([l, v]) => {
        const rel = [...v.releasableTo, ...v.dupRel].map((r) => (v.lowerRel ? r.toLowerCase() : r));
        const base = {
          restrictive: [...v.restrictive, ...v.restrictive],
          releasableTo: rel,
          handling: [...v.handling, ...v.dupHandling],
        };
        const other: Label = v.keyOrder
          ? { ...base, level: l.level, policy: l.policy }
          : { policy: l.policy, level: l.level, ...base };
        if (l.tlp !== undefined) other.tlp = l.tlp;
        expect(labelId(other)).toBe(labelId(l));
      }),
      RUNS,
    );
  });
});

describe('§9.4 fail closed', () => {
  const names = Object.keys(CORRUPTIONS);
  const corruptedArb = fc.record({
    base: fc.constantFrom(...PERMITS),
    steps: fc.array(fc.record({ name: fc.constantFrom(...names), variant: fc.nat(100) }), {
      minLength: 1,
      maxLength: 3,
    }),
  });

  it('every base case permits before corruption', () => {
    for (const c of PERMITS)
      expect(decide(c.s as Subject, c.a as Action, c.l as Label, c.ctx as DecisionContext).effect).toBe(
        'permit',
      );
  });

  it('corrupted subjects, labels, actions, contexts and registries always deny, and decide never throws', () => {
    fc.assert(
      fc.property(corruptedArb, ({ base, steps }) => {
        const c = steps.reduce((acc, st) => CORRUPTIONS[st.name]!(acc, st.variant), base);
        let d: Decision | undefined;
        expect(() => {
          d = decide(c.s as Subject, c.a as Action, c.l as Label, c.ctx as DecisionContext);
        }).not.toThrow();
        expect(d!.effect).toBe('deny');
        expect(d!.obligations).toEqual([]);
        // The storage-layer helpers fail closed too.
        const rows = [{ id: labelId(base.l as Label), label: c.l as Label }];
        expect(() => permittedLabelIds(c.s as Subject, rows, c.ctx as DecisionContext)).not.toThrow();
        expect(
          labelLevelPermits(c.s as Subject, 'read', c.l as Label, c.ctx as DecisionContext),
        ).toBeDefined();
      }),
      RUNS,
    );
  });

  it('createRegistry refuses corrupted policy definitions (NaN ranks, unknown codes, missing fields)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...POLICY_CORRUPTIONS), (corrupt) => {
        expect(() =>
          createRegistry({ policies: [corrupt(HUB_POLICY) as PolicyDef], memberships: [], version: 'x' }),
        ).toThrow(RegistryError);
      }),
      RUNS,
    );
  });

  it('label-level checks deny a forged or mismatched label row', () => {
    fc.assert(
      fc.property(labelArb, (l) => {
        const permissive = {
          ...A,
          clearances: {
            HUB: { level: 'HUB-SECRET', compartments: ['CT', 'CYBER', 'SOURCES'], expiresOn: '2030-01-01' },
          },
        };
        const ids = permittedLabelIds(permissive, [{ id: labelId(L('HO//REL XHN')), label: l }], ctx());
        if (labelId(l) !== labelId(L('HO//REL XHN'))) expect(ids).toEqual([]);
      }),
      RUNS,
    );
  });
});
