import { beforeAll, describe, expect, it } from 'vitest';
import type { CollectedParse, IncidentRecord } from '../src/index';
import { countBy, flagged, GED_CAR, parseFile, parseText, readBytes } from './helpers';

// Pinned from ../shared/testdata/conflict/ucdp-ged-car/GEDEvent_v23_1.geojson (GED 23.1, CAR).
describe('UCDP GED, GeoJSON (CAR)', () => {
  let p: CollectedParse;
  beforeAll(async () => {
    p = await parseFile(GED_CAR);
  }, 60_000);

  it('reads 1,848 incidents, all CAF, and records the dataset version', () => {
    expect(p.format?.id).toBe('ucdp_ged_geojson');
    expect(p.records).toHaveLength(1848);
    expect(p.rejections).toEqual([]);
    expect(new Set(p.records.map((r) => r.countryIso3))).toEqual(new Set(['CAF']));
    expect(p.summary.datasetVersion).toBe('23.1');
    expect(p.records[0]!.featureIndex).toBe(0);
    expect(p.records[0]!.line).toBeNull();
  });

  it('maps every named province to ISO 3166-2', () => {
    const named = p.records.filter((r) => r.admin1Name !== null);
    expect(named).toHaveLength(1806);
    expect(named.every((r) => r.admin1Code !== null && r.admin1Code.startsWith('CF-'))).toBe(true);
    expect(p.summary.unmappedAdmin1).toEqual([]);
    expect(countBy(named, (r) => r.admin1Code!)).toEqual({
      'CF-UK': 302,
      'CF-BGF': 221,
      'CF-AC': 197,
      'CF-OP': 182,
      'CF-HK': 149,
      'CF-HM': 123,
      'CF-BK': 92,
      'CF-KB': 92,
      'CF-MB': 90,
      'CF-NM': 72,
      'CF-MP': 71,
      'CF-HS': 53,
      'CF-VK': 52,
      'CF-KG': 39,
      'CF-BB': 33,
      'CF-LB': 30,
      'CF-SE': 8,
    });
    const ouaka = p.records.find((r) => r.admin1Name === 'Ouaka province')!;
    expect(ouaka.admin1Code).toBe('CF-UK');
  });

  it('pins the precision breakdown (source code and date span, coarser wins)', () => {
    expect(p.summary.datePrecision).toEqual({ day: 1367, week: 275, month: 139, year: 67, unknown: 0 });
    expect(p.summary.locLevel).toEqual({ '1': 1214, '2': 374, '3': 149, '4': 82, '5': 29 });
  });

  it('stores fatalities as given and flags the 20 rows that break low ≤ best ≤ high', () => {
    const bad = flagged(p.records, 'W_FATALITIES_ORDER');
    expect(bad).toHaveLength(20);
    for (const r of bad) {
      expect(r.fatalitiesLow! <= r.fatalitiesBest! && r.fatalitiesBest! <= r.fatalitiesHigh!).toBe(false);
      expect([r.fatalitiesBest, r.fatalitiesLow, r.fatalitiesHigh]).toEqual([
        +r.raw.best!,
        +r.raw.low!,
        +r.raw.high!,
      ]);
    }
    expect(p.summary.warningsByCode).toEqual({ W_FATALITIES_ORDER: 20 });
  });

  it('maps type_of_violence and actors', () => {
    expect(p.summary.eventTypes).toEqual({
      'attack_on_civilians/one_sided': 1076,
      'armed_clash/state_based': 401,
      'armed_clash/non_state': 371,
    });
    expect(p.records[0]!.actors).toEqual([
      { name: 'Government of Uganda', role: 'side_a', kind: 'state' },
      { name: 'LRA', role: 'side_b' },
    ]);
    expect(p.records[0]!.raw.relid).toBe('0'); // numeric in GeoJSON, kept as its text
  });

  it('reads the same events from the 49-column CSV layout', async () => {
    const fc = JSON.parse(readBytes(GED_CAR).toString('utf8')) as {
      features: { properties: Record<string, unknown>; geometry: { coordinates: [number, number] } }[];
    };
    const feats = fc.features.slice(0, 60);
    const keys = Object.keys(feats[0]!.properties);
    const header = [...keys.slice(0, 29), 'latitude', 'longitude', 'geom_wkt', ...keys.slice(29)];
    const q = (v: unknown): string => {
      const s = String(v ?? '');
      return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    const lines = feats.map((f) => {
      const [lon, lat] = f.geometry.coordinates;
      const props = {
        ...f.properties,
        latitude: lat,
        longitude: lon,
        geom_wkt: `POINT (${lon} ${lat})`,
      } as Record<string, unknown>;
      props.date_start = String(props.date_start).replace('T', ' ') + '.000';
      props.date_end = String(props.date_end).replace('T', ' ') + '.000';
      return header.map((h) => q(props[h])).join(',');
    });
    const csv = await parseText(`${header.join(',')}\n${lines.join('\n')}\n`);
    expect(csv.format?.id).toBe('ucdp_ged_csv');
    expect(csv.rejections).toEqual([]);
    const strip = ({ raw: _r, contentHash: _h, line: _l, featureIndex: _f, ...rest }: IncidentRecord) => rest;
    expect(csv.records.map(strip)).toEqual(p.records.slice(0, 60).map(strip));
  });
});
