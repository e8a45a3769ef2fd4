/**
 * NGA Anti-Shipping Activity Messages (§1.5), three exports sharing `source = nga_asam` and the
 * `reference` key (`YYYY-N`): the ArcGIS CSV (decimal X/Y), the MSI CSV (degrees-minutes-seconds
 * text) and the MSI JSON. The occurrence date wins over the reference year; a difference is
 * flagged. ASAM gives no country, so `country_iso3` stays null (area assignment places it).
 */
import { checkRange, isWholeDegreePair, parseDecimal, parseDmsPosition, type CoordResult } from '../coords';
import { parseIsoLikeDate } from '../dates';
import { collapse, columns, fail, type Draft, type Failure, type MapperFactory } from '../engine';
import type { SummaryBuilder } from '../summary';
import { asamClass, normaliseHostility, PRECISION, UNKNOWN } from '../taxonomy';
import type { AttributeValue, WarningCode } from '../types';

const REFERENCE = /^(\d{4})-(\d+)$/;

interface AsamFields {
  reference: string;
  dateText: string;
  dateField: string;
  position: CoordResult;
  positionField: string;
  hostility: string;
  victim: string;
  description: string;
  subreg: string;
  navArea: string;
  extra: Record<string, AttributeValue>;
}

function mapAsam(f: AsamFields, summary: SummaryBuilder): Draft | Failure {
  if (f.reference.trim() === '') return fail('E_REQUIRED_MISSING', 'reference', 'empty reference');
  const date = parseIsoLikeDate(f.dateText);
  if (!date) return fail('E_DATE_PARSE', f.dateField, `not a date: "${f.dateText}"`);
  if (!f.position.ok) return fail(f.position.code, f.positionField, f.position.message);
  const { lat, lon } = f.position;

  const flags: WarningCode[] = [];
  const ref = REFERENCE.exec(f.reference.trim());
  if (ref && ref[1] !== date.slice(0, 4)) flags.push('W_REF_YEAR_MISMATCH');
  let locLevel = PRECISION.pointDefault;
  if (isWholeDegreePair(lat, lon)) {
    locLevel = PRECISION.wholeDegree;
    flags.push('W_WHOLE_DEGREE_POSITION');
  }
  const cls = asamClass(f.hostility, f.description);
  if (!cls) {
    flags.push('W_TYPE_UNMAPPED');
    summary.unmappedLabel(normaliseHostility(f.hostility) || '(empty)');
  }
  const type = cls?.type ?? UNKNOWN;
  const attributes: Record<string, AttributeValue> = {
    subreg: f.subreg || null,
    navArea: f.navArea || null,
    victim: collapse(f.victim) || null,
    description: collapse(f.description) || null,
    ...f.extra,
  };
  if (cls?.subtypeMethod) attributes.subtype_method = cls.subtypeMethod;
  return {
    sourceEventId: f.reference.trim(),
    sourceSeries: null,
    dateStart: date,
    dateEnd: date,
    datePrecision: 'day',
    lon,
    lat,
    locLevel,
    countryIso3: null,
    admin1Code: null,
    admin1Name: null,
    eventType: type[0],
    eventSubtype: type[1],
    sourceType: f.hostility === '' ? null : f.hostility,
    sourceSubtype: f.victim === '' ? null : f.victim,
    fatalitiesBest: null,
    fatalitiesLow: null,
    fatalitiesHigh: null,
    actors: [],
    attributes,
    qualityFlags: flags,
  };
}

function decimalPosition(
  latText: string,
  lonText: string,
  latField: string,
  lonField: string,
): CoordResult & { field?: string } {
  const lat = parseDecimal(latText.trim());
  const lon = parseDecimal(lonText.trim());
  if (lat === null)
    return { ok: false, code: 'E_COORD_PARSE', message: `${latField} not a number: "${latText}"` };
  if (lon === null)
    return { ok: false, code: 'E_COORD_PARSE', message: `${lonField} not a number: "${lonText}"` };
  return checkRange(lat, lon);
}

/** ArcGIS export: X = lon, Y = lat (decimal), `dateofocc` `YYYY/MM/DD 00:00:00+00`, integer codes without labels. */
export const asamArcgisMapper: MapperFactory = ({ headers, summary }) => {
  const c = columns(headers, [
    'X',
    'Y',
    'OBJECTID',
    'reference',
    'dateofocc',
    'subreg',
    'hostility_d',
    'victim_d',
    'description',
    'hostilitytype_l',
    'victim_l',
    'navarea',
  ]);
  return (v) => {
    const hostility = v[c.hostility_d]!;
    const victim = v[c.victim_d]!;
    summary.asamCodes(
      v[c.hostilitytype_l]!.trim(),
      normaliseHostility(hostility),
      v[c.victim_l]!.trim(),
      normaliseHostility(victim),
    );
    return mapAsam(
      {
        reference: v[c.reference]!,
        dateText: v[c.dateofocc]!,
        dateField: 'dateofocc',
        position: decimalPosition(v[c.Y]!, v[c.X]!, 'Y', 'X'),
        positionField: 'X,Y',
        hostility,
        victim,
        description: v[c.description]!,
        subreg: v[c.subreg]!.trim(),
        navArea: v[c.navarea]!.trim(),
        extra: {
          hostility_code: v[c.hostilitytype_l]!.trim() || null,
          victim_code: v[c.victim_l]!.trim() || null,
          objectid: v[c.OBJECTID]!.trim() || null,
        },
      },
      summary,
    );
  };
};

/** MSI CSV: `position` is quoted DMS text, usually with a line break between latitude and longitude. */
export const asamMsiCsvMapper: MapperFactory = ({ headers, summary }) => {
  const c = columns(headers, [
    'reference',
    'date',
    'position',
    'navArea',
    'subreg',
    'hostility',
    'victim',
    'description',
  ]);
  return (v) =>
    mapAsam(
      {
        reference: v[c.reference]!,
        dateText: v[c.date]!,
        dateField: 'date',
        position: parseDmsPosition(v[c.position]!),
        positionField: 'position',
        hostility: v[c.hostility]!,
        victim: v[c.victim]!,
        description: v[c.description]!,
        subreg: v[c.subreg]!.trim(),
        navArea: v[c.navArea]!.trim(),
        extra: {},
      },
      summary,
    );
};

/**
 * MSI JSON: decimal `latitude`/`longitude` are authoritative; the DMS `position` text is used
 * only when they are empty.
 */
export const asamMsiJsonMapper: MapperFactory = ({ headers, summary }) => {
  const c = columns(headers, [
    'reference',
    'date',
    'latitude',
    'longitude',
    'navArea',
    'subreg',
    'hostility',
    'victim',
    'description',
    'position',
  ]);
  return (v) => {
    const hasDecimal = v[c.latitude]!.trim() !== '' && v[c.longitude]!.trim() !== '';
    return mapAsam(
      {
        reference: v[c.reference]!,
        dateText: v[c.date]!,
        dateField: 'date',
        position: hasDecimal
          ? decimalPosition(v[c.latitude]!, v[c.longitude]!, 'latitude', 'longitude')
          : parseDmsPosition(v[c.position]!),
        positionField: hasDecimal ? 'latitude,longitude' : 'position',
        hostility: v[c.hostility]!,
        victim: v[c.victim]!,
        description: v[c.description]!,
        subreg: v[c.subreg]!.trim(),
        navArea: v[c.navArea]!.trim(),
        extra: {},
      },
      summary,
    );
  };
};
