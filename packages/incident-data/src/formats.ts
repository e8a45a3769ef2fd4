/**
 * Format registry: each supported export is recognised by its exact header signature
 * (EVALUATION.md §1.5). A signature is the exact set of column names (no missing, no extra,
 * no duplicate); column order is free because every mapper reads columns by name. That keeps
 * detection strict while tolerating an export tool that reorders columns.
 */
import type { SourceCode } from './types';

export type FormatId =
  | 'crime_at_sea_csv'
  | 'nga_asam_arcgis_csv'
  | 'nga_asam_msi_csv'
  | 'nga_asam_msi_json'
  | 'ucdp_ged_csv'
  | 'ucdp_ged_geojson'
  | 'acled_csv'
  | 'gtd_csv';

export interface FormatSpec {
  id: FormatId;
  source: SourceCode;
  container: 'csv' | 'geojson' | 'json';
  headers: readonly string[];
}

const CRIME_AT_SEA = [
  'date',
  'time',
  'longitude',
  'latitude',
  'attack_type',
  'location_description',
  'nearest_country',
  'eez_country',
  'shore_distance',
  'shore_longitude',
  'shore_latitude',
  'attack_description',
  'vessel_name',
  'vessel_type',
  'vessel_status',
  'data_source',
] as const;

const ASAM_ARCGIS = [
  'X',
  'Y',
  'OBJECTID',
  'reference',
  'dateofocc',
  'subreg',
  'hostility_d',
  'victim_d',
  'description',
  'hostilitytype_l',
  'victim_l',
  'navarea',
] as const;

const ASAM_MSI_CSV = [
  'reference',
  'date',
  'position',
  'navArea',
  'subreg',
  'hostility',
  'victim',
  'description',
] as const;

const ASAM_MSI_JSON = [
  'reference',
  'date',
  'latitude',
  'longitude',
  'navArea',
  'subreg',
  'hostility',
  'victim',
  'description',
  'position',
] as const;

/** The 46 properties of the GED GeoJSON download (checked against GEDEvent_v23_1.geojson). */
export const GED_GEOJSON = [
  'id',
  'relid',
  'year',
  'active_year',
  'code_status',
  'type_of_violence',
  'conflict_dset_id',
  'conflict_new_id',
  'conflict_name',
  'dyad_dset_id',
  'dyad_new_id',
  'dyad_name',
  'side_a_dset_id',
  'side_a_new_id',
  'side_a',
  'side_b_dset_id',
  'side_b_new_id',
  'side_b',
  'number_of_sources',
  'source_article',
  'source_office',
  'source_date',
  'source_headline',
  'source_original',
  'where_prec',
  'where_coordinates',
  'where_description',
  'adm_1',
  'adm_2',
  'priogrid_gid',
  'country',
  'country_id',
  'region',
  'event_clarity',
  'date_prec',
  'date_start',
  'date_end',
  'deaths_a',
  'deaths_b',
  'deaths_civilians',
  'deaths_unknown',
  'best',
  'high',
  'low',
  'gwnoa',
  'gwnob',
] as const;

/**
 * GED CSV: the GeoJSON properties plus `latitude`, `longitude` and `geom_wkt` = 49 columns
 * (GED codebook 23.1). Not checked against a real CSV file (none in the test data).
 */
const GED_CSV = [...GED_GEOJSON.slice(0, 29), 'latitude', 'longitude', 'geom_wkt', ...GED_GEOJSON.slice(29)];

/** ACLED export, 31 columns (ACLED codebook 2023+; EVALUATION.md §1.5 lists the ends). */
const ACLED = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

