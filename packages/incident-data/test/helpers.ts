/**
 * Test helpers: the real data is read in place from ../shared/testdata (never copied into the
 * repository), resolved from this file so the tests work from any working directory.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { collectIncidents, type CollectedParse, type IncidentRecord, type ParseOptions } from '../src/index';

export const testdata = (rel: string): string =>
  fileURLToPath(new URL(`../../../../shared/testdata/${rel}`, import.meta.url));
export const fixture = (name: string): string =>
  fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

export const CRIME_AT_SEA = testdata('piracy/crime-at-sea/pirate_attacks.csv');
export const ASAM = testdata('piracy/asam/Anti-Shipping_Activity_Messages.csv');
export const GED_CAR = testdata('conflict/ucdp-ged-car/GEDEvent_v23_1.geojson');

/** Streams a file with the given chunk size. */
export function fileStream(path: string, chunk = 64 * 1024): AsyncIterable<Uint8Array> {
  return createReadStream(path, { highWaterMark: chunk });
}

/** Streams bytes held in memory in fixed-size chunks (copies, so no chunk shares a buffer). */
export async function* memoryStream(
  bytes: Uint8Array | string,
  chunk = 64 * 1024,
): AsyncGenerator<Uint8Array> {
  const b = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  for (let i = 0; i < b.length; i += chunk) yield b.slice(i, Math.min(i + chunk, b.length));
}

export const readBytes = (path: string): Buffer => readFileSync(path);

export const parseFile = (path: string, chunk?: number, options?: ParseOptions): Promise<CollectedParse> =>
  collectIncidents(fileStream(path, chunk), options);

export const parseText = (
  text: string | Uint8Array,
  chunk?: number,
  options?: ParseOptions,
): Promise<CollectedParse> => collectIncidents(memoryStream(text, chunk), options);

export const countBy = <T>(xs: readonly T[], key: (x: T) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
};

export const flagged = (rs: readonly IncidentRecord[], flag: string): IncidentRecord[] =>
  rs.filter((r) => (r.qualityFlags as string[]).includes(flag));
