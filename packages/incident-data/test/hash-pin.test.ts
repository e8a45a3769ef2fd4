/**
 * Content hashes pinned as computed BEFORE the stage was optimised (issue 3, commit 9be6d4e): a
 * re-import of the same file must still find "no change" against rows imported earlier, so the
 * hash of a row must never move. First, middle and last record of each real or fixture file.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson, parseIncidents, sha256Hex } from '../src/index';
import { ASAM, CRIME_AT_SEA, fileStream, fixture, GED_CAR, parseFile } from './helpers';

const PINNED: [string, string, number, [number, string, string][]][] = [
  [
    'crime at sea',
    CRIME_AT_SEA,
    7511,
    [
      [1, 'c7287374c34bd8e0#1', '465ab3c3973ef928b20de0adc5f6a79c584eedb61a41f569d129d13133ce335b'],
      [3756, '3385906e3222a6cb#1', '258ef1d5845f02bb1d0402c7d974c56242f325a99c151c9ad5f7760cdf1d9bd6'],
      [7511, '78a283c4c7094603#1', 'a35a4d90517fbd7bea663163b2febf1545f0d043e478f00f7dc6a6aaa4789679'],
    ],
  ],
  [
    'ASAM (ArcGIS CSV)',
    ASAM,
    8185,
    [
      [1, '1990-9', '362cb927479cf05ebad79f4b63f64d8471695d567b6c3fbcc7f2ab0c4e06980e'],
      [4093, '2008-315', '26826fa16b6e6ecd29a00276888d35724ec09f7e0d816e5fff7ad0c56c1fa16c'],
      [8185, '2020-341', '3da5a94acd5e36cd6c6abdd5817351db5528466b11f82187dab7597eaa0a9537'],
    ],
  ],
  [
    'UCDP GED GeoJSON',
    GED_CAR,
    1848,
    [
      [1, '36210', 'cd6d89d18825f296732c254ce76b964e667f8e62b088eca0e135c9227176ccaa'],
      [925, '63508', 'bb15431c78e5593dd785715660a49d08a019bf1a1e4cc76ab1cda6ecf1f295a6'],
      [1848, '457726', '3b85043112c2d2c5153ff2f68355fcd7945e3d05e28400808f4647b99eb23a3e'],
    ],
  ],
  [
    'ACLED (synthetic fixture)',
    fixture('acled.SYNTHETIC.csv'),
    3,
    [
      [1, 'SYN0001', '8f3608bed1194c65f4038b332d5a67bffa0696de61f451135f0aa70287cafa78'],
      [2, 'SYN0002', 'ce311f3aa21066c8b857ac77677f630f86ce82695eaf762b76562fa782fe1e99'],
      [3, 'SYN0003', '0f59bc4806d086aa387314956cf8bcb5c6221fa87330a4b3d750b0c15f9176b6'],
    ],
  ],
  [
    'GTD (synthetic fixture)',
    fixture('gtd.SYNTHETIC.csv'),
    4,
    [
      [1, '900000000001', '393a1d1e61e01ed288c2a0f05787ff3448e0a513686f8e593a0a369e9185befd'],
      [3, '900000000003', '1630da93183d20164e9bbb0bef236b43fed6e470ca67773cb459cdeb65342add'],
      [4, '900000000004', 'fe6bc221dd919430ad38a433732f0fc8e65df09bedcf8ee013460fce5d1bf85d'],
    ],
  ],
  [
    'ASAM (MSI JSON fixture)',
    fixture('asam-msi.json'),
    2,
    [
      [1, '2023-201', '423e214af4a214fb8232ce0085ff720c77703c9da17e9b59ac45a7f1db8b9968'],
      [2, '2023-202', '83c1774faa083fe5590f4fb4366e0bc2959508341b28f1a56944fe6dbaf84097'],
    ],
  ],
];

describe('content hashes do not move', () => {
  it.each(PINNED)('%s: pinned rows keep their hash', async (_name, path, count, rows) => {
    const p = await parseFile(path);
    expect(p.records).toHaveLength(count);
    for (const [ordinal, key, hash] of rows) {
      const r = p.records.find((x) => x.ordinal === ordinal)!;
      expect([r.sourceEventId, r.contentHash]).toEqual([key, hash]);
      // and the hash is still the documented one: SHA-256 of the canonical JSON of `raw`.
      expect(sha256Hex(canonicalJson(r.raw))).toBe(hash);
    }
  });
});

describe('rawJson of a batch', () => {
  it.each(PINNED)(
    '%s: is the hashed text and JSON.stringify(raw), record for record',
    async (_n, path, count) => {
      let n = 0;
      for await (const ev of parseIncidents(fileStream(path, 16 * 1024))) {
        if (ev.type !== 'batch') continue;
        expect(ev.rawJson).toHaveLength(ev.records.length);
        ev.records.forEach((r, i) => {
          expect(ev.rawJson[i]).toBe(JSON.stringify(r.raw));
          expect(sha256Hex(ev.rawJson[i]!)).toBe(r.contentHash);
        });
        n += ev.records.length;
      }
      expect(n).toBe(count);
    },
  );
});
