/**
 * The area map on the offline base map: shows an area's geometry, and in draw mode lets the user drag
 * a box or click the vertices of a polygon (Enter or double-click closes it, Escape cancels). Typed
 * coordinates are the keyboard alternative (in the form next to the map).
 */
import { useEffect, useRef, useState } from 'react';
import type { GeoJSONSource, Map as MapLibre, MapMouseEvent, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection, Geometry } from 'geojson';
import { createBaseMap, EMPTY_FC } from '../../lib/baseMap';
import { boxFromCorners, closeRing, type Box, type Ring } from './drawModel';

export type DrawMode = 'view' | 'box' | 'polygon';

type Props = {
  mode: DrawMode;
  /** What to show: the saved area or the current draft. */
  geometry: Geometry | null;
  onBox?: (box: Box) => void;
  onPolygon?: (ring: Ring) => void;
};

const STYLE: StyleSpecification = {
  version: 8,
  sources: {
    countries: { type: 'geojson', data: EMPTY_FC },
    shape: { type: 'geojson', data: EMPTY_FC },
    draft: { type: 'geojson', data: EMPTY_FC },
  },
  layers: [
    { id: 'sea', type: 'background', paint: { 'background-color': '#dbe7f0' } },
    { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': '#f5f3ee' } },
    {
      id: 'borders',
      type: 'line',
      source: 'countries',
      paint: { 'line-color': '#9aa7b3', 'line-width': 0.6 },
    },
    {
      id: 'shape-fill',
      type: 'fill',
      source: 'shape',
      paint: { 'fill-color': '#1d4f7c', 'fill-opacity': 0.15 },
    },
    { id: 'shape-line', type: 'line', source: 'shape', paint: { 'line-color': '#1d4f7c', 'line-width': 2 } },
    {
      id: 'draft-line',
      type: 'line',
      source: 'draft',
      paint: { 'line-color': '#b3261e', 'line-width': 2, 'line-dasharray': [2, 2] },
    },
    {
      id: 'draft-points',
      type: 'circle',
      source: 'draft',
      paint: { 'circle-color': '#b3261e', 'circle-radius': 4 },
    },
  ],
};

const fc = (g: Geometry | null): FeatureCollection =>
  g ? { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: g }] } : EMPTY_FC;

export default function AreaMap({ mode, geometry, onBox, onPolygon }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibre | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const handlers = useRef({ mode, onBox, onPolygon });
  handlers.current = { mode, onBox, onPolygon };
  const vertices = useRef<[number, number][]>([]);

  useEffect(() => {
    if (!container.current) return;
    const m = createBaseMap(container.current, {
      style: STYLE,
      center: [30, 5],
      ariaLabel:
        'Area map. Use + and − to zoom and the arrow keys to pan. To draw without a mouse, type the coordinates in the form.',
      onLoaded: () => setLoaded(true),
      onFailed: setFailed,
    });
    if (!m) return;
    map.current = m;
    m.doubleClickZoom.disable();
    const draft = (g: Geometry | null) => (m.getSource('draft') as GeoJSONSource | undefined)?.setData(fc(g));
    let start: [number, number] | null = null;
    const lngLat = (e: MapMouseEvent): [number, number] => [e.lngLat.lng, e.lngLat.lat];
    const finishPolygon = () => {
      if (vertices.current.length >= 3) handlers.current.onPolygon?.(closeRing(vertices.current));
      vertices.current = [];
      draft(null);
    };
    m.on('mousedown', (e) => {
      if (handlers.current.mode !== 'box') return;
      e.preventDefault();
      m.dragPan.disable();
      start = lngLat(e);
    });
    m.on('mousemove', (e) => {
      if (handlers.current.mode === 'box' && start) {
        const [w, s, east, n] = boxFromCorners(start, lngLat(e));
        draft({
          type: 'Polygon',
          coordinates: [
            [
              [w, s],
              [east, s],
              [east, n],
              [w, n],
              [w, s],
            ],
          ],
        });
      } else if (handlers.current.mode === 'polygon' && vertices.current.length > 0) {
        draft({ type: 'LineString', coordinates: [...vertices.current, lngLat(e)] });
      }
    });
    m.on('mouseup', (e) => {
      if (handlers.current.mode !== 'box' || !start) return;
      const box = boxFromCorners(start, lngLat(e));
      start = null;
      m.dragPan.enable();
      draft(null);
      if (box[0] !== box[2] && box[1] !== box[3]) handlers.current.onBox?.(box);
    });
    m.on('click', (e) => {
      if (handlers.current.mode !== 'polygon') return;
      vertices.current.push(lngLat(e));
      draft({ type: 'MultiPoint', coordinates: vertices.current });
    });
    m.on('dblclick', (e) => {
      if (handlers.current.mode !== 'polygon') return;
      e.preventDefault();
      finishPolygon();
    });
    const onKey = (e: KeyboardEvent) => {
      if (handlers.current.mode !== 'polygon') return;
      if (e.key === 'Enter') {
        e.preventDefault();
        finishPolygon();
      } else if (e.key === 'Escape') {
        vertices.current = [];
        draft(null);
      }
    };
    const node = container.current;
    node.addEventListener('keydown', onKey);
    return () => {
      node.removeEventListener('keydown', onKey);
      map.current = null;
      m.remove();
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!loaded || !m) return;
    (m.getSource('shape') as GeoJSONSource | undefined)?.setData(fc(geometry));
    m.getCanvas().style.cursor = mode === 'view' ? '' : 'crosshair';
  }, [loaded, geometry, mode]);

  return (
    <div className="map-box">
      {failed ? (
        <p className="muted" role="status">
          The map is not available here ({failed}). Type the coordinates or upload a GeoJSON file instead.
        </p>
      ) : null}
      <div ref={container} className="map-canvas" style={{ height: 360 }} />
      {mode === 'polygon' ? (
        <p className="muted">
          Click the vertices; press Enter or double-click to close the polygon, Escape to start again.
        </p>
      ) : mode === 'box' ? (
        <p className="muted">Drag across the map to draw the box.</p>
      ) : null}
    </div>
  );
}
