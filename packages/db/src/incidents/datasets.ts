/** The incident datasets Entente knows (EVALUATION.md §1.5, §8): licence, attribution, caveats. */

export interface DatasetCaveat {
  date: string | null;
  text: string;
}

export interface DatasetDefinition {
  code: 'crime_at_sea' | 'nga_asam' | 'ucdp_ged' | 'acled' | 'gtd' | 'user';
  title: string;
  publisher: string;
  licence: string;
  attribution: string;
  rowsRedistributable: boolean;
  shareAlike: boolean;
  codeSystem: string | null;
  caveats: DatasetCaveat[];
}

const REPORTING = 'Counts are reported incidents, not all incidents.';

export const DATASETS: readonly DatasetDefinition[] = [
  {
    code: 'crime_at_sea',
    title: 'Crime at Sea: A Global Database of Maritime Pirate Attacks (1993–2020)',
    publisher: 'Benden, Feng, Howell & Dalla Riva',
    licence: 'CC-BY-4.0',
    attribution:
      'Benden, Feng, Howell & Dalla Riva (2021), "Crime at Sea: A Global Database of Maritime Pirate Attacks (1993–2020)", Journal of Open Humanities Data 7:19, https://doi.org/10.5334/johd.39. CC BY 4.0 (the upstream README names CC BY-SA 4.0: share-alike applies to the data and its derivatives).',
    rowsRedistributable: true,
    shareAlike: true,
    codeSystem: 'iso_alpha3',
    caveats: [
      {
        date: '2015-01-01',
        text: 'Source switch: mappingpiracy until 2014-12-31, IMB from 2015-01-01 (source_series).',
      },
      { date: null, text: `${REPORTING} Piracy in West Africa is notably under-reported to the IMB.` },
    ],
  },
  {
    code: 'nga_asam',
    title: 'Anti-Shipping Activity Messages',
    publisher: 'NGA Maritime Safety Information',
    licence: 'US-Gov-Work',
    attribution: 'NGA Maritime Safety Information, Anti-Shipping Activity Messages (US Government work).',
    rowsRedistributable: true,
    shareAlike: false,
    codeSystem: null,
    caveats: [
      { date: null, text: `${REPORTING} ASAM includes suspicious approaches and other hostility.` },
      { date: null, text: 'Early messages give positions rounded to whole degrees (location level 3).' },
    ],
  },
  {
    code: 'ucdp_ged',
    title: 'UCDP Georeferenced Event Dataset',
    publisher: 'Uppsala Conflict Data Program',
    licence: 'CC-BY-4.0',
    attribution:
      'UCDP GED; Sundberg & Melander (2013), Journal of Peace Research 50(4); Davies, Pettersson & Öberg (2023), Journal of Peace Research 60(4). CC BY 4.0.',
    rowsRedistributable: true,
    shareAlike: false,
    codeSystem: 'gleditsch_ward',
    caveats: [{ date: null, text: `${REPORTING} GED depends on media coverage, which changes over time.` }],
  },
  {
    code: 'acled',
    title: 'Armed Conflict Location & Event Data',
    publisher: 'ACLED',
    licence: 'ACLED-Terms',
    attribution:
      'Armed Conflict Location & Event Data Project (ACLED), www.acleddata.com, with the access date, filters and transformations applied.',
    rowsRedistributable: false,
    shareAlike: false,
    codeSystem: 'iso_numeric',
    caveats: [
      { date: null, text: `${REPORTING} ACLED depends on media coverage, which changes over time.` },
      { date: null, text: 'ACLED terms forbid event-level export: aggregates only.' },
    ],
  },
  {
    code: 'gtd',
    title: 'Global Terrorism Database',
    publisher: 'START, University of Maryland',
    licence: 'GTD-EUA',
    attribution: 'START Global Terrorism Database, used under its End User Agreement.',
    rowsRedistributable: false,
    shareAlike: false,
    codeSystem: 'gtd',
    caveats: [
      { date: '1993-01-01', text: 'Coverage gap: 1993 is largely missing (not zero).' },
      { date: '1998-01-01', text: 'Collection-method break.' },
      { date: '2008-04-01', text: 'Collection-method break.' },
      { date: '2012-01-01', text: 'Collection-method break.' },
      {
        date: null,
        text: 'The GTD End User Agreement forbids public display or export of rows: aggregates only.',
      },
    ],
  },
  {
    code: 'user',
    title: 'User-entered incidents',
    publisher: 'Entente users',
    licence: 'internal',
    attribution: 'Recorded by Entente users.',
    rowsRedistributable: true,
    shareAlike: false,
    codeSystem: 'iso_alpha3',
    caveats: [],
  },
];

export const datasetDefinition = (code: string): DatasetDefinition | undefined =>
  DATASETS.find((d) => d.code === code);
