/** Incidents as GeoJSON for the map, and the colours of its legend. */
import type { FeatureCollection, Point } from 'geojson';
import type { IncidentRow } from './incidentsApi';

export type Bbox = [number, number, number, number];

export const EVENT_COLOURS: Record<string, string> = {
  piracy: '#b3261e',
  other_maritime: '#14a38b',
  armed_clash: '#6a3d9a',
  attack_on_civilians: '#d95f02',
  terrorism: '#7d1a14',
  explosion_remote: '#8a5a00',
  unrest: '#1e6b35',
  strategic: '#4d5966',
  unknown: '#7a7a7a',
};
export const FALLBACK_COLOUR = '#555555';

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** Rows with a position as points; rows without one are counted by the caller, never placed. */
export function incidentsToGeoJson(rows: readonly IncidentRow[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: rows
      .filter((r) => r.lon !== null && r.lat !== null)
      .map((r) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [r.lon as number, r.lat as number] },
        properties: {
          id: r.id,
          date: r.dateStart,
          type: r.eventType,
          subtype: r.eventSubtype,
          country: r.countryIso3,
          place: str(r.attributes['location_description']) ?? r.admin1Name,
          detail: [str(r.attributes['vessel_name']), str(r.attributes['vessel_type']), r.sourceType]
            .filter(Boolean)
            .join(' · '),
        },
      })),
  };
}
