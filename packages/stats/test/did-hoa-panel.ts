// The HoA-box and Gulf of Guinea-box monthly panels from Crime at Sea (EVALUATION.md §2 presets),
// read in place from ../shared/testdata (never copied). Counts are reported incidents, not all
// incidents. Attribution: Benden, Feng, Howell & Dalla Riva (2021), "Crime at Sea: A Global
// Database of Maritime Pirate Attacks (1993–2020)", Journal of Open Humanities Data 7:19,
// https://doi.org/10.5334/johd.39 (CC BY 4.0 / BY-SA 4.0).
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

const CSV = new URL('../../../../shared/testdata/piracy/crime-at-sea/pirate_attacks.csv', import.meta.url);

/** HoA box: lat −12…22, lon 40…70, minus lat > 15.5 ∧ lon < 43.5 (the central and northern Red Sea). */
export const inHoa = (lat: number, lon: number): boolean =>
  lat >= -12 && lat <= 22 && lon >= 40 && lon <= 70 && !(lat > 15.5 && lon < 43.5);
/** Gulf of Guinea box: lat −5…8, lon −5…12. */
export const inGog = (lat: number, lon: number): boolean => lat >= -5 && lat <= 8 && lon >= -5 && lon <= 12;

export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  for (;;) {
    const s = `${y}-${String(m).padStart(2, '0')}`;
    out.push(s);
    if (s === to) return out;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
}

/** Monthly counts of the two boxes over `months` (the file covers 1993–2020, so no month is missing). */
export function boxSeries(months: readonly string[]): { hoa: number[]; gog: number[] } {
  const text = readFileSync(CSV, 'utf8');
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  const pos = new Map(months.map((m, i) => [m, i]));
  const hoa = new Array<number>(months.length).fill(0);
  const gog = new Array<number>(months.length).fill(0);
  for (const r of rows) {
    const lat = Number(r.latitude);
    const lon = Number(r.longitude);
    const i = pos.get((r.date ?? '').slice(0, 7));
    if (i === undefined || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    if (inHoa(lat, lon)) hoa[i]!++;
    if (inGog(lat, lon)) gog[i]!++;
  }
  return { hoa, gog };
}
