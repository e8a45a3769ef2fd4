/** Test data shaped by the contracts, and a fetch stub that answers by API path (the fetch boundary). */
import { vi } from 'vitest';
import type { BatchItem, DatasetItem, ImportReport, SeriesData } from './incidentsApi';

export const LABEL = { banner: 'HUB OFFICIAL', colour: '#007a33', textColour: '#ffffff' };

export const CRIME_AT_SEA: DatasetItem = {
  code: 'crime_at_sea',
  title: 'Crime at Sea: A Global Database of Maritime Pirate Attacks (1993–2020)',
  publisher: 'Benden, Feng, Howell & Dalla Riva',
  version: 3,
  sourceVersion: null,
  licence: 'CC-BY-4.0',
  attribution:
    'Benden, Feng, Howell & Dalla Riva (2021), "Crime at Sea: A Global Database of Maritime Pirate Attacks (1993–2020)", Journal of Open Humanities Data 7:19, https://doi.org/10.5334/johd.39. CC BY 4.0.',
  rowsRedistributable: true,
  shareAlike: true,
  accessedOn: '2026-11-02',
  contentSha256: 'a3f1c9e2b4d6f80817263544e5d6c7b8a9f0e1d2c3b4a5968778695a4b3c2d1e',
  codeSystem: 'iso_alpha3',
  caveats: [
    {
      date: '2015-01-01',
      text: 'Source switch: mappingpiracy until 2014-12-31, IMB from 2015-01-01 (source_series).',
    },
    {
      date: null,
      text: 'Counts are reported incidents, not all incidents. Piracy in West Africa is notably under-reported to the IMB.',
    },
  ],
  rowCount: 7511,
  lastImportAt: '2026-11-29T18:00:00.000Z',
};

export const ACLED: DatasetItem = {
  code: 'acled',
  title: 'Armed Conflict Location & Event Data',
  publisher: 'ACLED',
  version: 0,
  sourceVersion: null,
  licence: 'ACLED-Terms',
  attribution: 'Armed Conflict Location & Event Data Project (ACLED), www.acleddata.com.',
  rowsRedistributable: false,
  shareAlike: false,
  accessedOn: null,
  contentSha256: null,
  codeSystem: 'iso_numeric',
  caveats: [{ date: null, text: 'ACLED terms forbid event-level export: aggregates only.' }],
  rowCount: 0,
  lastImportAt: null,
};

const COUNTS = {
  read: 0,
  accepted: 0,
  inserted: 0,
  superseded: 0,
  unchanged: 0,
  withdrawn: 0,
  rejected: 0,
  warned: 0,
};

export const BATCH: BatchItem = {
  id: '6f1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b',
  source: 'crime_at_sea',
  format: 'crime_at_sea_csv',
  fileName: 'pirate_attacks.csv',
  fileSha256: 'f00dfeed0123456789abcdef0123456789abcdef0123456789abcdef01234567',
  bytes: 2_345_678,
  status: 'committed',
  counts: { ...COUNTS, read: 7511, accepted: 7511, inserted: 7511, warned: 912 },
  mappingVersion: 1,
  datasetVersion: 3,
  userId: null,
  startedAt: '2026-11-29T18:00:00.000Z',
  finishedAt: '2026-11-29T18:00:02.000Z',
};

export function report(patch: Partial<ImportReport>): ImportReport {
  return {
    ok: true,
    outcome: 'committed',
    batchId: BATCH.id,
    source: 'crime_at_sea',
    format: 'crime_at_sea_csv',
    fileName: 'pirate_attacks.csv',
    fileSha256: BATCH.fileSha256,
    bytes: 2_345_678,
    datasetVersion: 3,
    mappingVersion: 1,
    counts: { ...COUNTS, read: 7511, accepted: 7511, inserted: 7511, warned: 912 },
    warningsByCode: { W_EXACT_DUPLICATE_ROW: 12, W_COUNTRY_FROM_NEAREST: 900 },
    areas: { memberships: 14_200, marineUnassigned: 1_204, areaMonthCells: 5_310 },
    problems: [],
    problemsTruncated: false,
    elapsedMs: 2_150,
    rowsPerSec: 3_493.5,
    ...patch,
  };
}

export const SERIES: SeriesData = {
  area: { key: 'marine:gulf-of-aden', kind: 'marine', name: 'Gulf of Aden' },
  source: 'crime_at_sea',
  interval: 'month',
  from: '2014-10-01',
  to: '2015-03-31',
  points: [
    { month: '2014-10', count: 4, fatalities: 0 },
    { month: '2015-01', count: 2, fatalities: 0 },
    { month: '2015-03', count: 1, fatalities: 0 },
  ],
  total: 7,
  excluded: { datePrecision: 0, locationPrecision: 3 },
  dataset: {
    code: 'crime_at_sea',
    version: 3,
    licence: 'CC-BY-4.0',
    attribution: CRIME_AT_SEA.attribution,
    caveats: CRIME_AT_SEA.caveats,
  },
  note: 'Counts are reported incidents, not all incidents.',
};

/** `fetch` answering `{data, meta}` by path (without the query string); unknown paths answer 404. */
export function stubApi(routes: Record<string, unknown>) {
  const fetch = vi.fn(async (url: string) => {
    const path =
      String(url)
        .replace(/^\/api\/v1/, '')
        .split('?')[0] ?? '';
    if (!(path in routes))
      return new Response(
        JSON.stringify({ error: { code: 'not_found', message: `no ${path}`, requestId: 'r' } }),
        {
          status: 404,
        },
      );
    return new Response(JSON.stringify({ data: routes[path], meta: { pageLabel: LABEL } }), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}
