/**
 * Global Terrorism Database CSV (§1.5, 135 columns). Key `eventid`. The date comes from
 * `iyear/imonth/iday` with 0 = unknown: `iday` 0 → the whole month (month precision), `imonth` 0
 * → the whole year. `nkill` fills `best` (empty → null), `gname` is the perpetrator, `success` and
 * a few filterable extras go to `attributes`. GTD rows may not leave Entente (§8).
 */
import { admin1Code, admin1Key } from '../admin1';
import { checkRange, parseDecimal } from '../coords';
import { gtdCountry, isNonIsoCountry } from '../countries';
import { coarser, daysInMonth, parseIsoLikeDate, spanPrecision, ymd } from '../dates';
import { columns, fail, optInt, type MapperFactory } from '../engine';
import { gtdType, PRECISION, UNKNOWN } from '../taxonomy';
import type { Actor, AttributeValue, DatePrecision, WarningCode } from '../types';

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export const gtdMapper: MapperFactory = ({ headers, summary }) => {
  const c = columns(headers, [
    'eventid',
    'iyear',
    'imonth',
    'iday',
    'extended',
    'resolution',
    'country',
    'country_txt',
    'provstate',
    'city',
    'latitude',
    'longitude',
    'specificity',
    'success',
    'suicide',
    'attacktype1',
    'attacktype1_txt',
    'targtype1_txt',
    'target1',
    'gname',
    'nkill',
    'nwound',
    'weaptype1_txt',
    'doubtterr',
    'multiple',
    'region_txt',
  ]);
  return (v) => {
    const id = v[c.eventid]!.trim();
    if (id === '') return fail('E_REQUIRED_MISSING', 'eventid', 'empty eventid');
    const y = optInt(v[c.iyear]!);
    const m = optInt(v[c.imonth]!);
    const d = optInt(v[c.iday]!);
    if (y == null || m == null || d == null || m < 0 || m > 12 || d < 0 || d > 31) {
      return fail(
        'E_DATE_PARSE',
        'iyear,imonth,iday',
        `not a date: ${v[c.iyear]}-${v[c.imonth]}-${v[c.iday]}`,
      );
    }
    let start: string | null;
    let end: string | null;
    let precision: DatePrecision;
    if (m === 0) {
      [start, end, precision] = [ymd(y, 1, 1), ymd(y, 12, 31), 'year'];
    } else if (d === 0) {
      [start, end, precision] = [ymd(y, m, 1), ymd(y, m, daysInMonth(y, m)), 'month'];
    } else {
      start = end = ymd(y, m, d);
      precision = 'day';
    }
    if (!start || !end) return fail('E_DATE_PARSE', 'iyear,imonth,iday', `not a date: ${y}-${m}-${d}`);
    // Extended incidents (> 24 h) end on `resolution` when it is a readable date.
    if (v[c.extended]!.trim() === '1' && precision === 'day') {
      const r = v[c.resolution]!.trim();
      const us = US_DATE.exec(r);
      const res = us ? ymd(Number(us[3]), Number(us[1]), Number(us[2])) : parseIsoLikeDate(r);
      if (res) {
        if (res < start) return fail('E_DATE_ORDER', 'resolution', `resolution ${res} before ${start}`);
        end = res;
        precision = coarser(precision, spanPrecision(start, end));
      }
    }

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

    const cc = gtdCountry(v[c.country]!);
    if (!cc)
      return fail(
        'E_COUNTRY_UNKNOWN',
        'country',
        `GTD country ${v[c.country]} (${v[c.country_txt]}) not in the crosswalk`,
      );
    const txt = v[c.country_txt]!.trim();
    if (txt !== '' && admin1Key(txt) !== admin1Key(cc.name))
      summary.gtdNameMismatch(`${v[c.country]}: ${txt} ≠ ${cc.name}`);

    const best = optInt(v[c.nkill]!);
    if (best === undefined) return fail('E_REQUIRED_MISSING', 'nkill', `not an integer: "${v[c.nkill]}"`);

    const flags: WarningCode[] = [];
    const at = v[c.attacktype1]!.trim();
    let type = gtdType(at);
    if (!type) {
      type = UNKNOWN;
      flags.push('W_TYPE_UNMAPPED');
      summary.unmappedLabel(`attacktype1=${at}`);
    }
    const prov = v[c.provstate]!.trim();
    let adm1Code: string | null = null;
    if (prov !== '' && prov.toLowerCase() !== 'unknown') {
      adm1Code = admin1Code(cc.iso3, prov);
      if (!adm1Code) {
        flags.push('W_ADMIN1_UNMAPPED');
        summary.unmappedAdmin1(`${cc.iso3}: ${prov}`);
      }
    }

    const actors: Actor[] = [];
    const gname = v[c.gname]!.trim();
    if (gname) actors.push({ name: gname, role: 'perpetrator' });
    const target = v[c.target1]!.trim();
    if (target) actors.push({ name: target, role: 'target' });

    const nwound = optInt(v[c.nwound]!);
    const attributes: Record<string, AttributeValue> = {
      success: v[c.success]!.trim() === '' ? null : v[c.success]!.trim() === '1',
      suicide: v[c.suicide]!.trim() === '' ? null : v[c.suicide]!.trim() === '1',
      doubtterr: v[c.doubtterr]! || null,
      multiple: v[c.multiple]! || null,
      region: v[c.region_txt]! || null,
      city: v[c.city]! || null,
      targtype1: v[c.targtype1_txt]! || null,
      weaptype1: v[c.weaptype1_txt]! || null,
      nwound: nwound ?? null,
      specificity: optInt(v[c.specificity]!) ?? null,
    };
    if (isNonIsoCountry(cc.iso3)) attributes.country_non_iso = true;

    return {
      sourceEventId: id,
      sourceSeries: null,
      dateStart: start,
      dateEnd: end,
      datePrecision: precision,
      lon,
      lat,
      locLevel: PRECISION.gtdSpecificity.get(v[c.specificity]!.trim()) ?? 6,
      countryIso3: cc.iso3,
      admin1Code: adm1Code,
      admin1Name: prov || null,
      eventType: type[0],
      eventSubtype: type[1],
      sourceType: v[c.attacktype1_txt]!.trim() || at || null,
      sourceSubtype: null,
      fatalitiesBest: best,
      fatalitiesLow: null,
      fatalitiesHigh: null,
      actors,
      attributes,
      qualityFlags: flags,
    };
  };
};
