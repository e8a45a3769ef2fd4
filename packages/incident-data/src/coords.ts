/**
 * Position parsing. Decimal degrees for most sources; degrees-minutes-seconds text for the NGA
 * MSI export (§1.5). All regular expressions are compiled once at module load; the DMS scanner
 * uses sticky expressions so each row costs a few `exec` calls and no allocation of patterns.
 */

export type CoordResult =
  | { ok: true; lat: number; lon: number }
  | { ok: false; code: 'E_COORD_PARSE' | 'E_COORD_RANGE'; message: string };

/** Strict decimal number (no `NaN`, `Infinity`, hex, or empty string that `Number()` would accept). */
const DECIMAL = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

export function parseDecimal(text: string): number | null {
  return DECIMAL.test(text) ? Number(text) : null;
}

export function checkRange(lat: number, lon: number): CoordResult {
  if (Math.abs(lat) > 90) return { ok: false, code: 'E_COORD_RANGE', message: `latitude ${lat} outside ±90` };
  if (Math.abs(lon) > 180)
    return { ok: false, code: 'E_COORD_RANGE', message: `longitude ${lon} outside ±180` };
  return { ok: true, lat, lon };
}

/**
 * Both coordinates on a whole degree. ArcGIS exports carry float noise from reprojection
 * (108.000000000241), so "whole" means within 1e-7° (≈ 1 cm) of an integer.
 */
export function isWholeDegreePair(lat: number, lon: number): boolean {
  return Math.abs(lat - Math.round(lat)) < 1e-7 && Math.abs(lon - Math.round(lon)) < 1e-7;
}

// Normalisation of the symbol variants the MSI export uses (§1.5).
const DEGREE_MARKS = /[º˚]/g;
const MINUTE_MARKS = /[′’]/g;
const SECOND_MARKS = /″|''|”/g;

// degrees ° [minutes ['] [seconds ["]]]; each part may be decimal; any whitespace between parts.
const DMS = String.raw`(\d+(?:\.\d+)?)\s*°\s*(?:(\d+(?:\.\d+)?)\s*(?:'\s*(?:(\d+(?:\.\d+)?)\s*"?)?)?)?`;
const PRE = new RegExp(String.raw`([NSEWnsew])\s*${DMS}`, 'y');
const POST = new RegExp(String.raw`${DMS}\s*([NSEWnsew])`, 'y');
const SEPARATORS = /[\s,;/]*/y;

/**
 * Parses a latitude/longitude pair written as DMS text, e.g. `46°37'50.89"N⏎31°35'01.64"E`.
 * Accepts `°`/`º`/`˚`, `'`/`′`, `"`/`″`/`''`, optional seconds, decimal minutes, any whitespace
 * or line break between parts, and the hemisphere letter before or after the number. Exactly
 * one N/S and one E/W coordinate must be present, in either order. Minutes or seconds ≥ 60 and
 * |lat| > 90, |lon| > 180 are range errors; anything unreadable is a parse error.
 */
export function parseDmsPosition(text: string): CoordResult {
  const s = text.replace(DEGREE_MARKS, '°').replace(MINUTE_MARKS, "'").replace(SECOND_MARKS, '"');
  let lat: number | null = null;
  let lon: number | null = null;
  let pos = 0;
  for (let part = 0; part < 2; part++) {
    SEPARATORS.lastIndex = pos;
    SEPARATORS.exec(s);
    pos = SEPARATORS.lastIndex;
    let m: RegExpExecArray | null;
    let hemi: string;
    let d: string, mi: string | undefined, se: string | undefined;
    PRE.lastIndex = pos;
    if ((m = PRE.exec(s))) {
      [, hemi, d, mi, se] = m as unknown as [string, string, string, string | undefined, string | undefined];
      pos = PRE.lastIndex;
    } else {
      POST.lastIndex = pos;
      if (!(m = POST.exec(s))) return parseError(text);
      [, d, mi, se, hemi] = m as unknown as [string, string, string | undefined, string | undefined, string];
      pos = POST.lastIndex;
    }
    const minutes = mi === undefined ? 0 : Number(mi);
    const seconds = se === undefined ? 0 : Number(se);
    if (minutes >= 60 || seconds >= 60) {
      return {
        ok: false,
        code: 'E_COORD_RANGE',
        message: `minutes or seconds ≥ 60 in position "${oneLine(text)}"`,
      };
    }
    const h = hemi.toUpperCase();
    const value = (Number(d) + minutes / 60 + seconds / 3600) * (h === 'S' || h === 'W' ? -1 : 1);
    if (h === 'N' || h === 'S') {
      if (lat !== null) return parseError(text);
      lat = value;
    } else {
      if (lon !== null) return parseError(text);
      lon = value;
    }
  }
  SEPARATORS.lastIndex = pos;
  SEPARATORS.exec(s);
  if (SEPARATORS.lastIndex !== s.length || lat === null || lon === null) return parseError(text);
  return checkRange(lat, lon);
}

const oneLine = (t: string): string => t.replace(/\s+/g, ' ').trim();

function parseError(text: string): CoordResult {
  return {
    ok: false,
    code: 'E_COORD_PARSE',
    message: `unreadable degrees-minutes-seconds position "${oneLine(text)}"`,
  };
}
