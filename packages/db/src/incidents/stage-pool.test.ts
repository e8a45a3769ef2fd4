/**
 * The import's CPU stage gives the same output in a piscina worker as in-thread: the same COPY text
 * (row for row, areas included), totals, assignment counts, rejections and summary; a refused
 * header and a wrong source end the same way; and the worker is reused across files.
 */
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInAreas, type BuiltAreas } from './areas';
import { idPrefix } from './copy';
import type { StageEvent, StageOptions } from './stage';
import { closeImportPool, importWorkerAvailable, runStage } from './stage-pool';

const CAS = fileURLToPath(
  new URL('../../../../../shared/testdata/piracy/crime-at-sea/pirate_attacks.csv', import.meta.url),
);
let built: BuiltAreas;
let tmp: string;

beforeAll(async () => {
  built = await builtInAreas({ marinePath: process.env.ENTENTE_MARINE_POLYS ?? null });
  tmp = mkdtempSync(join(tmpdir(), 'entente-stage-'));
});
afterAll(async () => {
  await closeImportPool();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function collect(file: string, options: StageOptions, useWorker: boolean) {
  const events: StageEvent[] = [];
  // Small chunks, so the file crosses the port in many pieces.
  for await (const ev of runStage(
    createReadStream(file, { highWaterMark: 16 * 1024 }),
    built,
    options,
    undefined,
    useWorker,
  ))
    events.push(ev);
  const utf8 = new TextDecoder();
  const text = (c: string | Uint8Array) => (typeof c === 'string' ? c : utf8.decode(c));
  const copy = events.map((e) => (e.type === 'batch' ? text(e.copy) : '')).join('');
  const rejections = events.flatMap((e) => (e.type === 'batch' ? e.rejections : []));
  const done = events.at(-1);
  if (done?.type !== 'done') throw new Error('no done event');
  const format = events.find((e) => e.type === 'format');
  return { copy, rejections, done, format };
}

describe('import stage in a worker thread', () => {
  it('has a worker entry when running from source', () => {
    expect(importWorkerAvailable()).toBe(true);
  });

  it('stages 3,000 Crime at Sea rows exactly as in-thread (COPY text, totals, counts, summary)', async () => {
    const file = join(tmp, 'cas.csv');
    writeFileSync(file, readFileSync(CAS, 'utf8').split('\n').slice(0, 3001).join('\n') + '\n');
    const ids = idPrefix(Date.UTC(2026, 0, 1), () => 0.5);
    expect(ids).toBe('019b76da-a800-7800-a000-');
    const inThread = await collect(file, { idPrefix: ids }, false);
    const worker = await collect(file, { idPrefix: ids }, true);
    expect(inThread.done.totals.staged).toBe(3000);
    expect(inThread.copy.split('\n').length - 1).toBe(3000);
    expect(worker.copy).toBe(inThread.copy);
    expect(worker.done).toEqual(inThread.done);
    expect(worker.format).toEqual(inThread.format);
    expect(worker.rejections).toEqual([]);
  });

  it('lists the same rejection with line and field, and stops staging after it, in both modes', async () => {
    const lines = readFileSync(CAS, 'utf8').split('\n').slice(0, 200);
    lines[150] = lines[150]!.replace(/^\d{4}-\d{2}-\d{2}/, 'not-a-date');
    const file = join(tmp, 'broken.csv');
    writeFileSync(file, lines.join('\n') + '\n');
    const ids = idPrefix();
    const inThread = await collect(file, { idPrefix: ids }, false);
    const worker = await collect(file, { idPrefix: ids }, true);
    expect(worker.rejections).toEqual(inThread.rejections);
    expect(worker.rejections.map((r) => [r.line, r.code, r.field])).toEqual([[151, 'E_DATE_PARSE', 'date']]);
    expect(worker.done.totals).toEqual(inThread.done.totals);
    expect(worker.copy).toBe(inThread.copy);
  });

  it('ends after the format event when the file is of another source', async () => {
    const file = join(tmp, 'wrong.csv');
    writeFileSync(file, readFileSync(CAS, 'utf8').split('\n').slice(0, 50).join('\n') + '\n');
    const worker = await collect(file, { expectedSource: 'acled' }, true);
    expect(worker.format).toMatchObject({ type: 'format', format: { source: 'crime_at_sea' } });
    expect(worker.format?.type === 'format' && worker.format.wrongSource).toMatch(/not acled/);
    expect(worker.copy).toBe('');
    expect(worker.done.summary).toBeNull();
  });

  it('refuses an unknown header the same way in both modes', async () => {
    const file = join(tmp, 'unknown.csv');
    writeFileSync(file, 'a,b,c\n1,2,3\n');
    const inThread = await collect(file, {}, false);
    const worker = await collect(file, {}, true);
    expect(worker.rejections.map((r) => r.code)).toEqual(['E_HEADER']);
    expect(worker.rejections).toEqual(inThread.rejections);
    expect(worker.done.summary?.refused).toBe(true);
  });

  it('stops the worker when the import is cancelled, and the next file stages again', async () => {
    const file = join(tmp, 'cancel.csv');
    writeFileSync(file, readFileSync(CAS, 'utf8').split('\n').slice(0, 2001).join('\n') + '\n');
    const ctrl = new AbortController();
    const run = async () => {
      for await (const ev of runStage(
        createReadStream(file, { highWaterMark: 4 * 1024 }),
        built,
        {},
        ctrl.signal,
        true,
      ))
        if (ev.type === 'batch') ctrl.abort();
    };
    await expect(run()).rejects.toThrow();
    const again = await collect(file, {}, true);
    expect(again.done.totals.staged).toBe(2000);
  });
});
