/**
 * The stage's COPY text is pinned byte for byte, as computed BEFORE the stage was optimised (issue 3,
 * commit 9be6d4e): the `raw` jsonb, the content hash and every other column of the staged rows of
 * real and fixture files of every source must come out exactly as they did. No database: the stage
 * is pure CPU (countries only, no marine polygons, so the figure does not depend on the machine).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtInAreas, type BuiltAreas } from './areas';
import { stageIncidents } from './stage';

const testdata = (rel: string) =>
  fileURLToPath(new URL(`../../../../../shared/testdata/${rel}`, import.meta.url));
const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../incident-data/test/fixtures/${name}`, import.meta.url));

let built: BuiltAreas;
beforeAll(async () => {
  built = await builtInAreas({ marinePath: null });
});

async function digest(file: string): Promise<{ staged: number; sha256: string; bytes: number }> {
  const h = createHash('sha256');
  let staged = 0;
  let bytes = 0;
  const input = createReadStream(file, { highWaterMark: 16 * 1024 });
  for await (const ev of stageIncidents(input, built.index, {
    idPrefix: '00000000-0000-7000-8000-',
    acceptRejections: true,
  })) {
    if (ev.type === 'batch') {
      h.update(ev.copy);
      bytes += ev.copy.length;
    } else if (ev.type === 'done') staged = ev.totals.staged;
  }
  return { staged, sha256: h.digest('hex'), bytes };
}

const PINNED: [string, string, { staged: number; sha256: string; bytes: number }][] = [
  [
    'crime at sea',
    testdata('piracy/crime-at-sea/pirate_attacks.csv'),
    {
      staged: 7511,
      sha256: 'b3f0dba48c28ec0cc62a30c0541ad3d168c99bb1265d3a5fb94e619541ccdb15',
      bytes: 8311801,
    },
  ],
  [
    'ASAM (ArcGIS CSV)',
    testdata('piracy/asam/Anti-Shipping_Activity_Messages.csv'),
    {
      staged: 8185,
      sha256: '27a42d97084a9b23b560e5a50efc411a66f2bd9e2a07ef8c18053ad114248de4',
      bytes: 12065754,
    },
  ],
  [
    'UCDP GED GeoJSON',
    testdata('conflict/ucdp-ged-car/GEDEvent_v23_1.geojson'),
    {
      staged: 1848,
      sha256: 'c8ee875ad39a08b746724fad1af6c72632a921c9e15e87031b658b909a9dc194',
      bytes: 4098035,
    },
  ],
  [
    'ACLED fixture',
    fixture('acled.SYNTHETIC.csv'),
    { staged: 3, sha256: '5f11320f08482ea8b18485a8ea127702ee1f7aa94ed1cf895fab310f0eb8bc62', bytes: 4290 },
  ],
  [
    'GTD fixture',
    fixture('gtd.SYNTHETIC.csv'),
    { staged: 4, sha256: 'eff73e897986d7d3379f0773e207a6d314d348163af85dc9b984f4abce08d45d', bytes: 11179 },
  ],
  [
    'ASAM MSI JSON fixture',
    fixture('asam-msi.json'),
    { staged: 2, sha256: '310051d46f3eddddf3ac50cd8d7dd4ef78a20a9823102eaae340bd12f01c8380', bytes: 1279 },
  ],
];

describe('stage output does not move', () => {
  it.each(PINNED)(
    '%s: COPY text is byte-identical to before',
    async (_name, file, expected) => {
      const got = await digest(file);
      expect(got).toEqual(expected);
    },
    60_000,
  );
});
