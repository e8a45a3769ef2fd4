/**
 * Date parsing without `Date.now()` or locale: every source date is turned into a validated
 * `YYYY-MM-DD` string (UTC calendar date). Sources are parsed with fixed-position checks and
 * regular expressions compiled once at module load (never per row).
 */
import { DATE_PRECISIONS, type DatePrecision } from './types';

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : (DAYS[m - 1] ?? 0);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD` or null when the components do not form a real calendar date. */
export function ymd(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/**
 * Leading `YYYY-MM-DD` or `YYYY/MM/DD`, optionally followed by a time (`T00:00:00`,
 * ` 00:00:00+00`, ` 00:00:00.000`, `Z`). The time is ignored: every source here reports
 * calendar dates with a midnight placeholder.
 */
const ISO_LIKE =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

export function parseIsoLikeDate(text: string): string | null {
  const m = ISO_LIKE.exec(text.trim());
  return m ? ymd(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};
const DAY_MONTH_YEAR = /^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4})$/;

/** ACLED: ISO or `DD Month YYYY` (full or three-letter English month names). */
export function parseAcledDate(text: string): string | null {
  const iso = parseIsoLikeDate(text);
  if (iso) return iso;
  const m = DAY_MONTH_YEAR.exec(text.trim());
  if (!m) return null;
  const name = m[2]!.toLowerCase();
  const month =
    MONTHS[name] ?? Object.entries(MONTHS).find(([k]) => name.length === 3 && k.startsWith(name))?.[1];
  return month ? ymd(Number(m[3]), month, Number(m[1])) : null;
}

/** Whole days between two `YYYY-MM-DD` strings (b − a). */
export function daySpan(a: string, b: string): number {
  return (toEpochDay(b) - toEpochDay(a)) | 0;
}

function toEpochDay(s: string): number {
  return Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))) / 86_400_000;
}

/**
 * Precision implied by the span (§1.3): 0 days → day, ≤ 6 → week, same calendar month → month,
 * same year → year, else unknown. Guards against a misread source precision code.
 */
export function spanPrecision(start: string, end: string): DatePrecision {
  if (start === end) return 'day';
  if (daySpan(start, end) <= 6) return 'week';
  if (start.slice(0, 7) === end.slice(0, 7)) return 'month';
  if (start.slice(0, 4) === end.slice(0, 4)) return 'year';
  return 'unknown';
}

export function coarser(a: DatePrecision, b: DatePrecision): DatePrecision {
  return DATE_PRECISIONS.indexOf(a) >= DATE_PRECISIONS.indexOf(b) ? a : b;
}
