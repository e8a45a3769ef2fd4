/**
 * The monthly series as the chart and its table show it: every month of the range (absent months
 * inside coverage are zero, months in a coverage gap are missing, never zero), plus the §8 markers.
 */
import type { SeriesData } from './incidentsApi';

export type SeriesMarker = { month: string; date: string; text: string };
export type SeriesGap = { from: string; to: string; text: string };
export type SeriesModel = {
  months: string[];
  /** null = outside coverage (a gap), not zero. */
  counts: (number | null)[];
  fatalities: (number | null)[];
  markers: SeriesMarker[];
  gaps: SeriesGap[];
};

const month = (s: string): string => s.slice(0, 7);

function nextMonth(m: string): string {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

/** Every `YYYY-MM` from `a` to `b` inclusive (at most 1,200 months). */
export function monthRange(a: string, b: string): string[] {
  const out: string[] = [];
  for (let m = a; m <= b && out.length < 1200; m = nextMonth(m)) out.push(m);
  return out;
}

const isGap = (text: string) => /coverage gap/i.test(text);

export function buildSeriesModel(series: SeriesData): SeriesModel {
  const points = new Map(series.points.map((p) => [p.month, p]));
  const first = series.points[0]?.month;
  const last = series.points[series.points.length - 1]?.month;
  const start = series.from ? month(series.from) : first;
  const end = series.to ? month(series.to) : last;
  const caveats = series.dataset.caveats.filter((c): c is { date: string; text: string } => c.date !== null);
  // A dated "coverage gap" caveat marks its calendar year as missing (GTD 1993).
  const gaps: SeriesGap[] = caveats
    .filter((c) => isGap(c.text))
    .map((c) => ({ from: `${c.date.slice(0, 4)}-01`, to: `${c.date.slice(0, 4)}-12`, text: c.text }));
  if (!start || !end || start > end) return { months: [], counts: [], fatalities: [], markers: [], gaps: [] };
  const months = monthRange(start, end);
  const inGap = (m: string) => gaps.some((g) => m >= g.from && m <= g.to);
  const counts = months.map((m) => points.get(m)?.count ?? (inGap(m) ? null : 0));
  const fatalities = months.map((m) => points.get(m)?.fatalities ?? (inGap(m) ? null : 0));
  const markers = caveats
    .filter((c) => !isGap(c.text))
    .map((c) => ({ month: month(c.date), date: c.date, text: c.text }))
    .filter((m) => m.month >= start && m.month <= end)
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  return {
    months,
    counts,
    fatalities,
    markers,
    gaps: gaps.filter((g) => g.to >= start && g.from <= end),
  };
}
