/** Labels: canonical form, ids, registry, validation, algebra examples and rendering (ACCESS.md §2, §6). */
import { describe, expect, it } from 'vitest';
import {
  ENTENTE_LABEL_NS,
  HUB_POLICY,
  InvalidLabel,
  LabelConflict,
  RegistryError,
  canonicalLabel,
  canonicalLabelJson,
  compress,
  createRegistry,
  dominates,
  expand,
  join,
  joinAll,
  labelId,
  renderBanner,
  renderPortion,
  renderTlp,
  uuidV5,
  validateLabel,
} from '../src/index';
import type { Label, PolicyDef } from '../src/index';
import { L, MEMBERSHIPS, REGISTRY, TODAY } from './fixtures';

const HOME_ONLY: Label = {
  policy: 'HUB',
  level: 'HUB-OFFICIAL',
  restrictive: [],
  releasableTo: ['XHN'],
  handling: [],
};
const PINNED_HOME_ONLY_ID = 'ead42d16-bec3-566b-b125-ce0a35ec7e56';

describe('canonical form and label ids', () => {
  it('upper-cases codes, lower-cases handling and tlp, sorts and de-duplicates, keeps empty arrays', () => {
    const messy = {
      policy: 'hub',
      level: 'hub-secret',
      restrictive: ['sources', 'CT', 'ct'],
      releasableTo: ['usa', 'XHN', 'nato', 'FRA', 'xhn', 'org:fra-mod'],
      handling: ['ORCON', 'no_export', 'orcon'],
      tlp: 'AMBER' as Label['tlp'],
    } as Label;
    expect(canonicalLabel(messy)).toEqual({
      policy: 'HUB',
      level: 'HUB-SECRET',
      restrictive: ['CT', 'SOURCES'],
      releasableTo: ['FRA', 'NATO', 'ORG:FRA-MOD', 'USA', 'XHN'],
      handling: ['no_export', 'orcon'],
      tlp: 'amber',
    });
    expect(canonicalLabel(HOME_ONLY)).toEqual(HOME_ONLY);
    expect('tlp' in canonicalLabel(HOME_ONLY)).toBe(false);
  });

  it('serialises with RFC 8785 (sorted keys, no whitespace)', () => {
    expect(canonicalLabelJson(HOME_ONLY)).toBe(
      '{"handling":[],"level":"HUB-OFFICIAL","policy":"HUB","releasableTo":["XHN"],"restrictive":[]}',
    );
  });

  it('computes RFC 4122 UUIDv5 (the RFC/Python test vector)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
    expect(ENTENTE_LABEL_NS).toBe('a6df9077-06d2-42e4-a192-e950e6f69e4d');
  });

  it('pins the id of HUB-OFFICIAL//REL XHN (same on every installation)', () => {
    expect(labelId(HOME_ONLY)).toBe(PINNED_HOME_ONLY_ID);
    expect(labelId(HOME_ONLY)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(labelId({ ...HOME_ONLY, releasableTo: ['xhn', 'XHN'] })).toBe(PINNED_HOME_ONLY_ID);
  });

  it('gives different ids to different content, including tlp', () => {
    expect(labelId(L('HO//REL XHN', 'clear'))).not.toBe(PINNED_HOME_ONLY_ID);
    expect(labelId(L('HR//REL XHN'))).not.toBe(PINNED_HOME_ONLY_ID);
  });
});

