/**
 * The CPU-bound stage of an import: bytes → parse → map → hash (`parseIncidents`) → area
 * assignment → COPY text for the staging table. It needs no database, so it runs in a `piscina`
 * worker (stage-worker.ts) while the main thread streams the COPY, or in-thread when no worker is
 * available (stage-pool.ts decides). Everything it emits is structured-clone safe.
 */
import type { AreaIndex, AssignCounts } from '@entente/geo';
import {
  parseIncidents,
  type IncidentRecord,
  type ParseSummary,
  type Rejection,
  type SourceCode,
} from '@entente/incident-data';
import { idPrefix, stagedId, stageLine } from './copy';

export interface StageOptions {
  expectedSource?: SourceCode | null;
  datasetVersion?: string;
  acceptRejections?: boolean;
  /** Prefix of the staged rows' ids (copy.ts `idPrefix`); one is drawn when absent. */
  idPrefix?: string;
}

/** Totals carried by every batch event (cumulative) and by `done`. */
export interface StageTotals {
  /** Records read, rejections with an ordinal included. */
  records: number;
  staged: number;
  duplicates: number;
  memberships: number;
  /** Rows warned only by the stage (W_COUNTRY_MISMATCH on an otherwise clean row). */
  extraWarned: number;
  extraWarnings: Record<string, number>;
}

export type StageEvent =
  | { type: 'format'; format: { id: string; source: SourceCode }; wrongSource: string | null }
  /**
   * `copy`: COPY text lines of the staged records (empty once a rejection stopped staging); the worker
   * hands them over UTF-8 encoded in a transferred buffer, so they never become a string on the main
   * thread (B9).
   */
  | {
      type: 'batch';
      copy: string | Uint8Array;
      rejections: Rejection[];
      bytesRead: number;
      totals: StageTotals;
    }
  | { type: 'done'; summary: ParseSummary | null; counts: AssignCounts; totals: StageTotals };

/** Parse, assign and serialise one file; the caller streams `copy` into the staging table. */
export async function* stageIncidents(
  bytes: AsyncIterable<Uint8Array>,
  index: AreaIndex,
  o: StageOptions,
): AsyncGenerator<StageEvent> {
  const counts: AssignCounts = index.assign([]).counts;
  const totals: StageTotals = {
    records: 0,
    staged: 0,
    duplicates: 0,
    memberships: 0,
    extraWarned: 0,
    extraWarnings: {},
  };
  let rejected = 0;
  let summary: ParseSummary | null = null;
  const ids = o.idPrefix ?? idPrefix();

  const stage = (recs: IncidentRecord[], rawJson: readonly string[]): string => {
    let out = '';
    for (let i = 0; i < recs.length; i++) {
      const r = recs[i]!;
      // A keyed source repeats a key only for an exact duplicate row (else E_KEY_CONFLICT): one row per key.
      if (r.source !== 'crime_at_sea' && r.qualityFlags.includes('W_EXACT_DUPLICATE_ROW')) {
        totals.duplicates++;
        continue;
      }
      const a = index.assignOne(
        { lon: r.lon, lat: r.lat, countryIso3: r.countryIso3, admin1Code: r.admin1Code },
        counts,
      );
      let flags: readonly string[] = r.qualityFlags;
      if (a.countryMismatch && !flags.includes('W_COUNTRY_MISMATCH')) {
        flags = [...flags, 'W_COUNTRY_MISMATCH'];
        totals.extraWarnings.W_COUNTRY_MISMATCH = (totals.extraWarnings.W_COUNTRY_MISMATCH ?? 0) + 1;
        if (r.qualityFlags.length === 0) totals.extraWarned++;
      }
      totals.memberships += a.memberships.length;
      out += stageLine(r, flags, a.memberships, stagedId(ids, totals.staged), rawJson[i]);
      totals.staged++;
    }
    return out;
  };

  const parseOpts = o.datasetVersion ? { datasetVersion: o.datasetVersion } : {};
  for await (const ev of parseIncidents(bytes, parseOpts)) {
    if (ev.type === 'format') {
      const format = { id: ev.format.id, source: ev.format.source };
      if (o.expectedSource && ev.format.source !== o.expectedSource) {
        const wrongSource = `The file is ${ev.format.id} (source ${ev.format.source}), not ${o.expectedSource}.`;
        yield { type: 'format', format, wrongSource };
        break;
      }
      yield { type: 'format', format, wrongSource: null };
    } else if (ev.type === 'batch') {
      totals.records += ev.records.length + ev.rejections.filter((r) => r.ordinal > 0).length;
      rejected += ev.rejections.length;
      // After the first rejection nothing will be merged (unless accepted): keep parsing, stop staging.
      const copy =
        ev.records.length > 0 && (rejected === 0 || o.acceptRejections) ? stage(ev.records, ev.rawJson) : '';
      yield {
        type: 'batch',
        copy,
        rejections: ev.rejections,
        bytesRead: ev.bytesRead,
        totals: { ...totals },
      };
    } else summary = ev.summary;
  }
  yield { type: 'done', summary, counts, totals: { ...totals, extraWarnings: { ...totals.extraWarnings } } };
}
