/**
 * UCDP GED (§1.5), CSV (49 columns) and GeoJSON (46 properties, position in the geometry).
 * Both share this mapper: GeoJSON properties arrive as strings in the same way as CSV cells.
 * Country codes are Gleditsch–Ward, resolved on the event's start date (Sudan / South Sudan).
 * Fatality triples that break low ≤ best ≤ high are stored as given and flagged.
 */
import { admin1Code } from '../admin1';
import { checkRange, parseDecimal } from '../coords';
import { gleditschWardToAlpha3, isNonIsoCountry } from '../countries';
import { coarser, parseIsoLikeDate, spanPrecision } from '../dates';
import { columns, fail, optInt, type MapperFactory } from '../engine';
import { gedType, PRECISION, UNKNOWN } from '../taxonomy';
import type { Actor, AttributeValue, WarningCode } from '../types';

const COMMON = [
  'id',
  'relid',
  'type_of_violence',
  'conflict_new_id',
  'conflict_name',
  'dyad_new_id',
  'dyad_name',
  'side_a',
  'side_b',
  'where_prec',
  'where_description',
  'adm_1',
  'adm_2',
  'priogrid_gid',
  'country_id',
  'event_clarity',
  'date_prec',
  'date_start',
  'date_end',
  'deaths_a',
  'deaths_b',
  'deaths_civilians',
  'deaths_unknown',
  'best',
  'high',
  'low',
  'gwnoa',
  'gwnob',
  'code_status',
] as const;

export const gedMapper: MapperFactory = ({ headers, format, summary }) => {
  const c = columns(headers, COMMON);
  const ll = format.id === 'ucdp_ged_csv' ? columns(headers, ['latitude', 'longitude']) : null;

  return (v, point) => {
    const id = v[c.id]!.trim();
    if (id === '') return fail('E_REQUIRED_MISSING', 'id', 'empty id');
    const start = parseIsoLikeDate(v[c.date_start]!);
    if (!start) return fail('E_DATE_PARSE', 'date_start', `not a date: "${v[c.date_start]}"`);
    const end = parseIsoLikeDate(v[c.date_end]!);
    if (!end) return fail('E_DATE_PARSE', 'date_end', `not a date: "${v[c.date_end]}"`);
    if (end < start) return fail('E_DATE_ORDER', 'date_end', `date_end ${end} before date_start ${start}`);

    let lon: number | null = null;
    let lat: number | null = null;
    if (ll) {
      const latText = v[ll.latitude]!.trim();
      const lonText = v[ll.longitude]!.trim();
      if (latText !== '' || lonText !== '') {
        lat = parseDecimal(latText);
        lon = parseDecimal(lonText);
        if (lat === null || lon === null)
          return fail('E_COORD_PARSE', 'latitude,longitude', `not numbers: "${latText}", "${lonText}"`);
      }
    } else if (point) {
      [lon, lat] = point;
    }
    if (lat !== null && lon !== null) {
      const r = checkRange(lat, lon);
      if (!r.ok) return fail(r.code, ll ? 'latitude,longitude' : 'geometry', r.message);
    }

    const country = gleditschWardToAlpha3(v[c.country_id]!, start);
    if (!country)
      return fail(
        'E_COUNTRY_UNKNOWN',
        'country_id',
        `Gleditsch–Ward ${v[c.country_id]} has no ISO code on ${start}`,
      );

    const best = optInt(v[c.best]!);
    const low = optInt(v[c.low]!);
    const high = optInt(v[c.high]!);
    if (best === undefined) return fail('E_REQUIRED_MISSING', 'best', `not an integer: "${v[c.best]}"`);
    if (low === undefined) return fail('E_REQUIRED_MISSING', 'low', `not an integer: "${v[c.low]}"`);
    if (high === undefined) return fail('E_REQUIRED_MISSING', 'high', `not an integer: "${v[c.high]}"`);

    const flags: WarningCode[] = [];
    if (outOfOrder(low, best) || outOfOrder(best, high) || outOfOrder(low, high))
      flags.push('W_FATALITIES_ORDER');

    const tov = v[c.type_of_violence]!.trim();
    let type = gedType(tov);
    if (!type) {
      type = UNKNOWN;
      flags.push('W_TYPE_UNMAPPED');
      summary.unmappedLabel(`type_of_violence=${tov}`);
    }

    const adm1 = v[c.adm_1]!.trim();
    let adm1Code: string | null = null;
    if (adm1 !== '') {
      adm1Code = admin1Code(country, adm1);
      if (!adm1Code) {
        flags.push('W_ADMIN1_UNMAPPED');
        summary.unmappedAdmin1(`${country}: ${adm1}`);
      }
    }

    const datePrec = v[c.date_prec]!.trim();
    const precision = coarser(PRECISION.gedDate.get(datePrec) ?? 'unknown', spanPrecision(start, end));
    const wherePrec = v[c.where_prec]!.trim();

    const actors: Actor[] = [];
    const sideA = v[c.side_a]!.trim();
    const sideB = v[c.side_b]!.trim();
    if (sideA)
      actors.push(
        v[c.gwnoa]!.trim() ? { name: sideA, role: 'side_a', kind: 'state' } : { name: sideA, role: 'side_a' },
      );
    if (sideB)
      actors.push(
        v[c.gwnob]!.trim() ? { name: sideB, role: 'side_b', kind: 'state' } : { name: sideB, role: 'side_b' },
      );

    const attributes: Record<string, AttributeValue> = {
      relid: v[c.relid]! || null,
      conflict_new_id: optInt(v[c.conflict_new_id]!) ?? null,
      conflict_name: v[c.conflict_name]! || null,
      dyad_new_id: optInt(v[c.dyad_new_id]!) ?? null,
      dyad_name: v[c.dyad_name]! || null,
      priogrid_gid: optInt(v[c.priogrid_gid]!) ?? null,
      where_prec: optInt(wherePrec) ?? null,
      date_prec: optInt(datePrec) ?? null,
      event_clarity: optInt(v[c.event_clarity]!) ?? null,
      code_status: v[c.code_status]! || null,
      where_description: v[c.where_description]! || null,
      adm_2: v[c.adm_2]! || null,
      deaths_a: optInt(v[c.deaths_a]!) ?? null,
      deaths_b: optInt(v[c.deaths_b]!) ?? null,
      deaths_civilians: optInt(v[c.deaths_civilians]!) ?? null,
      deaths_unknown: optInt(v[c.deaths_unknown]!) ?? null,
      gwnoa: v[c.gwnoa]! || null,
      gwnob: v[c.gwnob]! || null,
    };
    if (isNonIsoCountry(country)) attributes.country_non_iso = true;

    return {
      sourceEventId: id,
      sourceSeries: null,
      dateStart: start,
      dateEnd: end,
      datePrecision: precision,
      lon,
      lat,
      locLevel: PRECISION.gedWhere.get(wherePrec) ?? 6,
      countryIso3: country,
      admin1Code: adm1Code,
      admin1Name: adm1 || null,
      eventType: type[0],
      eventSubtype: type[1],
      sourceType: tov || null,
      sourceSubtype: null,
      fatalitiesBest: best,
      fatalitiesLow: low,
      fatalitiesHigh: high,
      actors,
      attributes,
      qualityFlags: flags,
    };
  };
};

const outOfOrder = (a: number | null, b: number | null): boolean => a !== null && b !== null && a > b;
