/**
 * Operator import (`entente incidents import`): the same pipeline as the API use case, run on the
 * owner connection for a community's default label, with a `system` audit event in the same
 * transaction as the batch.
 */
import { sql } from 'drizzle-orm';
import type { SourceCode } from '@entente/incident-data';
import { FORMATS } from '@entente/incident-data';
import { appendAudit } from '../audit/append';
import type { Database } from '../runtime/pools';
import type { AreaSources } from './areas';
import { importIncidents, type ImportProgress, type IncidentImportResult } from './import';

const ALIASES: Record<string, SourceCode> = {
  'crime-at-sea': 'crime_at_sea',
  cas: 'crime_at_sea',
  asam: 'nga_asam',
  'nga-asam': 'nga_asam',
  ged: 'ucdp_ged',
  ucdp: 'ucdp_ged',
  'ucdp-ged': 'ucdp_ged',
  acled: 'acled',
  gtd: 'gtd',
};
const SOURCES: readonly SourceCode[] = ['crime_at_sea', 'nga_asam', 'ucdp_ged', 'acled', 'gtd'];

/** `auto`, a dataset code, a format id (`ucdp_ged_geojson`) or a short alias (`ged`) → the expected source; undefined if unknown. */
export function sourceOfFormatArg(arg: string): SourceCode | null | undefined {
  const a = arg.trim().toLowerCase();
  if (a === 'auto') return null;
  if ((SOURCES as readonly string[]).includes(a)) return a as SourceCode;
  const f = FORMATS.find((x) => x.id === a);
  if (f) return f.source;
  return ALIASES[a];
}

export const FORMAT_ARGS = ['auto', ...SOURCES, ...Object.keys(ALIASES), ...FORMATS.map((f) => f.id)];

export interface OperatorImportOptions {
  fileName: string;
  bytesTotal: number | null;
  expectedSource: SourceCode | null;
  communityCode?: string | undefined;
  acceptRejections?: boolean;
  datasetVersion?: string | undefined;
  onProgress?: (p: ImportProgress) => void;
  areaSources?: AreaSources;
}

export class UnknownCommunityError extends Error {}

export async function importIncidentsAsOperator(
  db: Database,
  bytes: AsyncIterable<Uint8Array>,
  o: OperatorImportOptions,
): Promise<IncidentImportResult> {
  return db.db.transaction(async (tx) => {
    const code = o.communityCode ?? 'all';
    const c = await tx.execute<{ id: string; default_label_id: string }>(
      sql`SELECT id, default_label_id FROM community WHERE code = ${code}`,
    );
    const community = c.rows[0];
    if (!community) throw new UnknownCommunityError(`Unknown community '${code}'.`);
    const r = await importIncidents(tx, bytes, {
      fileName: o.fileName,
      bytesTotal: o.bytesTotal,
      expectedSource: o.expectedSource,
      labelId: community.default_label_id,
      communityId: community.id,
      userId: null,
      ...(o.areaSources ? { areaSources: o.areaSources } : {}),
      ...(o.acceptRejections ? { acceptRejections: true } : {}),
      ...(o.datasetVersion ? { datasetVersion: o.datasetVersion } : {}),
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    });
    await appendAudit(tx, {
      actorKind: 'system',
      action: r.ok ? 'incident.imported' : 'incident.import_refused',
      entity: 'import_batch',
      ...(r.batchId ? { entityId: r.batchId } : {}),
      labelId: community.default_label_id,
      decision: 'permit',
      details: {
        outcome: r.outcome,
        source: r.source,
        fileSha256: r.fileSha256,
        bytes: r.bytes,
        counts: r.counts,
        via: 'cli',
      },
    });
    return r;
  });
}
