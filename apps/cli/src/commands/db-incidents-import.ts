/**
 * `entente incidents import <format> <file>`: stream an incident file into the database (owner
 * connection, like the other db-* commands) with a progress bar. All or nothing: a file with any
 * rejection is refused and every problem is listed with its line and field; exit 0 committed or
 * no change, 1 refused, 2 usage or connection error.
 */
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import { connectOwner, incidents, openDatabase, type OwnerConnection } from '@entente/db';
import { output, type CliEnv } from '../env';

export interface IncidentsImportOptions {
  json: boolean;
  community?: string | undefined;
  acceptRejections?: boolean | undefined;
  datasetVersion?: string | undefined;
}

const MAX_LISTED = 50;

export async function importIncidentsCommand(
  env: CliEnv,
  format: string,
  file: string,
  opts: IncidentsImportOptions,
): Promise<void> {
  const expected = incidents.sourceOfFormatArg(format);
  if (expected === undefined) {
    output(
      opts.json,
      { ok: false, error: `unknown format '${format}'`, known: incidents.FORMAT_ARGS },
      `Unknown format '${format}'. Known: ${incidents.FORMAT_ARGS.join(', ')}.`,
      2,
    );
    return;
  }
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    output(opts.json, { ok: false, error: `cannot read ${file}` }, `Cannot read ${file}.`, 2);
    return;
  }
  let conn: OwnerConnection;
  try {
    conn = await connectOwner(env);
  } catch (e) {
    output(
      opts.json,
      { ok: false, error: (e as Error).message },
      `Cannot connect: ${(e as Error).message}`,
      2,
    );
    return;
  }
  const db = openDatabase(conn.ownerUrl, 1);
  const bar =
    opts.json || !process.stderr.isTTY
      ? null
      : new cliProgress.SingleBar(
          {
            format: 'Importing [{bar}] {percentage}% {records} records, {rejected} rejected, {rate} rows/s',
            stream: process.stderr,
          },
          cliProgress.Presets.shades_classic,
        );
  bar?.start(size, 0, { records: 0, rejected: 0, rate: 0 });
  try {
    const r = await incidents.importIncidentsAsOperator(db, createReadStream(file), {
      fileName: basename(file),
      bytesTotal: size,
      expectedSource: expected,
      communityCode: opts.community,
      acceptRejections: !!opts.acceptRejections,
      datasetVersion: opts.datasetVersion,
      areaSources: incidents.areaSourcesOf(env),
      onProgress: (p) =>
        bar?.update(p.bytesRead, { records: p.records, rejected: p.rejected, rate: p.ratePerSec }),
    });
    bar?.update(size);
    bar?.stop();
    const c = r.counts;
    const text =
      r.outcome === 'refused'
        ? `Refused: ${c.rejected} problem(s) in ${c.read} records; nothing written.\n` +
          r.problems
            .slice(0, MAX_LISTED)
            .map(
              (p) =>
                `  ${p.line !== null ? `line ${p.line}` : `feature ${p.featureIndex}`}${p.field ? `, ${p.field}` : ''}: ${p.code} ${p.message}`,
            )
            .join('\n') +
          (c.rejected > MAX_LISTED
            ? `\n  … and ${c.rejected - MAX_LISTED} more (all stored with batch ${r.batchId}; use --json for the list)`
            : '')
        : r.outcome === 'no_change'
          ? `No change: ${c.unchanged} ${r.source} incidents already current (dataset version ${r.datasetVersion}).`
          : `Imported ${r.source} (${r.format}): ${c.inserted} new, ${c.superseded} superseded, ${c.unchanged} unchanged, ${c.warned} with warnings` +
            `${c.rejected ? `, ${c.rejected} rejected (accepted)` : ''}; dataset version ${r.datasetVersion}; ` +
            `${r.areas.memberships} area memberships, ${r.areas.areaMonthCells} panel cells; ${r.rowsPerSec} rows/s.`;
    output(opts.json, r, text, r.ok ? 0 : 1);
  } catch (e) {
    bar?.stop();
    const usage = e instanceof incidents.UnknownCommunityError;
    output(
      opts.json,
      { ok: false, error: (e as Error).message },
      `${usage ? '' : 'Import failed: '}${(e as Error).message}`,
      2,
    );
  } finally {
    await db.close();
    await conn.stop();
  }
}
