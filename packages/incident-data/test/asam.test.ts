import { beforeAll, describe, expect, it } from 'vitest';
import type { CollectedParse } from '../src/index';
import { ASAM, fixture, flagged, parseFile } from './helpers';

// Pinned from ../shared/testdata/piracy/asam/Anti-Shipping_Activity_Messages.csv (ArcGIS export).
describe('NGA ASAM, ArcGIS export', () => {
  let p: CollectedParse;
  beforeAll(async () => {
    p = await parseFile(ASAM);
  }, 60_000);

  it('reads 8,185 incidents with no rejection', () => {
    expect(p.format?.id).toBe('nga_asam_arcgis_csv');
    expect(p.records).toHaveLength(8185);
    expect(p.rejections).toEqual([]);
    expect(new Set(p.records.map((r) => r.sourceEventId)).size).toBe(8185);
  });

  it('flags 489 reference-year mismatches; the occurrence date wins', () => {
    const mm = flagged(p.records, 'W_REF_YEAR_MISMATCH');
    expect(mm).toHaveLength(489);
    const r = p.records.find((x) => x.sourceEventId === '1990-1')!;
    expect([r.dateStart, r.line, r.qualityFlags]).toEqual([
      '1989-06-27',
      10,
      ['W_REF_YEAR_MISMATCH', 'W_WHOLE_DEGREE_POSITION'],
    ]);
  });

  it('pins the mapping result, the whole-degree positions and the unmapped labels', () => {
    expect(p.summary.warningsByCode).toEqual({
      W_WHOLE_DEGREE_POSITION: 227,
      W_TYPE_UNMAPPED: 573,
      W_REF_YEAR_MISMATCH: 489,
    });
    expect(p.summary.locLevel).toEqual({ '1': 7958, '3': 227 });
    expect(p.summary.eventTypes).toEqual({
      'piracy/piracy_boarded': 3782,
      'piracy/piracy_unspecified': 1142,
      'piracy/piracy_attempted': 813,
      'piracy/piracy_fired_upon': 735,
      'piracy/piracy_hijacked': 569,
      'piracy/piracy_suspicious': 537,
      'other_maritime/maritime_state_action': 34,
      'unknown/unknown': 573,
    });
    expect(p.summary.unmappedLabels.slice(0, 3)).toEqual([
      { label: '(empty)', count: 200 },
      { label: 'UNKNOWN', count: 40 },
      { label: 'SPEEDBOAT', count: 25 },
    ]);
    expect(p.records.filter((r) => r.attributes.subtype_method === 'keyword')).toHaveLength(5899);
  });

  it('derives code → label per batch as the modal normalised text', () => {
    const meta = p.summary.asamBatchMetadata!;
    expect(meta.hostilityTypes['1']).toEqual({ label: 'PIRATES', count: 7025, labelCount: 4995 });
    expect(meta.hostilityTypes['3']).toEqual({ label: 'SUSPICIOUS APPROACH', count: 573, labelCount: 427 });
    expect(meta.victimTypes['5']).toEqual({ label: 'MERCHANT VESSEL', count: 3027, labelCount: 2693 });
    expect(Object.keys(meta.hostilityTypes)).toEqual(['1', '2', '3', '4', '5', '6', '7', '9', '10']);
  });

  it('collapses padded descriptions for display and keeps raw intact', () => {
    const r = p.records[0]!;
    expect(r.raw.description).toContain('(145 FEET)    14 MILES');
    expect(r.attributes.description).toContain('(145 FEET) 14 MILES');
    expect([r.eventType, r.eventSubtype, r.sourceType]).toEqual([
      'other_maritime',
      'maritime_state_action',
      'CUBAN GUNBOAT',
    ]);
    expect(r.countryIso3).toBeNull();
  });
});

describe('NGA ASAM, MSI CSV (hand-written fixture)', () => {
  let p: CollectedParse;
  beforeAll(async () => {
    p = await parseFile(fixture('asam-msi.csv'));
  });

  it('strips the BOM, detects the MSI layout and reads multi-line DMS positions', () => {
    expect(p.format?.id).toBe('nga_asam_msi_csv');
    expect(p.summary.bom).toBe(true);
    expect(p.records.map((r) => [r.sourceEventId, r.line])).toEqual([
      ['2023-101', 2],
      ['2023-102', 4],
      ['2023-103', 6],
      ['2022-106', 10],
      ['2023-107', 12],
    ]);
    const [a, b, c, d, e] = p.records;
    expect([a!.lat, a!.lon]).toEqual([46 + 37 / 60 + 50.89 / 3600, 31 + 35 / 60 + 1.64 / 3600]);
    expect([b!.lat, b!.lon]).toEqual([3 + 12.5 / 60, 103.75]); // hemisphere first, decimal minutes
    expect([c!.lat, c!.lon]).toEqual([-(12 + 30 / 60 + 15 / 3600), -(45 + 10 / 60)]); // º ′ ″ ˚ variants
    expect([d!.lat, d!.lon]).toEqual([4.25, 7 + 5 / 60]); // both on one line
    expect([e!.lat, e!.lon]).toEqual([5 + 20 / 60 + 10 / 3600, 3 + 5 / 60 + 30 / 3600]); // '' as seconds mark
  });

  it('rejects the malformed position with the line its record starts on', () => {
    expect(p.rejections).toHaveLength(1);
    expect(p.rejections[0]).toMatchObject({ line: 8, ordinal: 4, code: 'E_COORD_PARSE', field: 'position' });
    expect(p.rejections[0]!.rawExcerpt).toContain('2023-104');
  });

  it('maps hostility, keyword sub-types and reference-year mismatches', () => {
    expect(p.records.map((r) => r.eventSubtype)).toEqual([
      'piracy_boarded',
      'piracy_boarded',
      'piracy_suspicious',
      'maritime_state_action',
      'unknown',
    ]);
    expect(p.records[3]!.qualityFlags).toEqual(['W_REF_YEAR_MISMATCH']);
    expect(p.records[3]!.attributes.description).toBe(
      'A navy patrol detained the tug. Second line of the description.',
    );
    expect(p.summary.unmappedLabels).toEqual([{ label: 'GUNMEN', count: 1 }]);
  });
});

describe('NGA ASAM, MSI JSON', () => {
  it('maps the JSON form the same way (decimal first, DMS text when decimals are null)', async () => {
    const p = await parseFile(fixture('asam-msi.json'));
    expect(p.format?.id).toBe('nga_asam_msi_json');
    expect(p.rejections).toEqual([]);
    expect(p.records.map((r) => [r.sourceEventId, r.featureIndex, r.lat, r.lon, r.eventSubtype])).toEqual([
      ['2023-201', 0, 12.5, 45.25, 'piracy_hijacked'],
      ['2023-202', 1, 4.25, 7 + 5 / 60, 'piracy_suspicious'],
    ]);
    expect(p.records[0]!.raw.latitude).toBe('12.5');
    expect(p.records[1]!.raw.latitude).toBe('');
  });
});
