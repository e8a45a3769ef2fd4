/**
 * Crime at Sea (Benden et al. 2021), `pirate_attacks.csv` (§1.5). The literal `NA` means null.
 * The file has no event id, so the key is derived from the tuple
 * `date|longitude|latitude|vessel_name|attack_type` (raw text) plus `#k`, k = 1-based ordinal
 * among identical tuples in file order — stable across re-imports of the same file.
 */
import { checkRange, isWholeDegreePair, parseDecimal } from '../coords';
import { isKnownAlpha3, isNonIsoCountry } from '../countries';
import { parseIsoLikeDate } from '../dates';
import { sha256Hex } from '../hash';
import { columns, collapse, fail, type MapperFactory } from '../engine';
import { crimeAtSeaType, PRECISION, UNKNOWN } from '../taxonomy';
import type { AttributeValue, WarningCode } from '../types';

const NA = 'NA';
const nul = (v: string): string | null => (v === NA || v === '' ? null : v);

/** `steaming` → `Steaming`: the file mixes cases for the same status. */
function statusCase(v: string | null): string | null {
  return v === null ? null : v.charAt(0).toUpperCase() + v.slice(1).toLowerCase();
}

export const crimeAtSeaMapper: MapperFactory = ({ headers, summary }) => {
  const c = columns(headers, [
    'date',
    'time',
    'longitude',
    'latitude',
    'attack_type',
    'location_description',
    'nearest_country',
    'eez_country',
    'shore_distance',
    'shore_longitude',
    'shore_latitude',
    'attack_description',
    'vessel_name',
    'vessel_type',
    'vessel_status',
    'data_source',
  ]);
  const tupleCount = new Map<string, number>();

  return (v) => {
    const date = parseIsoLikeDate(v[c.date]!);
    if (!date) return fail('E_DATE_PARSE', 'date', `not an ISO date: "${v[c.date]}"`);
    const lon = parseDecimal(v[c.longitude]!);
    const lat = parseDecimal(v[c.latitude]!);
    if (lon === null) return fail('E_COORD_PARSE', 'longitude', `not a number: "${v[c.longitude]}"`);
    if (lat === null) return fail('E_COORD_PARSE', 'latitude', `not a number: "${v[c.latitude]}"`);
    const range = checkRange(lat, lon);
    if (!range.ok) return fail(range.code, 'latitude,longitude', range.message);

    const flags: WarningCode[] = [];
    const eez = nul(v[c.eez_country]!);
    const nearest = nul(v[c.nearest_country]!);
    let country: string | null = null;
    if (eez !== null) {
      if (!isKnownAlpha3(eez)) return fail('E_COUNTRY_UNKNOWN', 'eez_country', `unknown alpha-3 "${eez}"`);
      country = eez;
    } else if (nearest !== null) {
      if (!isKnownAlpha3(nearest))
        return fail('E_COUNTRY_UNKNOWN', 'nearest_country', `unknown alpha-3 "${nearest}"`);
      country = nearest;
      flags.push('W_COUNTRY_FROM_NEAREST');
    }

    let locLevel = PRECISION.pointDefault;
    if (isWholeDegreePair(lat, lon)) {
      locLevel = PRECISION.wholeDegree;
      flags.push('W_WHOLE_DEGREE_POSITION');
    }

    const attackRaw = v[c.attack_type]!;
    let type = crimeAtSeaType(attackRaw);
    if (!type) {
      type = UNKNOWN;
      flags.push('W_TYPE_UNMAPPED');
      summary.unmappedLabel(attackRaw);
    }

    const tuple = `${v[c.date]}|${v[c.longitude]}|${v[c.latitude]}|${v[c.vessel_name]}|${attackRaw}`;
    const h = sha256Hex(tuple).slice(0, 16);
    const k = (tupleCount.get(h) ?? 0) + 1;
    tupleCount.set(h, k);

    const shoreDistance = parseDecimal(v[c.shore_distance]!);
    const description = nul(v[c.attack_description]!);
    const attributes: Record<string, AttributeValue> = {
      time: nul(v[c.time]!),
      location_description: nul(v[c.location_description]!),
      vessel_name: nul(v[c.vessel_name]!),
      vessel_type: nul(v[c.vessel_type]!),
      vessel_status: statusCase(nul(v[c.vessel_status]!)),
      eez_country: eez,
      nearest_country: nearest,
      shore_distance: shoreDistance,
      description: description === null ? null : collapse(description),
    };
    if (country !== null && isNonIsoCountry(country)) attributes.country_non_iso = true;

    return {
      sourceEventId: `${h}#${k}`,
      sourceSeries: nul(v[c.data_source]!),
      dateStart: date,
      dateEnd: date,
      datePrecision: 'day',
      lon,
      lat,
      locLevel,
      countryIso3: country,
      admin1Code: null,
      admin1Name: null,
      eventType: type[0],
      eventSubtype: type[1],
      sourceType: nul(attackRaw),
      sourceSubtype: null,
      fatalitiesBest: null,
      fatalitiesLow: null,
      fatalitiesHigh: null,
      actors: [],
      attributes,
      qualityFlags: flags,
    };
  };
};
