/**
 * Pure helpers of the area editor: typed coordinates → a closed ring, two dragged corners → a box,
 * and the server's field errors grouped for display. The server (`@entente/geo`) is the authority on
 * validity; these helpers only shape what the user drew or typed.
 */
export type Box = [number, number, number, number];
export type Ring = [number, number][];

const round = (v: number) => Math.round(v * 1e5) / 1e5;

/** The box spanned by two dragged corners (west < east: a drag never crosses the antimeridian). */
export function boxFromCorners(a: [number, number], b: [number, number]): Box {
  return [
    round(Math.min(a[0], b[0])),
    round(Math.min(a[1], b[1])),
    round(Math.max(a[0], b[0])),
    round(Math.max(a[1], b[1])),
  ];
}

/** Closes a ring of clicked vertices (first position repeated at the end). */
export function closeRing(vertices: readonly [number, number][]): Ring {
  const pts = vertices.map(([x, y]) => [round(x), round(y)] as [number, number]);
  const first = pts[0];
  const last = pts[pts.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) pts.push([first[0], first[1]]);
  return pts;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; line: number; message: string };

/**
 * Typed coordinates, one `longitude latitude` pair per line (comma, semicolon or space separated);
 * the ring is closed if the last line does not repeat the first. Errors name the line.
 */
export function parseCoordinates(text: string): Parsed<Ring> {
  const lines = text.split(/\r?\n/);
  const pts: [number, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (!t) continue;
    const parts = t.split(/[\s,;]+/).filter(Boolean);
    const nums = parts.map(Number);
    if (parts.length !== 2 || nums.some((n) => !Number.isFinite(n)))
      return { ok: false, line: i + 1, message: `line ${i + 1}: expected "longitude latitude", got "${t}"` };
    pts.push([nums[0]!, nums[1]!]);
  }
  if (pts.length < 3) return { ok: false, line: lines.length, message: 'give at least 3 positions' };
  return { ok: true, value: closeRing(pts) };
}

/** Parses a box typed as four numbers; `west > east` crosses the antimeridian. */
export function parseBox(values: readonly string[]): Parsed<Box> {
  const names = ['west', 'south', 'east', 'north'];
  const out: number[] = [];
  for (let i = 0; i < 4; i++) {
    const v = Number(values[i]);
    if (values[i]?.trim() === '' || !Number.isFinite(v))
      return { ok: false, line: i, message: `${names[i]} is not a number` };
    out.push(v);
  }
  return { ok: true, value: out as Box };
}

/** A box as a GeoJSON polygon for the map (a box across the antimeridian continues past 180°). */
export function boxPolygon(b: Box): GeoJSON.Polygon {
  const [w, s, e0, n] = b;
  const e = e0 < w ? e0 + 360 : e0;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  };
}
