import { describe, expect, it } from 'vitest';
import { collectIncidents, detectFormat, FORMATS, parseIncidents } from '../src/index';
import { CRIME_AT_SEA, fixture, GED_CAR, memoryStream, parseText, readBytes } from './helpers';

const strip = <T extends object>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('format detection', () => {
  it('refuses an unknown CSV header and lists every expected header', async () => {
    const p = await parseText('foo,bar\n1,2\n');
    expect(p.summary.refused).toBe(true);
    expect(p.records).toEqual([]);
    expect(p.rejections).toHaveLength(1);
    const r = p.rejections[0]!;
    expect(r).toMatchObject({ code: 'E_HEADER', line: 1, ordinal: 0 });
    for (const f of FORMATS.filter((x) => x.container === 'csv'))
      expect(r.message).toContain(f.headers.join(','));
  });

  it('refuses a header with one renamed column (signatures are exact)', async () => {
    const header = readBytes(CRIME_AT_SEA).toString('utf8').split('\n')[0]!.replace('vessel_name', 'vessel');
    const p = await parseText(`${header}\n`);
    expect(p.summary.refused).toBe(true);
    expect(p.rejections[0]!.message).toContain('crime_at_sea_csv (16 columns): date,time,longitude');
  });

  it('accepts a header after a BOM and refuses unknown JSON', async () => {
    expect(
      detectFormat('csv', [
        '\uFEFFreference',
        'date',
        'position',
        'navArea',
        'subreg',
        'hostility',
        'victim',
        'description',
      ]),
    ).toMatchObject({
      ok: true,
      format: { id: 'nga_asam_msi_csv' },
    });
    const j = await parseText(
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"a":1},"geometry":null}]}',
    );
    expect(j.summary.refused).toBe(true);
    expect(j.rejections[0]!.message).toContain('ucdp_ged_geojson (46 columns): id,relid,year');
    const k = await parseText('{"something":[1,2]}');
    expect(k.summary.refused).toBe(true);
    expect(k.rejections[0]!.message).toContain('top-level keys: something');
  });

  it('reports an empty file as refused', async () => {
    const p = await parseText('');
    expect(p.summary.refused).toBe(true);
    expect(p.rejections[0]!.code).toBe('E_HEADER');
  });
});

describe('streaming', () => {
  it('gives identical results when fed 7-byte chunks (CSV with multi-line records, BOM, CRLF)', async () => {
    const bytes = readBytes(fixture('asam-msi.csv'));
    const whole = await collectIncidents(memoryStream(bytes, bytes.length));
    const tiny = await collectIncidents(memoryStream(bytes, 7));
    expect(strip(tiny)).toEqual(strip(whole));
    expect(tiny.records).toHaveLength(5);
  });

  it('gives identical results for the first 1,500 Crime at Sea records in 7-byte chunks', async () => {
    const text = readBytes(CRIME_AT_SEA).toString('utf8');
    // cut just before record 1,501 (its start line found by parsing), so the slice ends on a record boundary
    const full = await parseText(text);
    const cutLine = full.records[1500]!.line!;
    let offset = 0;
    for (let l = 1; l < cutLine; l++) offset = text.indexOf('\n', offset) + 1;
    const slice = Buffer.from(text.slice(0, offset));
    const big = await collectIncidents(memoryStream(slice, 65536));
    const tiny = await collectIncidents(memoryStream(slice, 7));
    expect(big.records).toHaveLength(1500);
    expect(strip(tiny.records)).toEqual(strip(big.records));
    expect(strip(tiny.records)).toEqual(strip(full.records.slice(0, 1500)));
  }, 60_000);

  it('gives identical results for GeoJSON in 7-byte chunks', async () => {
    const bytes = readBytes(GED_CAR).subarray(0, 200_000);
    // close the truncated collection after the last complete feature
    const text = bytes.toString('utf8');
    const cut = text.lastIndexOf('} },\n{ "type": "Feature"');
    const doc = Buffer.from(`${text.slice(0, cut + 3)}\n]\n}\n`);
    const big = await collectIncidents(memoryStream(doc, 1 << 20));
    const tiny = await collectIncidents(memoryStream(doc, 7));
    expect(big.records.length).toBeGreaterThan(50);
    expect(strip(tiny.records)).toEqual(strip(big.records));
  }, 60_000);

  it('reports a broken record injected into a copy with its true start line', async () => {
    const text = readBytes(CRIME_AT_SEA).toString('utf8');
    const full = await parseText(text);
    // Insert before the record at ordinal 5000 (well after several multi-line records).
    const target = full.records[4999]!;
    let offset = 0;
    for (let l = 1; l < target.line!; l++) offset = text.indexOf('\n', offset) + 1;
    const broken =
      '2011-02-30,NA,50.1,12.2,Boarded,"Broken ""record"",\nspanning two lines",SOM,SOM,1,1,1,NA,Ship,NA,NA,imb\n';
    const copy = text.slice(0, offset) + broken + text.slice(offset);
    const p = await parseText(copy);
    expect(p.rejections).toEqual([
      expect.objectContaining({ line: target.line, ordinal: 5000, code: 'E_DATE_PARSE', field: 'date' }),
    ]);
    expect(p.records).toHaveLength(7511);
    const after = p.records.find((r) => r.contentHash === target.contentHash)!;
    expect(after.line).toBe(target.line! + 2);
    expect(p.summary).toMatchObject({
      read: 7512,
      accepted: 7511,
      rejected: 1,
      rejectionsByCode: { E_DATE_PARSE: 1 },
    });
  }, 60_000);

  it('reports a record with a wrong field count', async () => {
    const text = readBytes(fixture('asam-msi.csv')).toString('utf8');
    const p = await parseText(`${text}2023-999,2023-05-05\r\n`);
    expect(p.rejections.at(-1)).toMatchObject({ line: 14, code: 'E_FIELD_COUNT' });
  });

  it('yields batches in file order, format first and summary last', async () => {
    const types: string[] = [];
    for await (const ev of parseIncidents(memoryStream(readBytes(fixture('asam-msi.csv')), 64)))
      types.push(ev.type);
    expect(types[0]).toBe('format');
    expect(types.at(-1)).toBe('summary');
    expect(types.filter((t) => t === 'summary')).toHaveLength(1);
  });

  it('stops when the signal is aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(
      collectIncidents(memoryStream(readBytes(CRIME_AT_SEA)), { signal: ac.signal }),
    ).rejects.toThrow();
  });
});