describe('registry', () => {
  it('loads the HUB policy from policies/hub.json', () => {
    expect(HUB_POLICY.levels.map((l) => [l.name, l.rank, l.portion])).toEqual([
      ['HUB-OFFICIAL', 0, 'HO'],
      ['HUB-RESTRICTED', 1, 'HR'],
      ['HUB-CONFIDENTIAL', 2, 'HC'],
      ['HUB-SECRET', 3, 'HS'],
    ]);
    expect(HUB_POLICY.mfaFromLevel).toBe('HUB-CONFIDENTIAL');
    expect(REGISTRY.rank('HUB', 'HUB-SECRET')).toBe(3);
    expect(REGISTRY.rank('HUB', 'HUB-TOP')).toBeUndefined();
  });

  it('answers membershipOn and membersOf by date', () => {
    expect(REGISTRY.membershipOn('ECOWAS', 'MLI', '2025-01-28')).toBe('member');
    expect(REGISTRY.membershipOn('ECOWAS', 'MLI', '2025-01-29')).toBeUndefined();
    expect(REGISTRY.membershipOn('ASEAN', 'AUS', TODAY)).toBe('partner');
    expect(REGISTRY.membersOf('ECOWAS', '2025-01-01')).toEqual(['MLI', 'NGA', 'SEN']);
    expect(REGISTRY.membersOf('ECOWAS', TODAY)).toEqual(['NGA', 'SEN']);
    expect(REGISTRY.membersOf('ASEAN', TODAY)).toEqual([]);
    expect(REGISTRY.membersOf('EU', '2019-01-01')).toContain('GBR');
    expect(REGISTRY.membersOf('EU')).toEqual(['FRA', 'XHN']); // no date: open-ended rows of the snapshot
  });

  it('is frozen', () => {
    expect(Object.isFrozen(REGISTRY)).toBe(true);
    expect(Object.isFrozen(REGISTRY.policy('HUB')!.levels[0])).toBe(true);
  });

  it('rejects invalid policies and memberships with RegistryError', () => {
    const bad = (p: Partial<PolicyDef>) => () =>
      createRegistry({ policies: [{ ...HUB_POLICY, ...p }], memberships: [], version: 'x' });
    expect(bad({ levels: [{ ...HUB_POLICY.levels[0]!, rank: Number.NaN }] })).toThrow(RegistryError);
    expect(bad({ mfaFromLevel: 'HUB-TOP' })).toThrow(RegistryError);
    expect(bad({ levels: [...HUB_POLICY.levels, { ...HUB_POLICY.levels[0]!, name: 'HUB-X' }] })).toThrow(
      /ranks must be unique/,
    );
    expect(() =>
      createRegistry({ policies: [HUB_POLICY, HUB_POLICY], memberships: [], version: 'x' }),
    ).toThrow(RegistryError);
    const overlapping = [MEMBERSHIPS[0]!, { ...MEMBERSHIPS[0]!, from: '2000-01-01' }];
    expect(() => createRegistry({ policies: [HUB_POLICY], memberships: overlapping, version: 'x' })).toThrow(
      /overlapping/,
    );
    expect(() => createRegistry({ policies: [HUB_POLICY], memberships: [], version: '' })).toThrow(
      RegistryError,
    );
  });
});

describe('validateLabel', () => {
  const codes = (x: unknown, opts = {}) => validateLabel(x, REGISTRY, opts).map((p) => p.code);
  it('accepts a valid label', () =>
    expect(codes(L('HS//CT//orcon//REL XHN,FRA,NATO,ORG:FRA-MOD'))).toEqual([]));
  it('reports each problem', () => {
    expect(codes({})).toEqual(['missing_policy', 'missing_level', 'malformed', 'malformed', 'malformed']);
    expect(codes(null)).toEqual(['not_an_object']);
    expect(codes({ ...L('HO//REL XHN'), policy: 'XNAT' })).toEqual(['unknown_policy']);
    expect(codes({ ...L('HO//REL XHN'), level: 'HUB-TOP' })).toEqual(['unknown_level']);
    expect(codes(L('HO//SIGINT//REL XHN'))).toEqual(['unknown_compartment']);
    expect(codes(L('HO//noforn//REL XHN'))).toEqual(['unknown_caveat']);
    expect(codes(L('HO//REL XHN,OSCE'))).toEqual(['unknown_group']);
    expect(codes({ ...L('HO//REL XHN'), releasableTo: [] })).toEqual(['empty_releasable_to']);
    expect(codes({ ...L('HO//REL XHN'), tlp: 'white' })).toEqual(['malformed']);
  });
  it("rejects a REL that omits the originator's nation (groups count through membership)", () => {
    expect(codes(L('HR//REL XHN'), { originatorIso3: 'SEN', on: TODAY })).toEqual([
      'originator_not_releasable',
    ]);
    expect(codes(L('HR//REL XHN,AU'), { originatorIso3: 'SEN', on: TODAY })).toEqual([]);
  });
});

