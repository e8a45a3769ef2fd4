import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { iso31662 } from 'iso-3166';
import { describe, expect, it } from 'vitest';
import {
  admin1AliasRows,
  admin1Code,
  admin1Key,
  countryXwalkRows,
  gleditschWardToAlpha3,
  gtdCountry,
  isKnownAlpha3,
  isNonIsoCountry,
  isoNumericToAlpha3,
  MAPPING_VERSION,
  parseDmsPosition,
} from '../src/index';
import gtdTable from '../mappings/country-gtd.json' with { type: 'json' };

describe('degrees-minutes-seconds', () => {
  const ok = (s: string) => {
    const r = parseDmsPosition(s);
    if (!r.ok) throw new Error(r.message);
    return [r.lat, r.lon];
  };
  it('accepts the notations of §1.5', () => {
    expect(ok(`46°37'50.89"N\n31°35'01.64"E`)).toEqual([
      46 + 37 / 60 + 50.89 / 3600,
      31 + 35 / 60 + 1.64 / 3600,
    ]);
    expect(ok(`46º37′50″N 31˚35′01″E`)).toEqual([46 + 37 / 60 + 50 / 3600, 31 + 35 / 60 + 1 / 3600]);
    expect(ok(`46°37'50''N, 31°35'01''W`)).toEqual([46 + 37 / 60 + 50 / 3600, -(31 + 35 / 60 + 1 / 3600)]);
    expect(ok(`S 12°30.5'\r\n   E 045°10'`)).toEqual([-(12 + 30.5 / 60), 45 + 10 / 60]);
    expect(ok(`31°35'E 46°37'N`)).toEqual([46 + 37 / 60, 31 + 35 / 60]); // either order
    expect(ok(`12°N 45°E`)).toEqual([12, 45]);
    expect(ok(`12 ° 30 ' 15 " s\n45 ° W`)).toEqual([-(12 + 30 / 60 + 15 / 3600), -45]);
  });
  it('rejects minutes or seconds ≥ 60 and out-of-range coordinates', () => {
    expect(parseDmsPosition(`46°60'00"N 31°00'E`)).toMatchObject({ ok: false, code: 'E_COORD_RANGE' });
    expect(parseDmsPosition(`46°10'60"N 31°00'E`)).toMatchObject({ ok: false, code: 'E_COORD_RANGE' });
    expect(parseDmsPosition(`91°00'N 31°00'E`)).toMatchObject({ ok: false, code: 'E_COORD_RANGE' });
    expect(parseDmsPosition(`10°00'N 181°00'E`)).toMatchObject({ ok: false, code: 'E_COORD_RANGE' });
  });
  it('rejects unreadable text', () => {
    for (const s of [
      '',
      'somewhere off Lagos',
      `46°37'N`,
      `46°37'N 31°35'N`,
      `46°37'N 31°35'E extra`,
      `N46°37'S`,
      `46°37'50.89"X 31°E`,
    ]) {
      expect(parseDmsPosition(s)).toMatchObject({ ok: false, code: 'E_COORD_PARSE' });
    }
  });
});

const RESOLVED = 167;

