/**
 * Seeded synthetic incident files for B1/B4, written straight to disk (never held in memory):
 * Crime at Sea (16 columns, points inside the bounding boxes of Natural Earth marine polygons) and
 * ACLED (31 columns, a country drawn from ~250 world-atlas countries, the point inside its
 * bounding box). Rows are invented: actors `Synthetic Actor A/B`, notes `SYNTHETIC — not ACLED data`.
 * Dates cover 2008–2022 (15 years, monthly panels for B4).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { ISO_NUMERIC_TO_ALPHA3, type Area } from '@entente/geo';
import { Rng } from './prng';

export const CAS_HEADER =
  'date,time,longitude,latitude,attack_type,location_description,nearest_country,eez_country,shore_distance,shore_longitude,shore_latitude,attack_description,vessel_name,vessel_type,vessel_status,data_source';
export const ACLED_HEADER =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';

const FIRST_DAY = Date.UTC(2008, 0, 1) / 86_400_000;
const DAYS = Date.UTC(2023, 0, 1) / 86_400_000 - FIRST_DAY;
const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

const ATTACKS = ['Boarded', 'Attempted', 'Hijacked', 'Fired Upon', 'Suspicious', 'NA', 'Boarding'];
const VESSEL_TYPES = ['Bulk carrier', 'Tanker', 'Container ship', 'Fishing vessel', 'General cargo', 'NA'];
const VESSEL_STATUS = ['Anchored', 'Steaming', 'Berthed', 'NA', 'anchored'];
const ACLED_TYPES: readonly (readonly [string, string, string])[] = [
  ['Political violence', 'Battles', 'Armed clash'],
  ['Political violence', 'Violence against civilians', 'Attack'],
  ['Political violence', 'Explosions/Remote violence', 'Remote explosive/landmine/IED'],
  ['Demonstrations', 'Protests', 'Peaceful protest'],
  ['Demonstrations', 'Riots', 'Violent demonstration'],
  ['Strategic developments', 'Strategic developments', 'Looting/property destruction'],
];

type Boxed = Area & { bbox: readonly [number, number, number, number] };
const boxed = (a: Area): a is Boxed => 'bbox' in a && Array.isArray((a as { bbox?: unknown }).bbox);

/** A point in the bounding box, pulled towards its centre (fewer points outside the shape). */
function pointIn(r: Rng, a: Boxed): [number, number] {
  const [w, s, e, n] = a.bbox;
  const east = e < w ? e + 360 : e;
  const u = (r.next() + r.next()) / 2;
  const v = (r.next() + r.next()) / 2;
  let lon = w + (east - w) * u;
  if (lon > 180) lon -= 360;
  return [round(lon, 4), round(s + (n - s) * v, 4)];
}

/** Weighted picks: a long tail, so some areas have many events and most have some. */
function zipfPicker<T>(r: Rng, xs: readonly T[]): () => T {
  const weights = xs.map((_, i) => 1 / Math.sqrt(i + 1));
  const cum: number[] = [];
  let t = 0;
  for (const w of weights) cum.push((t += w));
  return () => {
    const x = r.next() * t;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return xs[lo]!;
  };
}

async function writeLines(
  path: string,
  header: string,
  rows: number,
  line: (i: number) => string,
): Promise<number> {
  const out = createWriteStream(path);
  let buf = `${header}\n`;
  let bytes = 0;
  for (let i = 0; i < rows; i++) {
    buf += line(i);
    if (buf.length > 1 << 20) {
      bytes += Buffer.byteLength(buf);
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  bytes += Buffer.byteLength(buf);
  out.end(buf);
  await once(out, 'finish');
  return bytes;
}

/** Crime at Sea rows at sea (marine polygon boxes), eez/nearest country from the country list. */
export function writeCrimeAtSea(
  path: string,
  rows: number,
  seed: string,
  areas: readonly Area[],
): Promise<number> {
  const r = new Rng(`${seed}:cas`);
  const marine = areas.filter((a): a is Boxed => a.kind === 'marine' && boxed(a));
  const countries = areas
    .filter((a) => a.kind === 'country' && a.iso3)
    .map((a) => (a as { iso3: string }).iso3);
  if (marine.length === 0) throw new Error('Crime at Sea generation needs the marine polygons');
  const sea = zipfPicker(r, r.sample(marine, marine.length));
  const land = zipfPicker(r, r.sample(countries, countries.length));
  return writeLines(path, CAS_HEADER, rows, (i) => {
    const day = FIRST_DAY + Math.floor(r.next() * DAYS);
    const [lon, lat] = pointIn(r, sea());
    const nearest = land();
    const eez = r.chance(0.2) ? 'NA' : r.chance(0.8) ? nearest : land();
    const source = day < Date.UTC(2015, 0, 1) / 86_400_000 ? 'mappingpiracy' : 'imb';
    return `${iso(day)},"NA",${lon},${lat},${r.pick(ATTACKS)},Synthetic waters ${i % 97},${nearest},${eez},${round(r.next() * 300, 3)},${lon},${lat},"Synthetic description, ${i}",Mv Synthetic ${i},${r.pick(VESSEL_TYPES)},${r.pick(VESSEL_STATUS)},${source}\n`;
  });
}

/** ACLED rows over ~250 countries (code membership by `iso`), points inside each country's box. */
export function writeAcled(
  path: string,
  rows: number,
  seed: string,
  areas: readonly Area[],
): Promise<number> {
  const r = new Rng(`${seed}:acled`);
  const numericOf = new Map(Object.entries(ISO_NUMERIC_TO_ALPHA3).map(([n, a]) => [a, n]));
  const countries = areas.filter(
    (a): a is Boxed & { iso3: string; name: string } =>
      a.kind === 'country' && !!a.iso3 && numericOf.has(a.iso3) && boxed(a),
  );
  const country = zipfPicker(r, r.sample(countries, countries.length));
  return writeLines(path, ACLED_HEADER, rows, (i) => {
    const day = FIRST_DAY + Math.floor(r.next() * DAYS);
    const c = country();
    const [lon, lat] = pointIn(r, c);
    const [disorder, type, sub] = r.pick(ACLED_TYPES);
    const date = iso(day);
    const name = c.name.includes(',') ? `"${c.name.replace(/"/g, '""')}"` : c.name;
    const fat = r.chance(0.6) ? 0 : r.int(1, 20);
    const assoc = r.chance(0.2) ? 'Synthetic Associate 1; Synthetic Associate 2' : '';
    return `SYN${i},${date},${date.slice(0, 4)},${r.int(1, 3)},${disorder},${type},${sub},Synthetic Actor A,${assoc},1,Synthetic Actor B,,2,12,,${Number(numericOf.get(c.iso3))},Synthetic Region,${name},,,,Synthetic Place ${i % 1000},${lat},${lon},${r.int(1, 3)},Synthetic Source,National,SYNTHETIC — not ACLED data,${fat},,${1_600_000_000 + i}\n`;
  });
}