/** GTD, 135 columns (GTD codebook, 2019+ releases; EVALUATION.md §1.5 lists only some). */
const GTD = [
  'eventid',
  'iyear',
  'imonth',
  'iday',
  'approxdate',
  'extended',
  'resolution',
  'country',
  'country_txt',
  'region',
  'region_txt',
  'provstate',
  'city',
  'latitude',
  'longitude',
  'specificity',
  'vicinity',
  'location',
  'summary',
  'crit1',
  'crit2',
  'crit3',
  'doubtterr',
  'alternative',
  'alternative_txt',
  'multiple',
  'success',
  'suicide',
  'attacktype1',
  'attacktype1_txt',
  'attacktype2',
  'attacktype2_txt',
  'attacktype3',
  'attacktype3_txt',
  'targtype1',
  'targtype1_txt',
  'targsubtype1',
  'targsubtype1_txt',
  'corp1',
  'target1',
  'natlty1',
  'natlty1_txt',
  'targtype2',
  'targtype2_txt',
  'targsubtype2',
  'targsubtype2_txt',
  'corp2',
  'target2',
  'natlty2',
  'natlty2_txt',
  'targtype3',
  'targtype3_txt',
  'targsubtype3',
  'targsubtype3_txt',
  'corp3',
  'target3',
  'natlty3',
  'natlty3_txt',
  'gname',
  'gsubname',
  'gname2',
  'gsubname2',
  'gname3',
  'gsubname3',
  'motive',
  'guncertain1',
  'guncertain2',
  'guncertain3',
  'individual',
  'nperps',
  'nperpcap',
  'claimed',
  'claimmode',
  'claimmode_txt',
  'claim2',
  'claimmode2',
  'claimmode2_txt',
  'claim3',
  'claimmode3',
  'claimmode3_txt',
  'compclaim',
  'weaptype1',
  'weaptype1_txt',
  'weapsubtype1',
  'weapsubtype1_txt',
  'weaptype2',
  'weaptype2_txt',
  'weapsubtype2',
  'weapsubtype2_txt',
  'weaptype3',
  'weaptype3_txt',
  'weapsubtype3',
  'weapsubtype3_txt',
  'weaptype4',
  'weaptype4_txt',
  'weapsubtype4',
  'weapsubtype4_txt',
  'weapdetail',
  'nkill',
  'nkillus',
  'nkillter',
  'nwound',
  'nwoundus',
  'nwoundte',
  'property',
  'propextent',
  'propextent_txt',
  'propvalue',
  'propcomment',
  'ishostkid',
  'nhostkid',
  'nhostkidus',
  'nhours',
  'ndays',
  'divert',
  'kidhijcountry',
  'ransom',
  'ransomamt',
  'ransomamtus',
  'ransompaid',
  'ransompaidus',
  'ransomnote',
  'hostkidoutcome',
  'hostkidoutcome_txt',
  'nreleased',
  'addnotes',
  'scite1',
  'scite2',
  'scite3',
  'dbsource',
  'INT_LOG',
  'INT_IDEO',
  'INT_MISC',
  'INT_ANY',
  'related',
] as const;

export const FORMATS: readonly FormatSpec[] = [
  { id: 'crime_at_sea_csv', source: 'crime_at_sea', container: 'csv', headers: CRIME_AT_SEA },
  { id: 'nga_asam_arcgis_csv', source: 'nga_asam', container: 'csv', headers: ASAM_ARCGIS },
  { id: 'nga_asam_msi_csv', source: 'nga_asam', container: 'csv', headers: ASAM_MSI_CSV },
  { id: 'nga_asam_msi_json', source: 'nga_asam', container: 'json', headers: ASAM_MSI_JSON },
  { id: 'ucdp_ged_csv', source: 'ucdp_ged', container: 'csv', headers: GED_CSV },
  { id: 'ucdp_ged_geojson', source: 'ucdp_ged', container: 'geojson', headers: GED_GEOJSON },
  { id: 'acled_csv', source: 'acled', container: 'csv', headers: ACLED },
  { id: 'gtd_csv', source: 'gtd', container: 'csv', headers: GTD },
];

const signature = (names: readonly string[]): string => [...names].sort().join('\u0000');
const BY_SIGNATURE = new Map(FORMATS.map((f) => [`${f.container}:${signature(f.headers)}`, f]));

export type Detection = { ok: true; format: FormatSpec } | { ok: false; message: string };

/**
 * Finds the format whose signature equals `names` exactly. A leading BOM on the first name is
 * stripped (a BOM that survived decoding). The refusal lists every expected header, so the
 * user can see which export to produce.
 */
export function detectFormat(container: FormatSpec['container'], names: readonly string[]): Detection {
  const clean = names.map((n, i) => (i === 0 && n.charCodeAt(0) === 0xfeff ? n.slice(1) : n));
  const hit =
    new Set(clean).size === clean.length ? BY_SIGNATURE.get(`${container}:${signature(clean)}`) : undefined;
  if (hit) return { ok: true, format: hit };
  const candidates = FORMATS.filter((f) => f.container === container);
  const lines = candidates.map((f) => `  ${f.id} (${f.headers.length} columns): ${f.headers.join(',')}`);
  const shown =
    clean.length > 40 ? `${clean.slice(0, 40).join(',')},… (${clean.length} columns)` : clean.join(',');
  return {
    ok: false,
    message: `Unknown ${container} header: ${shown || '(empty)'}\nExpected exactly one of:\n${lines.join('\n')}`,
  };
}
