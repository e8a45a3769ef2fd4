/**
 * maplibre-gl with GeoJSON sources only (air-gapped): Natural Earth countries from world-atlas and the
 * engagement points as a circle layer. No glyphs, so no text/symbol layers. The worker is set explicitly for Vite.
 */
import { useEffect, useRef, useState } from 'react';
import { Popup, type Map as MapLibre } from 'maplibre-gl';
import type { ExpressionSpecification, GeoJSONSource, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { MapPoint } from '@entente/contracts';
import { ENGAGEMENT_TYPES, typeColour, typeLabel } from '../../lib/engagementTypes';
import { formatDate } from '../../lib/format';
import { createBaseMap } from '../../lib/baseMap';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

const colourByType: ExpressionSpecification = [
  'match',
  ['get', 'type'],
  ...ENGAGEMENT_TYPES.flatMap((t) => [t, typeColour(t)]),
  '#555555',
] as unknown as ExpressionSpecification;

const STYLE: StyleSpecification = {
  version: 8,
  sources: {
    countries: { type: 'geojson', data: EMPTY },
    points: { type: 'geojson', data: EMPTY },
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
      id: 'points',
      type: 'circle',
      source: 'points',
      paint: {
        'circle-color': colourByType,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 1, 4, 6, 9],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.2,
        'circle-opacity': 0.9,
      },
    },
  ],
};

function toGeoJson(points: readonly MapPoint[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: points.map((p) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: {
        id: p.id,
        code: p.code,
        title: p.title,
        type: p.type,
        place: p.place,
        plannedStart: p.plannedStart,
      },
    })),
  };
}

function popupContent(props: Record<string, unknown>, onOpen: (id: string) => void): HTMLElement {
  const div = document.createElement('div');
  div.className = 'map-popup';
  const code = document.createElement('strong');
  code.textContent = String(props['code'] ?? '');
  const title = document.createElement('div');
  title.textContent = String(props['title'] ?? '');
  const meta = document.createElement('div');
  meta.className = 'muted';
  meta.textContent = `${typeLabel(String(props['type'] ?? ''))} · ${String(props['place'] ?? '')} · ${formatDate(String(props['plannedStart'] ?? ''))}`;
  const link = document.createElement('a');
  const id = String(props['id'] ?? '');
  link.href = `/engagements/${encodeURIComponent(id)}`;
  link.textContent = 'Open engagement';
  link.addEventListener('click', (e) => {
    e.preventDefault();
    onOpen(id);
  });
  div.append(code, title, meta, link);
  return div;
}

type Props = { points: readonly MapPoint[]; onOpen: (id: string) => void };

export default function EngagementMap({ points, onOpen }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibre | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const openRef = useRef(onOpen);
  openRef.current = onOpen;

  useEffect(() => {
    if (!container.current) return;
    const m = createBaseMap(container.current, {
      style: STYLE,
      center: [20, 15],
      ariaLabel: 'World map of engagements. Use + and − to zoom and the arrow keys to pan.',
      onLoaded: () => setLoaded(true),
      onFailed: setFailed,
    });
    if (!m) return;
    map.current = m;
    m.on('click', 'points', (e) => {
      const f = e.features?.[0];
      if (!f || f.geometry.type !== 'Point') return;
      const [lon, lat] = f.geometry.coordinates as [number, number];
      new Popup({ closeButton: true, maxWidth: '280px' })
        .setLngLat([lon, lat])
        .setDOMContent(popupContent(f.properties, (id) => openRef.current(id)))
        .addTo(m);
    });
    m.on('mouseenter', 'points', () => {
      m.getCanvas().style.cursor = 'pointer';
    });
    m.on('mouseleave', 'points', () => {
      m.getCanvas().style.cursor = '';
    });
    return () => {
      map.current = null;
      m.remove();
    };
  }, []);

  useEffect(() => {
    if (!loaded) return;
    (map.current?.getSource('points') as GeoJSONSource | undefined)?.setData(toGeoJson(points));
  }, [points, loaded]);

  if (failed) {
    return (
      <div className="map-box map-box--failed" role="status">
        The map could not be shown ({failed}). The list below has every mapped engagement.
      </div>
    );
  }
  return <div ref={container} className="map-box" />;
}
