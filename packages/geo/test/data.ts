// Test data read in place from ../shared/testdata (never copied into the repository) and world-atlas.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FeatureCollection } from 'geojson';
import Papa from 'papaparse';
import type { Topology } from 'topojson-specification';

/** `/work/shared/testdata/` resolved from the repository root (packages/geo/test → ../../../). */
export const TESTDATA = new URL('../../../../shared/testdata/', import.meta.url);

export function readMarine(): FeatureCollection {
  return JSON.parse(
    readFileSync(new URL('geo/ne_10m_geography_marine_polys.json', TESTDATA), 'utf8'),
  ) as FeatureCollection;
}

export function readWorldAtlas(resolution: '10m' | '50m' | '110m' = '50m'): Topology {
  const path = createRequire(import.meta.url).resolve(`world-atlas/countries-${resolution}.json`);
  return JSON.parse(readFileSync(path, 'utf8')) as Topology;
}

export interface CrimeAtSeaRow {
  lon: number;
  lat: number;
  /** `eez_country`, else `nearest_country` (§1.5); null when both are NA. */
  countryIso3: string | null;
  nearest: string | null;
  eez: string | null;
  line: number;
}

export function readCrimeAtSea(): CrimeAtSeaRow[] {
  const text = readFileSync(new URL('piracy/crime-at-sea/pirate_attacks.csv', TESTDATA), 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const na = (v: string | undefined): string | null => (v === undefined || v === 'NA' || v === '' ? null : v);
  return parsed.data.map((r, i) => {
    const eez = na(r.eez_country);
    const nearest = na(r.nearest_country);
    return {
      lon: Number(r.longitude),
      lat: Number(r.latitude),
      countryIso3: eez ?? nearest,
      nearest,
      eez,
      line: i + 2,
    };
  });
}
