/**
 * ACLED export (§1.5, 31 columns). Key `event_id_cnty`; `iso` is ISO numeric (an integer:
 * padded); `fatalities` fills `best` only; `inter1`/`inter2` may be integers or text and are kept
 * as given. ACLED rows may not leave Entente (§8) — enforced at the exits, not here.
 */
import { admin1Code } from '../admin1';
import { checkRange, parseDecimal } from '../coords';
import { isNonIsoCountry, isoNumericToAlpha3 } from '../countries';
import { parseAcledDate } from '../dates';
import { columns, fail, optInt, type MapperFactory } from '../engine';
import { acledType, PRECISION, UNKNOWN } from '../taxonomy';
import type { Actor, AttributeValue, WarningCode } from '../types';

const SEMI = /\s*;\s*/;

export const acledMapper: MapperFactory = ({ headers, summary }) => {
  const c = columns(headers, [
    'event_id_cnty',
    'event_date',
    'time_precision',
    'disorder_type',
    'event_type',
    'sub_event_type',
    'actor1',
    'assoc_actor_1',
    'inter1',
    'actor2',
    'assoc_actor_2',
    'inter2',
    'interaction',
    'civilian_targeting',
    'iso',
    'region',
    'country',
    'admin1',
    'admin2',
    'admin3',
    'location',
    'latitude',
    'longitude',
    'geo_precision',
    'source_scale',
    'fatalities',
    'tags',
    'timestamp',
  ]);
  return (v) => {
    const id = v[c.event_id_cnty]!.trim();
    if (id === '') return fail('E_REQUIRED_MISSING', 'event_id_cnty', 'empty event_id_cnty');
    const date = parseAcledDate(v[c.event_date]!);
    if (!date)
      return fail('E_DATE_PARSE', 'event_date', `not an ISO or "DD Month YYYY" date: "${v[c.event_date]}"`);
    const latText = v[c.latitude]!.trim();
    const lonText = v[c.longitude]!.trim();
    let lat: number | null = null;
    let lon: number | null = null;
    if (latText !== '' || lonText !== '') {
      lat = parseDecimal(latText);
      lon = parseDecimal(lonText);
      if (lat === null || lon === null)
        return fail('E_COORD_PARSE', 'latitude,longitude', `not numbers: "${latText}", "${lonText}"`);
      const r = checkRange(lat, lon);
      if (!r.ok) return fail(r.code, 'latitude,longitude', r.message);
    }
    const country = isoNumericToAlpha3(v[c.iso]!);
    if (!country) return fail('E_COUNTRY_UNKNOWN', 'iso', `ISO numeric "${v[c.iso]}" unknown`);
    const fatalities = optInt(v[c.fatalities]!);
    if (fatalities === undefined)
      return fail('E_REQUIRED_MISSING', 'fatalities', `not an integer: "${v[c.fatalities]}"`);

    const flags: WarningCode[] = [];
    const et = v[c.event_type]!.trim();
    const sub = v[c.sub_event_type]!.trim();
    let type = acledType(et, sub);
    if (!type) {
      type = UNKNOWN;
      flags.push('W_TYPE_UNMAPPED');
      summary.unmappedLabel(`${et} / ${sub}`);
    }
    const adm1 = v[c.admin1]!.trim();
    let adm1Code: string | null = null;
    if (adm1 !== '') {
      adm1Code = admin1Code(country, adm1);
      if (!adm1Code) {
        flags.push('W_ADMIN1_UNMAPPED');
        summary.unmappedAdmin1(`${country}: ${adm1}`);
      }
    }

    const actors: Actor[] = [];
    const addActors = (main: string, assoc: string, role: 'side_a' | 'side_b'): void => {
      if (main.trim()) actors.push({ name: main.trim(), role });
      for (const a of assoc.split(SEMI)) if (a) actors.push({ name: a, role, kind: 'associated' });
    };
    addActors(v[c.actor1]!, v[c.assoc_actor_1]!.trim(), 'side_a');
    addActors(v[c.actor2]!, v[c.assoc_actor_2]!.trim(), 'side_b');

    const attributes: Record<string, AttributeValue> = {
      disorder_type: v[c.disorder_type]! || null,
      inter1: v[c.inter1]! || null,
      inter2: v[c.inter2]! || null,
      interaction: v[c.interaction]! || null,
      civilian_targeting: v[c.civilian_targeting]! || null,
      region: v[c.region]! || null,
      admin2: v[c.admin2]! || null,
      admin3: v[c.admin3]! || null,
      location: v[c.location]! || null,
      source_scale: v[c.source_scale]! || null,
      tags: v[c.tags]! || null,
      timestamp: v[c.timestamp]! || null,
    };
    if (isNonIsoCountry(country)) attributes.country_non_iso = true;

    return {
      sourceEventId: id,
      sourceSeries: null,
      dateStart: date,
      dateEnd: date,
      datePrecision: PRECISION.acledTime.get(v[c.time_precision]!.trim()) ?? 'unknown',
      lon,
      lat,
      locLevel: lat === null ? 6 : (PRECISION.acledGeo.get(v[c.geo_precision]!.trim()) ?? 6),
      countryIso3: country,
      admin1Code: adm1Code,
      admin1Name: adm1 || null,
      eventType: type[0],
      eventSubtype: type[1],
      sourceType: et || null,
      sourceSubtype: sub || null,
      fatalitiesBest: fatalities,
      fatalitiesLow: null,
      fatalitiesHigh: null,
      actors,
      attributes,
      qualityFlags: flags,
    };
  };
};
