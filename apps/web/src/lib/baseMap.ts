/**
 * The offline base map every map page shares (air-gapped): maplibre-gl with GeoJSON sources only,
 * Natural Earth 1:110m countries bundled from world-atlas (no tiles, no glyphs), the worker set
 * explicitly for Vite, and the same controls, keyboard handling and attribution everywhere.
 */
import { AttributionControl, Map as MapLibre, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import type { GeoJSONSource, StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import countriesUrl from 'world-atlas/countries-110m.json?url';
import { feature } from 'topojson-client';
import type { FeatureCollection } from 'geojson';

setWorkerUrl(workerUrl);

type Topology = Parameters<typeof feature>[0];
type Ring = number[][];

export const EMPTY_FC: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Rings that cross the antimeridian (Russia, Fiji) continue past ±180° instead of jumping across the map. */
function unwrap(ring: Ring): Ring {
  let shift = 0;
  return ring.map((pt, i) => {
    const prev = ring[i - 1];
    if (prev && pt[0] !== undefined && prev[0] !== undefined) {
      const d = pt[0] - prev[0];
      if (d > 180) shift -= 360;
      else if (d < -180) shift += 360;
    }
    return [(pt[0] ?? 0) + shift, pt[1] ?? 0];
  });
}

/** Natural Earth for a flat map: without Antarctica (a ring around the pole) and with unwrapped rings. */
function planar(fc: FeatureCollection): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: fc.features
      .filter((f) => f.id !== '010')
      .map((f) => {
        const g = f.geometry;
        if (g.type === 'Polygon') return { ...f, geometry: { ...g, coordinates: g.coordinates.map(unwrap) } };
        if (g.type === 'MultiPolygon')
          return { ...f, geometry: { ...g, coordinates: g.coordinates.map((p) => p.map(unwrap)) } };
        return f;
      }),
  };
}

let countriesPromise: Promise<FeatureCollection> | null = null;
/** The bundled countries, converted from TopoJSON once per page load. */
export function loadCountries(): Promise<FeatureCollection> {
  countriesPromise ??= fetch(countriesUrl)
    .then((r) => r.json() as Promise<Topology>)
    .then((topology) => planar(feature(topology, 'countries') as unknown as FeatureCollection));
  return countriesPromise;
}

export interface BaseMapOptions {
  /** A style with a `countries` GeoJSON source (filled in once loaded) and the page's own layers. */
  style: StyleSpecification;
  center: [number, number];
  /** What the canvas is, for screen readers, and how to use it from the keyboard. */
  ariaLabel: string;
  onLoaded: () => void;
  onFailed: (message: string) => void;
}

/** A keyboard-usable map on the offline base map, or null (after `onFailed`) when WebGL is missing. */
export function createBaseMap(container: HTMLElement, o: BaseMapOptions): MapLibre | null {
  let m: MapLibre;
  try {
    m = new MapLibre({
      container,
      style: o.style,
      center: o.center,
      zoom: 1,
      minZoom: 0.5,
      maxZoom: 10,
      attributionControl: false,
      keyboard: true,
      dragRotate: false,
      pitchWithRotate: false,
    });
  } catch (err) {
    o.onFailed(err instanceof Error ? err.message : 'WebGL is not available');
    return null;
  }
  m.touchZoomRotate.disableRotation();
  m.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  m.addControl(
    new AttributionControl({ compact: true, customAttribution: 'Boundaries: Natural Earth' }),
    'bottom-right',
  );
  m.getCanvas().setAttribute('aria-label', o.ariaLabel);
  m.on('load', () => {
    o.onLoaded();
    loadCountries()
      .then((fc) => (m.getSource('countries') as GeoJSONSource | undefined)?.setData(fc))
      .catch(() => o.onFailed('The country outlines could not be loaded.'));
  });
  return m;
}
