import { describe, expect, it } from 'vitest';
import { fixture, parseFile } from './helpers';

// ACLED and GTD fixtures are SYNTHETIC (their terms forbid redistributing rows): see fixtures/README.md.
describe('ACLED (synthetic fixture)', () => {
  it('maps types, precision, ISO numeric countries, admin-1 and actors', async () => {
    const p = await parseFile(fixture('acled.SYNTHETIC.csv'));
    expect(p.format?.id).toBe('acled_csv');
    expect(
      p.records.map((r) => [
        r.sourceEventId,
        r.dateStart,
        r.datePrecision,
        r.locLevel,
        r.countryIso3,
        r.admin1Code,
      ]),
    ).toEqual([
      ['SYN0001', '2023-03-15', 'day', 1, 'CAF', 'CF-UK'],
      ['SYN0002', '2023-03-16', 'week', 4, 'SOM', 'SO-BN'],
      ['SYN0003', '2023-04-01', 'month', 2, 'MLI', null],
    ]);
    expect(p.records.map((r) => `${r.eventType}/${r.eventSubtype}`)).toEqual([
      'armed_clash/armed_clash',
      'attack_on_civilians/abduction',
      'unrest/protest',
    ]);
    expect(p.records.map((r) => [r.fatalitiesBest, r.fatalitiesLow, r.fatalitiesHigh])).toEqual([
      [3, null, null],
      [0, null, null],
      [null, null, null],
    ]);
    expect(p.records[1]!.actors.map((a) => a.name)).toEqual([
      'Synthetic Actor A',
      'Synthetic Associate 1',
      'Synthetic Associate 2',
      'Civilians (Synthetic)',
    ]);
    expect(p.records[1]!.attributes.inter1).toBe('State forces');
    expect(p.records[2]!.qualityFlags).toEqual(['W_ADMIN1_UNMAPPED']);
    expect(p.summary.unmappedAdmin1).toEqual([{ label: 'MLI: Synthetic Region', count: 1 }]);
    expect(p.rejections).toEqual([
      expect.objectContaining({ line: 5, ordinal: 4, code: 'E_COUNTRY_UNKNOWN', field: 'iso' }),
    ]);
  });
});

describe('GTD (synthetic fixture)', () => {
  it('maps dates with unknown parts, countries, precision and attack types', async () => {
    const p = await parseFile(fixture('gtd.SYNTHETIC.csv'));
    expect(p.format?.id).toBe('gtd_csv');
    expect(
      p.records.map((r) => [
        r.sourceEventId,
        r.dateStart,
        r.dateEnd,
        r.datePrecision,
        r.locLevel,
        r.countryIso3,
      ]),
    ).toEqual([
      ['900000000001', '2015-06-10', '2015-06-10', 'day', 1, 'SOM'],
      ['900000000002', '2014-05-01', '2014-05-31', 'month', 3, 'XKX'],
      ['900000000003', '2016-01-01', '2016-12-31', 'year', 5, 'CAF'],
      ['900000000004', '2017-07-15', '2017-07-20', 'week', 1, 'AFG'],
    ]);
    expect(p.records.map((r) => r.eventSubtype)).toEqual([
      'terror_bombing',
      'terror_armed_assault',
      'terror_hostage_taking',
      'terror_assassination',
    ]);
    expect(p.records.map((r) => r.fatalitiesBest)).toEqual([2, null, 0, 1]);
    expect(p.records[1]!.attributes.country_non_iso).toBe(true);
    expect(p.records[0]!.actors).toEqual([
      { name: 'Synthetic Actor A', role: 'perpetrator' },
      { name: 'Synthetic Target', role: 'target' },
    ]);
    expect(p.records[0]!.attributes.success).toBe(true);
    expect(p.records[2]!.admin1Code).toBe('CF-UK');
    expect(p.rejections).toEqual([
      expect.objectContaining({ line: 6, ordinal: 5, code: 'E_COUNTRY_UNKNOWN', field: 'country' }),
    ]);
    expect(p.summary.gtdNameMismatches).toEqual([]);
  });
});
