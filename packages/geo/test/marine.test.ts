import { describe, expect, it } from 'vitest';
import { marineAreasFromNaturalEarth, slug } from '../src/index.ts';
import { readMarine } from './data.ts';

const areas = marineAreasFromNaturalEarth(readMarine());

describe('marine areas from Natural Earth ne_10m_geography_marine_polys', () => {
  it('has 307 areas with unique stable keys', () => {
    expect(areas).toHaveLength(307);
    expect(new Set(areas.map((a) => a.key)).size).toBe(307);
    expect(areas.every((a) => /^marine:[a-z0-9-]+$/.test(a.key))).toBe(true);
  });

  it('keys are slug(name) after trimming, collapsing whitespace and case-folding', () => {
    const keys = new Set(areas.map((a) => a.key));
    for (const k of [
      'gulf-of-aden',
      'arabian-sea',
      'red-sea',
      'gulf-of-guinea',
      'strait-of-malacca',
      'caribbean-sea',
      'indian-ocean',
      'oresund',
    ])
      expect(keys).toContain(`marine:${k}`);
    expect(areas.find((a) => a.key === 'marine:caribbean-sea')!.name).toBe('Caribbean Sea');
    expect(slug('  Golfo San Mat’as ')).toBe('golfo-san-mat-as');
    expect(slug('Bahía de Campeche')).toBe('bahia-de-campeche');
  });

  it('repeated names get -2 in file order; unnamed features take their note', () => {
    const keys = areas.map((a) => a.key);
    expect(keys.filter((k) => k.startsWith('marine:mediterranean-sea'))).toEqual([
      'marine:mediterranean-sea',
      'marine:mediterranean-sea-2',
    ]);
    expect(keys.filter((k) => k.startsWith('marine:ross-sea'))).toEqual([
      'marine:ross-sea',
      'marine:ross-sea-2',
    ]);
    expect(keys.filter((k) => k.startsWith('marine:internal-'))).toHaveLength(11);
    expect(areas.find((a) => a.key === 'marine:internal-denmark-waters')!.name).toBe(
      'Internal Denmark Waters',
    );
  });

  it('every ring is closed and within −180…180, and bboxes are consistent', () => {
    const bad: string[] = [];
    for (const a of areas) {
      const polys = a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates;
      for (const ring of polys.flat()) {
        const [f, l] = [ring[0]!, ring[ring.length - 1]!];
        if (f[0] !== l[0] || f[1] !== l[1]) bad.push(`${a.key}: open ring`);
        if (ring.some(([x]) => Math.abs(x!) > 180)) bad.push(`${a.key}: longitude out of range`);
      }
      if (a.bbox[0] > a.bbox[2] || !/^[0-9a-f]{64}$/.test(a.hash)) bad.push(`${a.key}: bbox or hash`);
    }
    expect(bad).toEqual([]);
  });

  it('hashes are deterministic', () => {
    const again = marineAreasFromNaturalEarth(readMarine());
    expect(again.map((a) => a.hash)).toEqual(areas.map((a) => a.hash));
  });
});
