/** The only reader of process.env: parse once, freeze, and list every bad variable on failure. */
import { z } from 'zod';
import { DEFAULT_SIGNIFICANT_COST, parseCostThreshold, type Money } from '@entente/core';

const Env = z.object({
  ENTENTE_DATABASE_URL: z.url().optional(),
  ENTENTE_APP_DATABASE_PASSWORD: z.string().min(8).optional(),
  ENTENTE_DATA_DIR: z.string().default('.data'),
  ENTENTE_EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  ENTENTE_HOST: z.string().default('127.0.0.1'),
  ENTENTE_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  ENTENTE_ORIGIN: z.string().optional(),
  ENTENTE_SECRET_KEY: z.string().min(32).optional(),
  ENTENTE_DEMO_DATA: z.string().optional(),
  ENTENTE_MARINE_POLYS: z.string().optional(),
  ENTENTE_SEED: z.enum(['demo', 'none']).default('demo'),
  ENTENTE_WEB_DIST: z.string().optional(),
  ENTENTE_SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  ENTENTE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ENTENTE_SIGNIFICANT_COST: z.string().optional(),
});

export interface Config {
  databaseUrl: string | undefined;
  appDatabasePassword: string | undefined;
  dataDir: string;
  embeddedPort: number;
  host: string;
  port: number;
  origin: string | undefined;
  secretKey: string | undefined;
  demoData: string | undefined;
  /** Natural Earth marine polygons (GeoJSON) to use as analysis areas. */
  marinePolys: string | undefined;
  seed: 'demo' | 'none';
  webDist: string | undefined;
  secureCookies: 'auto' | 'true' | 'false';
  logLevel: string;
  /** The budget over which an initiative is significant (DOMAIN.md §2.1). */
  significantCost: Readonly<Money>;
}

/** Parse the environment; throws an Error listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<Config> {
  const r = Env.safeParse(env);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = r.data;
  let significantCost: Readonly<Money> = DEFAULT_SIGNIFICANT_COST;
  if (e.ENTENTE_SIGNIFICANT_COST !== undefined)
    try {
      significantCost = parseCostThreshold(e.ENTENTE_SIGNIFICANT_COST);
    } catch {
      throw new Error(
        'Invalid configuration:\n  ENTENTE_SIGNIFICANT_COST: an amount and an ISO 4217 currency, e.g. "1000000 EUR"',
      );
    }
  return Object.freeze({
    databaseUrl: e.ENTENTE_DATABASE_URL,
    appDatabasePassword: e.ENTENTE_APP_DATABASE_PASSWORD,
    dataDir: e.ENTENTE_DATA_DIR,
    embeddedPort: e.ENTENTE_EMBEDDED_PG_PORT,
    host: e.ENTENTE_HOST,
    port: e.ENTENTE_PORT,
    origin: e.ENTENTE_ORIGIN,
    secretKey: e.ENTENTE_SECRET_KEY,
    demoData: e.ENTENTE_DEMO_DATA,
    marinePolys: e.ENTENTE_MARINE_POLYS,
    seed: e.ENTENTE_SEED,
    webDist: e.ENTENTE_WEB_DIST,
    secureCookies: e.ENTENTE_SECURE_COOKIES,
    logLevel: e.ENTENTE_LOG_LEVEL,
    significantCost,
  });
}