describe('algebra examples', () => {
  it('expands groups to their members today and compresses them back', () => {
    expect(expand(['XHN', 'ECOWAS'], 'HUB', REGISTRY, TODAY)).toEqual(['ECOWAS', 'NGA', 'SEN', 'XHN']);
    expect(expand(['ECOWAS'], 'HUB', REGISTRY, '2025-01-01')).toContain('MLI');
    expect(compress(['ECOWAS', 'NGA', 'SEN', 'XHN'], 'HUB', REGISTRY, TODAY)).toEqual(['ECOWAS', 'XHN']);
    expect(compress(['NGA', 'SEN'], 'HUB', REGISTRY, TODAY)).toEqual(['NGA', 'SEN']); // never adds a group
  });

  it('joins to the higher level, the union of compartments and caveats, the common releasability and the stricter TLP', () => {
    const a = L('HR//CT//orcon//REL XHN,FRA,NATO', 'green');
    const b = L('HS//CYBER//REL XHN,FRA,SEN', 'amber');
    expect(join(a, b, REGISTRY, TODAY)).toEqual(L('HS//CT//CYBER//orcon//REL FRA,XHN', 'amber'));
    expect(join(L('HO//REL NATO'), L('HO//REL EU,USA'), REGISTRY, TODAY)).toEqual(L('HO//REL FRA,USA,XHN'));
    expect(join(L('HO//REL NATO,EU'), L('HO//REL XHN,NATO'), REGISTRY, TODAY)).toEqual(L('HO//REL NATO'));
  });

  it('throws LabelConflict unreleasable when nobody is left, and incompatible_policies across unrelated policies', () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const e1 = err(() => join(L('HO//REL FRA'), L('HO//REL SEN'), REGISTRY, TODAY));
    expect(e1).toBeInstanceOf(LabelConflict);
    expect((e1 as LabelConflict).reason).toBe('unreleasable');
    expect((e1 as LabelConflict).name).toBe('LabelConflict');
    const other: PolicyDef = { ...HUB_POLICY, id: 'XNAT', equivalences: [] };
    const reg = createRegistry({ policies: [HUB_POLICY, other], memberships: MEMBERSHIPS, version: '2' });
    const e2 = err(() => join(L('HO//REL XHN'), { ...L('HO//REL XHN'), policy: 'XNAT' }, reg, TODAY));
    expect((e2 as LabelConflict).reason).toBe('incompatible_policies');
    expect(() => join(L('HO//REL XHN'), { ...L('HO//REL XHN'), level: 'HUB-TOP' }, REGISTRY)).toThrow(
      InvalidLabel,
    );
    expect(() => joinAll([], REGISTRY)).toThrow(InvalidLabel);
  });

  it('uses registry equivalences for dominance and join, never rewriting the inputs', () => {
    const nato: PolicyDef = {
      id: 'NATO',
      version: '1',
      name: 'NATO',
      levels: ['NATO UNCLASSIFIED', 'NATO RESTRICTED', 'NATO CONFIDENTIAL', 'NATO SECRET'].map(
        (name, rank) => ({
          name,
          rank,
          banner: name,
          portion: name
            .split(' ')
            .map((w) => w[0])
            .join(''),
          colour: '#000000',
        }),
      ),
      compartments: [],
      handling: [],
      groups: ['NATO'],
      mfaFromLevel: 'NATO CONFIDENTIAL',
      equivalences: [
        { toPolicy: 'HUB', map: { 'NATO SECRET': 'HUB-SECRET', 'NATO RESTRICTED': 'HUB-RESTRICTED' } },
      ],
    };
    const reg = createRegistry({ policies: [HUB_POLICY, nato], memberships: MEMBERSHIPS, version: '3' });
    const ns: Label = {
      policy: 'NATO',
      level: 'NATO SECRET',
      restrictive: [],
      releasableTo: ['NATO'],
      handling: [],
    };
    const input = structuredClone(ns);
    expect(dominates(L('HS//REL XHN'), ns, reg, TODAY)).toBe(true);
    expect(dominates(L('HR//REL XHN'), ns, reg, TODAY)).toBe(false);
    expect(join(ns, L('HR//REL XHN,FRA'), reg, TODAY)).toEqual(L('HS//REL FRA,XHN'));
    expect(ns).toEqual(input);
  });
});

describe('rendering (ACCESS.md §6)', () => {
  const l = L('HS//CT//orcon//REL NATO,USA,FRA,XHN');
  it('renders the banner: level, compartments, caveats, REL TO with the home nation first and groups last', () => {
    expect(renderBanner(l, REGISTRY)).toBe('HUB SECRET//CT//ORCON//REL TO XHN, FRA, USA, NATO');
  });
  it('renders the portion mark', () => {
    expect(renderPortion(l, REGISTRY)).toBe('(HS//CT//ORCON//REL TO XHN, FRA, USA, NATO)');
  });
  it('orders compartments alphabetically and ORG: tokens after nations, before groups', () => {
    const m = L('HR//SOURCES//CT//no_export//orcon//REL EU,ORG:SEN-MOD,XHN,AU,SEN');
    expect(renderBanner(m, REGISTRY)).toBe(
      'HUB RESTRICTED//CT/SOURCES//ORCON/NO EXPORT//REL TO XHN, SEN, ORG:SEN-MOD, AU, EU',
    );
    expect(renderPortion(L('HO//REL XHN'), REGISTRY)).toBe('(HO//REL TO XHN)');
  });
  it('takes the home nation from the registry, not from code', () => {
    const reg = createRegistry({ policies: [HUB_POLICY], memberships: [], version: '1', homeNation: 'FRA' });
    expect(renderBanner(L('HO//REL XHN,FRA,NATO'), reg)).toBe('HUB OFFICIAL//REL TO FRA, XHN, NATO');
  });
  it('renders TLP as a separate chip', () => {
    expect(renderTlp(L('HO//REL XHN', 'amber_strict'))).toBe('TLP:AMBER+STRICT');
    expect(renderTlp(L('HO//REL XHN', 'clear'))).toBe('TLP:CLEAR');
    expect(renderTlp(L('HO//REL XHN'))).toBeUndefined();
    expect(renderBanner(L('HO//REL XHN', 'red'), REGISTRY)).toBe('HUB OFFICIAL//REL TO XHN');
  });
  it('refuses to render an invalid label', () => {
    expect(() => renderBanner({ ...l, level: 'HUB-TOP' }, REGISTRY)).toThrow(InvalidLabel);
  });
});
