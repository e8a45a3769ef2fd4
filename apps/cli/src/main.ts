#!/usr/bin/env node
/** The `entente` command. User commands call the API; db-* commands touch the database directly. */
import { Command, InvalidArgumentError } from 'commander';
import { ApiError } from './client';
import { readEnv, requestedExit } from './env';
import { serve } from './commands/serve';
import { dbMigrate } from './commands/db-migrate';
import { dbSeed } from './commands/db-seed';
import { auditVerify } from './commands/db-audit-verify';
import { usersCreate } from './commands/users-create';
import { importEngagements } from './commands/engagements-import';
import { exportEngagements } from './commands/engagements-export';
import { importIncidentsCommand } from './commands/db-incidents-import';

const env = readEnv();
const int = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a positive whole number');
  return n;
};
const program = new Command('entente')
  .description('Entente: plan, run, coordinate and evaluate security engagements')
  .option('--json', 'machine-readable output');
const json = () => Boolean(program.opts().json);

program
  .command('serve')
  .description('start the web app and API (embedded PostgreSQL unless ENTENTE_DATABASE_URL is set)')
  .action(serve);
const db = program.command('db').description('database administration (runs as the owner)');
db.command('migrate')
  .description('apply the committed migrations')
  .action(() => dbMigrate(env, { json: json() }));
db.command('seed')
  .argument('[scenario...]', 'reference scenarios to load (default: all)')
  .description('load reference data, demo scenarios and demo users')
  .action((s: string[]) => dbSeed(env, s, { json: json() }));
const users = program
  .command('users')
  .description('user administration (through the API; ENTENTE_USER/ENTENTE_PASSWORD/ENTENTE_TOTP_SECRET)');
users
  .command('create')
  .requiredOption('--username <name>')
  .requiredOption('--display-name <name>')
  .requiredOption('--password <password>')
  .requiredOption('--org <code>')
  .requiredOption('--nationality <iso3>')
  .requiredOption('--roles <roles>', 'comma-separated')
  .requiredOption('--clearance <level>')
  .option('--compartments <list>', 'comma-separated', '')
  .option('--communities <list>', 'comma-separated', 'all')
  .action((o: Record<string, string>) =>
    usersCreate(
      env,
      {
        username: o.username,
        displayName: o.displayName,
        password: o.password,
        orgCode: o.org,
        nationality: o.nationality,
        roles: (o.roles ?? '').split(',').filter(Boolean),
        clearance: o.clearance,
        compartments: (o.compartments ?? '').split(',').filter(Boolean),
        communities: (o.communities ?? '').split(',').filter(Boolean),
      },
      { json: json() },
    ),
  );
program
  .command('import')
  .argument('<file>', 'CSV or XLSX')
  .option('--dry-run', 'validate only')
  .description('import engagements (all or nothing)')
  .action((file: string, o: { dryRun?: boolean }) =>
    importEngagements(env, file, { json: json(), dryRun: !!o.dryRun }),
  );
program
  .command('export')
  .option('--format <format>', 'csv or ics', 'csv')
  .option('--out <file>', "output file ('-' for stdout)")
  .option('--q <text>', 'text search')
  .description('export the engagements you may see')
  .action((o: { format: string; out?: string; q?: string }) =>
    exportEngagements(env, { json: json(), format: o.format === 'ics' ? 'ics' : 'csv', out: o.out, q: o.q }),
  );
const incidentsCmd = program.command('incidents').description('incident data (EVALUATION.md §1; runs as the owner)');
incidentsCmd
  .command('import')
  .argument('<format>', 'auto, a dataset (crime_at_sea, nga_asam, ucdp_ged, acled, gtd), an alias (crime-at-sea, asam, ged) or a format id')
  .argument('<file>', 'the file to stream in')
  .option('--community <code>', "community whose default label the rows take (default 'all')")
  .option('--accept-rejections', 'merge the valid rows of a file with rejections (committed_with_rejections)')
  .option('--dataset-version <version>', "the source's version label, e.g. 23.1")
  .description('import incidents: all or nothing, idempotent, with a progress bar')
  .action((format: string, file: string, o: { community?: string; acceptRejections?: boolean; datasetVersion?: string }) =>
    importIncidentsCommand(env, format, file, { json: json(), community: o.community, acceptRejections: o.acceptRejections, datasetVersion: o.datasetVersion }),
  );
const audit = program.command('audit').description('the tamper-evident audit log');
audit
  .command('verify')
  .option('--from <seq>', 'first seq', int)
  .option('--to <seq>', 'last seq', int)
  .description('recompute the hash chain and check the signed checkpoints (exit 0 intact, 1 broken, 2 usage/connection)')
  .exitOverride((e) => process.exit(e.exitCode === 0 ? 0 : 2))
  .action((o: { from?: number; to?: number }) => auditVerify(env, { json: json(), from: o.from, to: o.to }));

program
  .parseAsync()
  .then(() => {
    if (program.args[0] !== 'serve') process.exit(requestedExit());
  })
  .catch((e: unknown) => {
    if (e instanceof ApiError) {
      process.stderr.write(`${e.message}${e.fields.map((f) => `\n  ${f.path}: ${f.message}`).join('')}\n`);
      process.exit(e.status === 2 ? 2 : 1);
    }
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  });
