/**
 * @entente/geo — analysis areas, spatial index, point-in-polygon, adjacency (EVALUATION.md §2). Pure:
 * callers pass parsed GeoJSON/TopoJSON; nothing here reads files, the clock or the environment.
 */
export type * from './types.ts';
export { hasGeometry } from './types.ts';
export {
  countryAreasFromWorldAtlas,
  countryUnits,
  DEFAULT_TERRITORY_POLICY,
  type TerritoryPolicy,
} from './countries.ts';
export { marineAreasFromNaturalEarth } from './marine.ts';
export {
  admin1Area,
  boxArea,
  polygonArea,
  polygonAreasFromFeatureCollection,
  PRESET_AREAS,
  unionArea,
  validateBox,
  type BoxAreaInput,
  type PolygonAreaInput,
} from './custom.ts';
export { GeoValidationError, validateAreaGeometry, type GeoIssue } from './validate.ts';
export {
  AreaIndex,
  DEFAULT_NEAREST_KM,
  emptyCounts,
  type AreaIndexOptions,
  type AssignCounts,
  type AssignOptions,
  type AssignPoint,
  type AssignResult,
  type PointAssignment,
} from './area-index.ts';
export { LayeredAreaIndex } from './composite-index.ts';
export { EARTH_RADIUS_KM, greatCircleKm, NM_KM, pointToArcKm, toVec } from './distance.ts';
export { canonicalJson, contentHash, sha256Hex } from './hash.ts';
export { slug } from './slug.ts';
export { bboxOfGeometry } from './geometry.ts';
export { ISO_NUMERIC_TO_ALPHA3 } from './iso-numeric.ts';
export { bufferNeighbours, countryNeighbours, DEFAULT_BUFFER_KM, type AreaNeighbour } from './adjacency.ts';
export {
  buildCustomAreas,
  shapesFromGeoJson,
  type CustomAreaShape,
  type UploadedShape,
  type UploadMode,
} from './upload.ts';
