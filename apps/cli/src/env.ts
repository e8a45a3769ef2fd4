/** The CLI's configuration, read once from the environment and flags. */
export interface CliEnv {
  url: string;
  user: string | undefined;
  password: string | undefined;
  totpSecret: string | undefined;
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPort: number;
  secretKey: string | undefined;
  marinePolys: string | undefined;
  demoData: string | undefined;
}

/** Parse the environment (flags override it in each command). */
export function readEnv(env: Record<string, string | undefined> = process.env): CliEnv {
  return {
    url: env.ENTENTE_URL ?? 'http://127.0.0.1:8080',
    user: env.ENTENTE_USER,
    password: env.ENTENTE_PASSWORD,
    totpSecret: env.ENTENTE_TOTP_SECRET,
    databaseUrl: env.ENTENTE_DATABASE_URL,
    dataDir: env.ENTENTE_DATA_DIR ?? '.data',
    embeddedPort: Number(env.ENTENTE_EMBEDDED_PG_PORT ?? 54329),
    secretKey: env.ENTENTE_SECRET_KEY,
    marinePolys: env.ENTENTE_MARINE_POLYS,
    demoData: env.ENTENTE_DEMO_DATA,
  };
}

let exitWith = 0;
/** The exit code the last command asked for. */
export const requestedExit = () => exitWith;

/** Print a result as JSON or as text, and record the exit code. */
export function output(json: boolean, value: unknown, text: string, code = 0): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
  exitWith = code;
}
