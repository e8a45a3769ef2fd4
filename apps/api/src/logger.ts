/** The structured logger: chosen fields only, secrets redacted. */
import pino from 'pino';

export const createLogger = (level: string) =>
  pino({
    level,
    redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'password', 'totp', '*.password', '*.secret'],
  });
export type Logger = ReturnType<typeof createLogger>;
