import { describe, expect, it } from 'vitest';
import { boxArea, bufferNeighbours, DEFAULT_BUFFER_KM, marineAreasFromNaturalEarth } from '../src/index.ts';
import { readMarine } from './data.ts';

describe('buffer neighbours of the 307 marine areas (200 NM, §2)', () => {
  const nb = bufferNeighbours(marineAreasFromNaturalEarth(readMarine()));
  const of = (k: string): string[] =>
    nb.filter((n) => n.areaKey === k).map((n) => `${n.neighbourKey} ${n.distanceKm!.toFixed(1)}`);

  it('pins the candidate set', () => {
    expect(DEFAULT_BUFFER_KM).toBeCloseTo(370.4, 10);
    expect(nb.length).toBe(2074);
    expect(of('marine:gulf-of-aden')).toEqual([
      'marine:arabian-sea 0.0',
      'marine:bab-el-mandeb 0.0',
      'marine:indian-ocean 155.7',
      'marine:red-sea 0.0',
    ]);
  });

  it('finds pairs across the antimeridian (Natural Earth cuts the Ross Sea at 180°)', () => {
    expect(of('marine:ross-sea')).toContain('marine:ross-sea-2 0.0');
  });

  it('is symmetric with equal distances', () => {
    const m = new Map(nb.map((n) => [`${n.areaKey}|${n.neighbourKey}`, n.distanceKm]));
    for (const n of nb) expect(m.get(`${n.neighbourKey}|${n.areaKey}`)).toBe(n.distanceKm);
  });

  it('boxes on both sides of 180° are neighbours', () => {
    const a = boxArea({ key: 'bbox:w', name: 'w', box: [178, 0, 179, 1] });
    const b = boxArea({ key: 'bbox:e', name: 'e', box: [-179, 0, -178, 1] });
    const rows = bufferNeighbours([a, b]).map(
      (n) => `${n.areaKey} ${n.neighbourKey} ${n.distanceKm!.toFixed(1)}`,
    );
    expect(rows).toEqual(['bbox:e bbox:w 222.4', 'bbox:w bbox:e 222.4']);
  });
});
