/**
 * Synthetic demo incidents (generated when a deployment starts without ENTENTE_DEMO_DATA) live under
 * the real dataset codes, marked by the dataset's licence `synthetic`. The first real import of such a
 * dataset replaces them, inside the import's transaction: synthetic rows are never counted beside real
 * ones, and the dataset gets its real description back (title, licence, attribution, caveats).
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../runtime/scope';
import { datasetDefinition } from './datasets';

export const SYNTHETIC_LICENCE = 'synthetic';

/** Remove the synthetic rows of `source` before a real import; returns how many were removed (0 if none). */
export async function replaceSyntheticRows(
  tx: Tx,
  source: string,
  importIsSynthetic: boolean,
): Promise<number> {
  if (importIsSynthetic) return 0;
  const ds = await tx.execute<{ licence: string }>(
    sql`SELECT licence FROM incident_dataset WHERE code = ${source}`,
  );
  if (ds.rows[0]?.licence !== SYNTHETIC_LICENCE) return 0;
  const r = await tx.execute<{ n: string }>(sql`SELECT entente_remove_synthetic(${source}) AS n`);
  const d = datasetDefinition(source);
  if (d)
    await tx.execute(sql`
      UPDATE incident_dataset SET title = ${d.title}, publisher = ${d.publisher}, licence = ${d.licence},
        attribution = ${d.attribution}, rows_redistributable = ${d.rowsRedistributable}, share_alike = ${d.shareAlike},
        code_system = ${d.codeSystem}, caveats = ${JSON.stringify(d.caveats)}::jsonb, updated_at = now()
      WHERE code = ${source}`);
  return Number(r.rows[0]?.n ?? 0);
}