describe('country crosswalk', () => {
  it('maps ISO numeric with padding and alpha-3 directly', () => {
    expect(isoNumericToAlpha3('4')).toBe('AFG');
    expect(isoNumericToAlpha3('004')).toBe('AFG');
    expect(isoNumericToAlpha3('706')).toBe('SOM');
    expect(isoNumericToAlpha3('140')).toBe('CAF');
    expect(isoNumericToAlpha3('999')).toBeNull();
    expect(isKnownAlpha3('TWN')).toBe(true);
    expect(isKnownAlpha3('XXX')).toBe(false);
  });
  it('bounds Gleditsch–Ward entries in time', () => {
    expect(gleditschWardToAlpha3('482', '2014-09-15')).toBe('CAF');
    expect(gleditschWardToAlpha3('625', '2010-01-01')).toBe('SDN');
    expect(gleditschWardToAlpha3('626', '2011-07-08')).toBeNull();
    expect(gleditschWardToAlpha3('626', '2011-07-09')).toBe('SSD');
    expect(gleditschWardToAlpha3('680', '1989-12-31')).toBe('YMD');
    expect(gleditschWardToAlpha3('680', '1990-05-22')).toBeNull();
    expect(gleditschWardToAlpha3('678', '1995-01-01')).toBe('YEM');
    expect(gleditschWardToAlpha3('365', '1990-01-01')).toBe('SUN');
    expect(gleditschWardToAlpha3('365', '1995-01-01')).toBe('RUS');
    expect(gleditschWardToAlpha3('345', '1991-06-01')).toBe('YUG');
    expect(gleditschWardToAlpha3('345', '2004-01-01')).toBe('SCG');
    expect(gleditschWardToAlpha3('345', '2010-01-01')).toBe('SRB');
    expect(gleditschWardToAlpha3('347', '2010-01-01')).toBe('XKX');
    expect(gleditschWardToAlpha3('520', '2010-01-01')).toBe('SOM');
    expect(gleditschWardToAlpha3('432', '2010-01-01')).toBe('MLI');
    expect(gleditschWardToAlpha3('9999', '2010-01-01')).toBeNull();
  });
  it('flags Kosovo as non-ISO', () => {
    expect(isNonIsoCountry('XKX')).toBe(true);
    expect(isNonIsoCountry('SRB')).toBe(false);
    expect(gtdCountry('1003')).toEqual({ iso3: 'XKX', name: 'Kosovo' });
  });
  it('GTD table agrees with i18n-iso-countries wherever the GTD name resolves', () => {
    countries.registerLocale(en);
    const disagreements = gtdTable.entries
      .map((e) => ({ ...e, lib: countries.getAlpha3Code(e.name, 'en') }))
      .filter((e) => e.lib !== undefined && e.lib !== e.iso3 && !isNonIsoCountry(e.iso3));
    expect(disagreements).toEqual([]);
    // 167 of the 187 names resolve in i18n-iso-countries; the rest are GTD spellings or historical states.
    expect(gtdTable.entries.filter((e) => countries.getAlpha3Code(e.name, 'en') === e.iso3)).toHaveLength(
      RESOLVED,
    );
    expect(gtdTable.entries.length).toBe(187);
  });
  it('exports crosswalk rows for country_code_xwalk', () => {
    const rows = countryXwalkRows();
    expect(rows).toContainEqual({
      system: 'iso_numeric',
      code: '004',
      iso3: 'AFG',
      validFrom: null,
      validTo: null,
      note: null,
    });
    expect(rows.filter((r) => r.system === 'gleditsch_ward' && r.code === '626')).toEqual([
      {
        system: 'gleditsch_ward',
        code: '626',
        iso3: 'SSD',
        validFrom: '2011-07-09',
        validTo: null,
        note: null,
      },
    ]);
  });
});

describe('admin-1 aliases', () => {
  it('normalises per §1.4', () => {
    expect(admin1Key('Ouaka province')).toBe('ouaka');
    expect(admin1Key("Ombella-M'Poko")).toBe('ombellampoko');
    expect(admin1Key('Mambéré-Kadéï Prefecture')).toBe('mamberekadei');
    expect(admin1Key('Banadir Region')).toBe('banadir');
  });
  it('maps the explicit CAR aliases of §1.4', () => {
    const expected: Record<string, string> = {
      'Ouaka province': 'CF-UK',
      Ouham: 'CF-AC',
      "Ombella-M'Poko": 'CF-MP',
      Kémo: 'CF-KG',
      'Nana-Grébizi': 'CF-KB',
      'Mambéré-Kadéi': 'CF-HS',
      'Sangha-Mbaéré': 'CF-SE',
      Bangui: 'CF-BGF',
    };
    for (const [name, code] of Object.entries(expected)) expect(admin1Code('CAF', name)).toBe(code);
    expect(admin1Code('CAF', 'Nowhere province')).toBeNull();
    const codes = new Set(iso31662.map((s) => s.code));
    expect(admin1AliasRows().every((r) => codes.has(r.iso3166_2))).toBe(true);
  });
});

describe('mappings', () => {
  it('carry one mapping version', () => {
    expect(MAPPING_VERSION).toBe(1);
  });
});

describe('content hash', () => {
  it('equals SHA-256 of the canonical JSON for awkward values', async () => {
    const { RawHasher, canonicalJson, sha256Hex } = await import('../src/hash');
    const headers = ['b', 'a', 'é', 'A', 'z'];
    const values = [
      'quote " and \\ back',
      'line\nbreak\ttab\u0001',
      'lone \ud800 surrogate',
      'emoji 😀 \u2028',
      '',
    ];
    const { raw, contentHash } = new RawHasher(headers).build(values);
    expect(Object.keys(raw)).toEqual(['A', 'a', 'b', 'z', 'é']);
    expect(contentHash).toBe(sha256Hex(canonicalJson(raw)));
    expect(canonicalJson(raw)).toBe(JSON.stringify(raw));
  });
});
