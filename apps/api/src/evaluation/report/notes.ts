/**
 * The disclosures every chart must carry (EVALUATION.md §8): the source line, reporting ≠
 * occurrence with the source's own note, exposure, precision (excluded counts), source switches,
 * and the data version the chart was built from. Pure: strings from the report input.
 */
import type { EvaluationReportInput } from './types';

export const REPORTED_NOTE = 'Counts are reported incidents, not all incidents';

const SOURCE_NOTES: Record<string, string> = {
  crime_at_sea: 'Piracy in West Africa is notably under-reported to the IMB.',
  nga_asam: 'ASAM records what is reported to NGA; coverage differs by region and period.',
  ucdp_ged: 'UCDP GED depends on media coverage, which changes over time.',
  acled: 'ACLED depends on media coverage, which changes over time.',
  gtd: 'GTD depends on media coverage, which changes over time.',
};

export const sourceNote = (code: string): string =>
  SOURCE_NOTES[code] ?? 'Incident data depend on what is reported, which changes over time.';

const versionsOf = (input: EvaluationReportInput) => {
  const ds = input.result.dataset;
  return (input.dataVersions ?? []).filter((v) => v.dataset === ds.code);
};

/** §8.1: dataset, version, access date, batch status, licence and attribution. */
export function sourceLine(input: EvaluationReportInput): string {
  const ds = input.result.dataset;
  const batches = versionsOf(input).flatMap((v) => v.batches ?? []);
  const status = batches.length
    ? `batch status ${[...new Set(batches.map((b) => b.status))].join(', ')}`
    : 'batch status not recorded';
  return `Source: ${ds.code} version ${ds.version}, read ${input.generatedAt.slice(0, 10)}, ${status}; licence ${ds.licence}. ${ds.attribution}`;
}

/** §8.2: the fixed note plus the source's own caveat. */
export const reportingNote = (input: EvaluationReportInput): string =>
  `${REPORTED_NOTE}. ${sourceNote(input.result.dataset.code)}`;

/** §8.4 */
export const EXPOSURE_NOTE =
  'Rate per area-month, not per transit: no exposure series is modelled. Fewer attacks can mean re-routed traffic.';

/** §8.5: "N incidents excluded: location coarser than …; date coarser than …". */
export function precisionNote(excluded: Record<string, number>): string {
  const loc = excluded.locationPrecision ?? 0;
  const date = excluded.datePrecision ?? 0;
  const other = Object.entries(excluded).filter(([k]) => k !== 'locationPrecision' && k !== 'datePrecision');
  const total = loc + date + other.reduce((a, [, v]) => a + v, 0);
  const parts = [
    `${loc} with a location coarser than the area's resolution`,
    `${date} with a date coarser than a month`,
    ...other.map(([k, v]) => `${v} ${k}`),
  ];
  return `${total} incidents excluded: ${parts.join('; ')}. The tables appendix lists the counts used.`;
}

/** §8.3: the source switches inside the window. */
export function switchNote(months: string[], indices: number[]): string {
  const at = indices.map((i) => months[i]).filter((m): m is string => Boolean(m));
  return at.length
    ? `Source switches marked as vertical lines: ${at.join(', ')}.`
    : 'No source switch or method break falls inside the window.';
}

/** §8.7: the dataset version and content hash the chart was built from. */
export function livingDataNote(input: EvaluationReportInput): string {
  const ds = input.result.dataset;
  const hashes = versionsOf(input)
    .map((v) => v.contentSha256)
    .filter((x): x is string => Boolean(x));
  return `Built from ${ds.code} version ${ds.version}${hashes.length ? `, content SHA-256 ${hashes.join(', ')}` : ''}; inputs hash ${input.result.inputsHash}.`;
}
