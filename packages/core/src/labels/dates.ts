/** Date helpers shared by the registry and decide(): strict parsing, no clock reads. */
import type { Instant, IsoDate } from './types';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?Z$/;

/** Whether `s` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Whether `s` is an ISO 8601 UTC instant (`…Z`) on a real calendar date. */
export function isInstant(s: unknown): s is Instant {
  if (typeof s !== 'string') return false;
  const m = INSTANT.exec(s);
  return m !== null && isIsoDate(m[1]);
}

/** The UTC calendar day of an instant. */
export function dayOf(now: Instant): IsoDate {
  return now.slice(0, 10);
}

/** Whether a dated interval `[from, to)` contains `day`. */
export function isCurrent(iv: { from: IsoDate; to?: IsoDate | undefined }, day: IsoDate): boolean {
  return iv.from <= day && (iv.to === undefined || day < iv.to);
}
