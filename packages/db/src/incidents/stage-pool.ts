/**
 * Where the CPU stage of an import runs (EVALUATION.md §7): in a `piscina` worker thread when its
 * entry file exists — `import-worker.mjs` beside this module (source: a tsx loader for
 * stage-worker.ts) or beside the server bundle (`apps/api/dist/import-worker.mjs`, built by
 * scripts/build-server.mjs) — otherwise in-thread. `ENTENTE_IMPORT_WORKER=0` forces in-thread.
 *
 * Back-pressure: the worker asks for input (`pull`); the main thread answers only while fewer than
 * MAX_QUEUED stage events wait to be written to COPY, so memory stays bounded on a slow database.
 * Small files stage in-thread (import.ts: WORKER_MIN_BYTES): starting a worker and handing it the
 * areas costs more than it saves below a few MB.
 */
import { existsSync } from 'node:fs';
import { MessageChannel } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { BuiltAreas } from './areas';
import { stageIncidents, type StageEvent, type StageOptions } from './stage';
import type { StageTask, ToWorker } from './stage-worker';

const MAX_QUEUED = 8;

function workerFile(): string | null {
  if (process.env.ENTENTE_IMPORT_WORKER === '0') return null;
  try {
    const f = fileURLToPath(new URL('./import-worker.mjs', import.meta.url));
    return existsSync(f) ? f : null;
  } catch {
    return null;
  }
}

let pool: Piscina | null = null;
/** Files staging in the worker now. */
let busy = 0;
let poolFile: string | null | undefined;

function getPool(): Piscina | null {
  if (poolFile === undefined) poolFile = workerFile();
  if (!poolFile) return null;
  // One thread (each holds its own area index: memory, B9); a second import at the same time stages
  // in-thread rather than wait. The idle thread is unref'd and ends after a minute.
  // No resourceLimits: the parser's per-file key map grows with the file (~120 B per keyed row), so
  // a heap cap low enough to matter for B9 would end a multi-million-row import with an OOM.
  pool ??= new Piscina({ filename: poolFile, minThreads: 0, maxThreads: 1, idleTimeout: 60_000 });
  return pool;
}

/** True when imports stage in a worker thread. */
export function importWorkerAvailable(): boolean {
  return getPool() !== null;
}

/** Stop the worker threads (tests and CLI ends; a later import starts them again). */
export async function closeImportPool(): Promise<void> {
  const p = pool;
  pool = null;
  if (p) await p.destroy();
}

/** Start a worker and build its area index ahead of the first import (servers, benchmarks). */
export async function warmImportWorker(built: BuiltAreas): Promise<void> {
  if (!getPool()) return;
  for await (const ev of runStage((async function* () {})(), built, {})) void ev;
}

const areaKeys = new WeakMap<BuiltAreas, string>();
function areasKey(built: BuiltAreas): string {
  let k = areaKeys.get(built);
  if (!k) {
    k = built.areas.map((a) => `${a.key}@${a.hash}`).join('|');
    areaKeys.set(built, k);
  }
  return k;
}

/** The stage events of one file, computed in a worker thread when possible. */
export async function* runStage(
  bytes: AsyncIterable<Uint8Array>,
  built: BuiltAreas,
  options: StageOptions,
  signal?: AbortSignal,
  useWorker = true,
): AsyncGenerator<StageEvent> {
  const p = useWorker && busy === 0 ? getPool() : null;
  if (!p) {
    yield* stageIncidents(bytes, built.index, options);
    return;
  }
  const { port1, port2 } = new MessageChannel();
  const input = bytes[Symbol.asyncIterator]();
  const queue: StageEvent[] = [];
  let credits = 0;
  let feeding = false;
  let inputDone = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const fail = (e: unknown) => {
    failure ??= e;
    notify();
  };
  const send = (m: ToWorker, transfer: ArrayBuffer[] = []) => port1.postMessage(m, transfer);
  const feed = async (): Promise<void> => {
    if (feeding) return;
    feeding = true;
    try {
      while (credits > 0 && !inputDone && queue.length < MAX_QUEUED && failure === null) {
        credits--;
        signal?.throwIfAborted();
        const n = await input.next();
        if (n.done) {
          inputDone = true;
          send({ type: 'end' });
        } else {
          // A copy we own: stream chunks may be views of a shared pool buffer.
          const data = new Uint8Array(n.value);
          send({ type: 'chunk', data }, [data.buffer]);
        }
      }
    } catch (e) {
      fail(e);
    } finally {
      feeding = false;
    }
  };
  port1.on('message', (m: StageEvent | { type: 'pull' } | { type: 'areas?' }) => {
    if (m.type === 'pull') {
      credits++;
      void feed();
    } else if (m.type === 'areas?') send({ type: 'areas', areas: built.areas as BuiltAreas['areas'] });
    else {
      queue.push(m);
      notify();
    }
  });
  const abort = new AbortController();
  const task: StageTask = { port: port2, areasKey: areasKey(built), options };
  p.run(task, { transferList: [port2] as never, signal: abort.signal }).catch(fail);
  let finished = false;
  busy++;
  try {
    for (;;) {
      const ev = queue.shift();
      if (ev) {
        if (queue.length < MAX_QUEUED) void feed();
        if (ev.type === 'done') finished = true;
        yield ev;
        if (finished) return;
        continue;
      }
      if (failure !== null) throw failure;
      await new Promise<void>((r) => (wake = r));
    }
  } finally {
    // An early exit (error, abort, refused format) ends the worker's task and the input.
    if (!finished) abort.abort();
    busy--;
    port1.close();
    if (!inputDone) await input.return?.();
  }
}
