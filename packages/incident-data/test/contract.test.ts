import { describe, expect, it } from 'vitest';
import { remapRecord, type CollectedParse, type FormatId } from '../src/index';
import { ASAM, CRIME_AT_SEA, fixture, GED_CAR, parseFile, parseText, readBytes } from './helpers';

const MSI_HEADER = 'reference,date,position,navArea,subreg,hostility,victim,description';

describe('import contract (§1.6)', () => {
  it('rejects the same key with different content (E_KEY_CONFLICT) and flags an exact repeat', async () => {
    const row = `2023-301,2023-01-04,"10°30'N 20°15'E",III,24,Pirates,Tanker,"Boarded."`;
    const p = await parseText(`${MSI_HEADER}\n${row}\n${row}\n${row.replace('Boarded.', 'Hijacked.')}\n`);
    expect(p.records.map((r) => [r.line, r.qualityFlags])).toEqual([
      [2, []],
      [3, ['W_EXACT_DUPLICATE_ROW']],
    ]);
    expect(p.rejections).toEqual([expect.objectContaining({ line: 4, ordinal: 3, code: 'E_KEY_CONFLICT' })]);
  });

  it('rejects dates that do not exist and end dates before start dates', async () => {
    const geo = JSON.parse(readBytes(GED_CAR).toString('utf8')) as {
      features: { properties: Record<string, unknown> }[];
    };
    const [a, b] = geo.features;
    a!.properties.date_end = '2000-01-01T00:00:00';
    b!.properties.date_start = '2009-02-30T00:00:00';
    const p = await parseText(JSON.stringify({ type: 'FeatureCollection', features: [a, b] }));
    expect(p.rejections.map((r) => [r.featureIndex, r.ordinal, r.code, r.field])).toEqual([
      [0, 1, 'E_DATE_ORDER', 'date_end'],
      [1, 2, 'E_DATE_PARSE', 'date_start'],
    ]);
  });

  it('rejects an unknown Gleditsch–Ward code instead of a silent null', async () => {
    const geo = JSON.parse(readBytes(GED_CAR).toString('utf8')) as {
      features: { properties: Record<string, unknown> }[];
    };
    const f = geo.features[0]!;
    f.properties.country_id = 9999;
    const p = await parseText(JSON.stringify({ type: 'FeatureCollection', features: [f] }));
    expect(p.rejections).toEqual([
      expect.objectContaining({ featureIndex: 0, code: 'E_COUNTRY_UNKNOWN', field: 'country_id' }),
    ]);
  });
});

describe('re-mapping from raw (a new mapping version needs no file)', () => {
  const cases: [string, string, FormatId][] = [
    ['Crime at Sea', CRIME_AT_SEA, 'crime_at_sea_csv'],
    ['ASAM', ASAM, 'nga_asam_arcgis_csv'],
    ['GED GeoJSON', GED_CAR, 'ucdp_ged_geojson'],
    ['MSI CSV', fixture('asam-msi.csv'), 'nga_asam_msi_csv'],
  ];
  for (const [name, path, id] of cases) {
    it(`reproduces every ${name} record from its raw`, async () => {
      const p: CollectedParse = await parseFile(path);
      for (const r of p.records) expect(remapRecord(r, id)).toEqual(r);
    }, 60_000);
  }
});
