import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex, type CollectedParse } from '../src/index';
import { countBy, CRIME_AT_SEA, flagged, parseFile } from './helpers';

// Pinned from ../shared/testdata/piracy/crime-at-sea/pirate_attacks.csv (7,511 records on 8,681
// physical lines: some quoted descriptions contain line breaks). Cross-checked with Python's
// csv module: same record count, same start lines (sum of start lines 28,905,738).
describe('Crime at Sea', () => {
  let p: CollectedParse;
  beforeAll(async () => {
    p = await parseFile(CRIME_AT_SEA);
  }, 60_000);

  it('reads 7,511 incidents with no rejection', () => {
    expect(p.format?.id).toBe('crime_at_sea_csv');
    expect(p.records).toHaveLength(7511);
    expect(p.rejections).toEqual([]);
    expect(p.summary).toMatchObject({ read: 7511, accepted: 7511, rejected: 0, refused: false, bom: false });
  });

  it('counts true physical start lines across multi-line quoted fields', () => {
    expect(p.records[0]!.line).toBe(2);
    expect(p.records.at(-1)!.line).toBe(8680);
    expect(p.records.reduce((a, r) => a + r.line!, 0)).toBe(28_905_738);
  });

  it('keeps the two source series', () => {
    expect(p.summary.sourceSeries).toEqual({ mappingpiracy: 6338, imb: 1173 });
  });

  it('merges Boarded and Boarding and maps every attack type', () => {
    const boarded = p.records.filter((r) => r.eventSubtype === 'piracy_boarded');
    expect(boarded).toHaveLength(3421 + 1367);
    expect(countBy(boarded, (r) => r.sourceType!)).toEqual({ Boarded: 3421, Boarding: 1367 });
    expect(p.summary.eventTypes).toEqual({
      'piracy/piracy_boarded': 4788,
      'piracy/piracy_attempted': 1999,
      'piracy/piracy_hijacked': 511,
      'piracy/piracy_unspecified': 120,
      'piracy/piracy_fired_upon': 73,
      'piracy/piracy_suspicious': 16,
      'explosion_remote/explosion_other': 3,
      'other_maritime/maritime_detention': 1,
    });
    expect(p.summary.unmappedLabels).toEqual([]);
  });

  it('flags 20 exact duplicate rows and keeps them', () => {
    const dups = flagged(p.records, 'W_EXACT_DUPLICATE_ROW');
    expect(dups).toHaveLength(20);
    expect(p.summary.warningsByCode.W_EXACT_DUPLICATE_ROW).toBe(20);
    // every duplicate repeats the content of an earlier, unflagged row
    const firstSeen = new Set(p.records.filter((r) => !dups.includes(r)).map((r) => r.contentHash));
    expect(dups.every((d) => firstSeen.has(d.contentHash))).toBe(true);
  });

  it('derives source_event_id = sha256(date|lon|lat|vessel|type)[0:16] + #k', () => {
    const r = p.records[0]!;
    const tuple = `${r.raw.date}|${r.raw.longitude}|${r.raw.latitude}|${r.raw.vessel_name}|${r.raw.attack_type}`;
    expect(r.sourceEventId).toBe(`${sha256Hex(tuple).slice(0, 16)}#1`);
    expect(new Set(p.records.map((x) => x.sourceEventId)).size).toBe(7511);
    // identical tuples: 18 pairs, one group of 4 and one of 6 → 26 records with k ≥ 2
    expect(
      countBy(
        p.records.filter((x) => !x.sourceEventId.endsWith('#1')),
        (x) => x.sourceEventId.split('#')[1]!,
      ),
    ).toEqual({
      '2': 20,
      '3': 2,
      '4': 2,
      '5': 1,
      '6': 1,
    });
  });

  it('takes the country from the EEZ, else the nearest country (flagged)', () => {
    expect(p.summary.warningsByCode.W_COUNTRY_FROM_NEAREST).toBe(277);
    expect(p.records.filter((r) => r.countryIso3 === null)).toHaveLength(18);
    const r = p.records[0]!;
    expect([r.countryIso3, r.attributes.eez_country, r.attributes.nearest_country]).toEqual([
      'TWN',
      'TWN',
      'CHN',
    ]);
  });

  it('sets loc_level 3 for whole-degree positions', () => {
    expect(flagged(p.records, 'W_WHOLE_DEGREE_POSITION')).toHaveLength(10);
    expect(p.summary.locLevel).toEqual({ '1': 7501, '3': 10 });
    expect(p.summary.datePrecision).toMatchObject({ day: 7511 });
  });

  it('treats NA as null, normalises vessel_status case, keeps raw verbatim and hashes it canonically', () => {
    const r = p.records[0]!;
    expect(r.sourceType).toBeNull();
    expect(r.raw.attack_type).toBe('NA');
    expect(r.attributes.time).toBeNull();
    expect(new Set(p.records.map((x) => x.attributes.vessel_status))).not.toContain('steaming');
    expect(r.contentHash).toBe(sha256Hex(canonicalJson(r.raw)));
    expect(r.mappingVersion).toBe(1);
  });
});
