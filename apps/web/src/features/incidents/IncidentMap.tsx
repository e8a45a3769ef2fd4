/**
 * maplibre-gl on the offline base map (world-atlas countries as a local GeoJSON source, no tiles, no
 * glyphs), set up as the dashboard map is, with the incidents as a clustered GeoJSON source. For
 * datasets whose rows may not leave Entente it draws only an aggregate: the selected area and its total.
 */
import { useEffect, useRef, useState } from 'react';
import { Popup, type Map as MapLibre } from 'maplibre-gl';
import type { ExpressionSpecification, GeoJSONSource, StyleSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { EVENT_COLOURS, FALLBACK_COLOUR } from './mapModel';
import type { Bbox } from './mapModel';
import { typeLabel } from './labels';
import { createBaseMap } from '../../lib/baseMap';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

const colourByType: ExpressionSpecification = [
  'match',
  ['get', 'type'],
  ...Object.entries(EVENT_COLOURS).flat(),
  FALLBACK_COLOUR,
] as unknown as ExpressionSpecification;

const STYLE: StyleSpecification = {
  version: 8,
  sources: {
    countries: { type: 'geojson', data: EMPTY },
    area: { type: 'geojson', data: EMPTY },
    incidents: { type: 'geojson', data: EMPTY, cluster: true, clusterRadius: 40, clusterMaxZoom: 7 },
    aggregate: { type: 'geojson', data: EMPTY },
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
      id: 'area-fill',
      type: 'fill',
      source: 'area',
      paint: { 'fill-color': '#1d4f7c', 'fill-opacity': 0.06 },
    },
    {
      id: 'area-line',
      type: 'line',
      source: 'area',
      paint: { 'line-color': '#1d4f7c', 'line-width': 1.5, 'line-dasharray': [3, 2] },
    },
    {
      id: 'clusters',
      type: 'circle',
      source: 'incidents',
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': '#2f5d8a',
        'circle-opacity': 0.75,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
        'circle-radius': ['step', ['get', 'point_count'], 9, 10, 13, 50, 18, 200, 24, 1000, 30],
      },
    },
    {
      id: 'points',
      type: 'circle',
      source: 'incidents',
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': colourByType,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 1, 3.5, 7, 7],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1,
        'circle-opacity': 0.9,
      },
    },
    {
      id: 'aggregate',
      type: 'circle',
      source: 'aggregate',
      paint: {
        'circle-color': '#8a5a00',
        'circle-opacity': 0.7,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
        'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'count']], 0, 8, 100, 40],
      },
    },
  ],
};

/** The bbox as a polygon, continuing past 180° when it crosses the antimeridian. */
function bboxPolygon([w, s, e, n]: Bbox): Feature<Polygon> {
  const east = e < w ? e + 360 : e;
  return {
    type: 'Feature',
    properties: {},
    geometry: {
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
    },
  };
}

function text(tag: string, value: string, className?: string): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = value;
  if (className) el.className = className;
  return el;
}

type Props = {
  points: FeatureCollection<Point> | null;
  bbox: Bbox | null;
  areaName: string;
  /** Datasets whose rows may not leave Entente: one aggregate circle for the area. */
  aggregate: { count: number } | null;
};

export default function IncidentMap({ points, bbox, areaName, aggregate }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibre | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const m = createBaseMap(container.current, {
      style: STYLE,
      center: [30, 5],
      ariaLabel:
        'Map of incidents. Use + and − to zoom and the arrow keys to pan; the table below lists the incidents.',
      onLoaded: () => setLoaded(true),
      onFailed: setFailed,
    });
    if (!m) return;
    map.current = m;
    m.on('click', 'clusters', (e) => {
      const f = e.features?.[0];
      if (!f || f.geometry.type !== 'Point') return;
      const id = Number(f.properties['cluster_id']);
      const [lon, lat] = f.geometry.coordinates as [number, number];
      void (m.getSource('incidents') as GeoJSONSource)
        .getClusterExpansionZoom(id)
        .then((zoom) => m.easeTo({ center: [lon, lat], zoom }));
    });
    m.on('click', 'points', (e) => {
      const f = e.features?.[0];
      if (!f || f.geometry.type !== 'Point') return;
      const p = f.properties;
      const div = document.createElement('div');
      div.className = 'map-popup';
      div.append(
        text('strong', `${String(p['date'] ?? '')} · ${typeLabel(String(p['subtype'] ?? ''))}`),
        text('div', [p['country'], p['place']].filter(Boolean).map(String).join(' · ')),
        text('div', String(p['detail'] ?? ''), 'muted'),
      );
      new Popup({ closeButton: true, maxWidth: '300px' })
        .setLngLat(f.geometry.coordinates as [number, number])
        .setDOMContent(div)
        .addTo(m);
    });
    for (const layer of ['clusters', 'points']) {
      m.on('mouseenter', layer, () => {
        m.getCanvas().style.cursor = 'pointer';
      });
      m.on('mouseleave', layer, () => {
        m.getCanvas().style.cursor = '';
      });
    }
    return () => {
      map.current = null;
      m.remove();
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!loaded || !m) return;
    (m.getSource('incidents') as GeoJSONSource | undefined)?.setData(points ?? EMPTY);
    (m.getSource('area') as GeoJSONSource | undefined)?.setData(
      bbox ? { type: 'FeatureCollection', features: [bboxPolygon(bbox)] } : EMPTY,
    );
    const centre = bbox
      ? [(bbox[0] + (bbox[2] < bbox[0] ? bbox[2] + 360 : bbox[2])) / 2, (bbox[1] + bbox[3]) / 2]
      : null;
    (m.getSource('aggregate') as GeoJSONSource | undefined)?.setData(
      aggregate && aggregate.count > 0 && centre
        ? {
            type: 'FeatureCollection',
            features: [
              {
                type: 'Feature',
                properties: { count: aggregate.count, name: areaName },
                geometry: { type: 'Point', coordinates: centre },
              },
            ],
          }
        : EMPTY,
    );
    if (bbox) {
      const [w, s, e, n] = bbox;
      m.fitBounds(
        [
          [w, s],
          [e < w ? e + 360 : e, n],
        ],
        { padding: 30, maxZoom: 6, duration: 0 },
      );
    }
  }, [points, bbox, aggregate, areaName, loaded]);

  if (failed) {
    return (
      <div className="map-box map-box--failed" role="status">
        The map could not be shown ({failed}). The table below lists the incidents.
      </div>
    );
  }
  return <div ref={container} className="map-box incident-map" />;
}
