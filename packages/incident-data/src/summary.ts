/**
 * Per-parse summary (task item 6 and `import_batch` counts/metadata): what was read, accepted,
 * rejected and warned, by code; the precision breakdown the analysis will later filter on; the
 * unmapped labels the data-quality panel lists; and for ASAM the code → label tables that are
 * derived per batch because the file has no labels for its integer codes (§1.2).
 */
import type { FormatId } from './formats';
import type { DatePrecision, IncidentRecord, Rejection, SourceCode } from './types';

export interface LabelCount {
  label: string;
  count: number;
}

export interface CodeLabel {
  /** Modal normalised text among rows with this code. */
  label: string;
  /** Rows with this code. */
  count: number;
  /** Rows with this code whose text equals the modal label. */
  labelCount: number;
}

export interface AsamBatchMetadata {
  hostilityTypes: Record<string, CodeLabel>;
  victimTypes: Record<string, CodeLabel>;
}

export interface ParseSummary {
  format: FormatId | null;
  source: SourceCode | null;
  /** True when the header was not recognised and nothing was parsed. */
  refused: boolean;
  bom: boolean;
  bytesRead: number;
  /** Dataset version from the caller or detected in the file (GED GeoJSON `name` `GEDEvent_v23_1` → `23.1`). */
  datasetVersion: string | null;
  mappingVersion: number;
  read: number;
  accepted: number;
  rejected: number;
  /** Accepted records with at least one quality flag. */
  warned: number;
  rejectionsByCode: Record<string, number>;
  warningsByCode: Record<string, number>;
  datePrecision: Record<DatePrecision, number>;
  locLevel: Record<string, number>;
  sourceSeries: Record<string, number>;
  eventTypes: Record<string, number>;
  unmappedLabels: LabelCount[];
  unmappedAdmin1: LabelCount[];
  asamBatchMetadata: AsamBatchMetadata | null;
  /** GTD rows whose country_txt differs from our table's name for that code (guards the hand table). */
  gtdNameMismatches: LabelCount[];
}

const inc = (o: Record<string, number>, k: string): void => {
  o[k] = (o[k] ?? 0) + 1;
};
const bump = (m: Map<string, number>, k: string): void => {
  m.set(k, (m.get(k) ?? 0) + 1);
};
const sorted = (m: Map<string, number>): LabelCount[] =>
  [...m]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : 1));

export class SummaryBuilder {
  format: FormatId | null = null;
  source: SourceCode | null = null;
  refused = false;
  bom = false;
  bytesRead = 0;
  datasetVersion: string | null;
  read = 0;
  accepted = 0;
  rejected = 0;
  warned = 0;
  private readonly rejectionsByCode: Record<string, number> = {};
  private readonly warningsByCode: Record<string, number> = {};
  private readonly datePrecision: Record<DatePrecision, number> = {
    day: 0,
    week: 0,
    month: 0,
    year: 0,
    unknown: 0,
  };
  private readonly locLevel: Record<string, number> = {};
  private readonly sourceSeries: Record<string, number> = {};
  private readonly eventTypes: Record<string, number> = {};
  private readonly unmapped = new Map<string, number>();
  private readonly admin1 = new Map<string, number>();
  private readonly gtdNames = new Map<string, number>();
  private asam: { hostility: Map<string, CodeTally>; victim: Map<string, CodeTally> } | null = null;

  constructor(
    readonly mappingVersion: number,
    datasetVersion: string | null,
  ) {
    this.datasetVersion = datasetVersion;
  }

  record(r: IncidentRecord): void {
    this.accepted++;
    if (r.qualityFlags.length > 0) {
      this.warned++;
      for (const f of r.qualityFlags) inc(this.warningsByCode, f);
    }
    this.datePrecision[r.datePrecision]++;
    inc(this.locLevel, String(r.locLevel));
    if (r.sourceSeries !== null) inc(this.sourceSeries, r.sourceSeries);
    inc(this.eventTypes, `${r.eventType}/${r.eventSubtype}`);
  }

  rejection(r: Rejection): void {
    if (r.ordinal > 0) this.rejected++;
    inc(this.rejectionsByCode, r.code);
  }

  unmappedLabel(label: string): void {
    bump(this.unmapped, label);
  }

  unmappedAdmin1(label: string): void {
    bump(this.admin1, label);
  }

  gtdNameMismatch(label: string): void {
    bump(this.gtdNames, label);
  }

  /** ASAM ArcGIS: counts normalised text per integer code, for the per-batch code → label tables. */
  asamCodes(hostilityCode: string, hostilityText: string, victimCode: string, victimText: string): void {
    this.asam ??= { hostility: new Map(), victim: new Map() };
    tally(this.asam.hostility, hostilityCode, hostilityText);
    tally(this.asam.victim, victimCode, victimText);
  }

  build(): ParseSummary {
    return {
      format: this.format,
      source: this.source,
      refused: this.refused,
      bom: this.bom,
      bytesRead: this.bytesRead,
      datasetVersion: this.datasetVersion,
      mappingVersion: this.mappingVersion,
      read: this.read,
      accepted: this.accepted,
      rejected: this.rejected,
      warned: this.warned,
      rejectionsByCode: { ...this.rejectionsByCode },
      warningsByCode: { ...this.warningsByCode },
      datePrecision: { ...this.datePrecision },
      locLevel: { ...this.locLevel },
      sourceSeries: { ...this.sourceSeries },
      eventTypes: { ...this.eventTypes },
      unmappedLabels: sorted(this.unmapped),
      unmappedAdmin1: sorted(this.admin1),
      asamBatchMetadata: this.asam
        ? { hostilityTypes: modal(this.asam.hostility), victimTypes: modal(this.asam.victim) }
        : null,
      gtdNameMismatches: sorted(this.gtdNames),
    };
  }
}

interface CodeTally {
  total: number;
  texts: Map<string, number>;
}

function tally(m: Map<string, CodeTally>, code: string, text: string): void {
  if (code === '') return;
  let t = m.get(code);
  if (!t) m.set(code, (t = { total: 0, texts: new Map() }));
  t.total++;
  if (text !== '') bump(t.texts, text);
}

/** Modal label per code; ties broken alphabetically so the result is deterministic. */
function modal(m: Map<string, CodeTally>): Record<string, CodeLabel> {
  const out: Record<string, CodeLabel> = {};
  const codes = [...m.keys()].sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : 1));
  for (const code of codes) {
    const t = m.get(code)!;
    const [best] = sorted(t.texts);
    out[code] = { label: best?.label ?? '', count: t.total, labelCount: best?.count ?? 0 };
  }
  return out;
}
