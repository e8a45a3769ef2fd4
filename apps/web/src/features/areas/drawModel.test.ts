import { describe, expect, it } from 'vitest';
import { boxFromCorners, boxPolygon, closeRing, parseBox, parseCoordinates } from './drawModel';

describe('area editor helpers', () => {
  it('typed coordinates become a closed ring; a bad line is named', () => {
    expect(parseCoordinates('40 0\n42, 2\n\n42;0\n')).toEqual({
      ok: true,
      value: [
        [40, 0],
        [42, 2],
        [42, 0],
        [40, 0],
      ],
    });
    expect(parseCoordinates('40 0\n42 north\n1 1')).toEqual({
      ok: false,
      line: 2,
      message: 'line 2: expected "longitude latitude", got "42 north"',
    });
    expect(parseCoordinates('1 1\n2 2')).toMatchObject({ ok: false, message: 'give at least 3 positions' });
  });

  it('a dragged box is ordered west < east; a typed one may cross the antimeridian', () => {
    expect(boxFromCorners([12, 8], [-5, -5])).toEqual([-5, -5, 12, 8]);
    expect(parseBox(['170', '-25', '-170', '0'])).toEqual({ ok: true, value: [170, -25, -170, 0] });
    expect(parseBox(['170', '', '-170', '0'])).toMatchObject({ ok: false, message: 'south is not a number' });
    expect(boxPolygon([170, -25, -170, 0]).coordinates[0]![1]).toEqual([190, -25]);
    expect(
      closeRing([
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ]),
    ).toHaveLength(4);
  });
});
