/**
 * Where a monitor's statistics run: `monitorSeries` calibrates h on 10,000 simulated paths, seconds
 * of CPU, so it runs in a worker thread when the worker entry (monitor-worker.mjs, beside this file)
 * exists (from source, and dist/monitor-worker.mjs in the server bundle) and the event loop keeps
 * serving requests; otherwise in-thread.
 * Same input, same seed: the same result either way.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { monitorSeries, type MonitorInput, type MonitorResult } from '@entente/stats';

function workerFile(): string | null {
  try {
    const f = fileURLToPath(new URL('./monitor-worker.mjs', import.meta.url));
    return existsSync(f) ? f : null;
  } catch {
    return null;
  }
}

type Reply = { ok: true; result: MonitorResult } | { ok: false; message: string };

/** `monitorSeries(input)` off the main thread when possible (the input must not carry a `fitter`). */
export async function computeMonitor(input: Omit<MonitorInput, 'fitter'>): Promise<MonitorResult> {
  const file = workerFile();
  if (!file) return monitorSeries(input);
  return new Promise<MonitorResult>((resolve, reject) => {
    const w = new Worker(file, { workerData: input });
    let done = false;
    w.once('message', (m: Reply) => {
      done = true;
      void w.terminate();
      if (m.ok) resolve(m.result);
      else reject(new Error(`monitor: ${m.message}`));
    });
    w.once('error', (e) => {
      done = true;
      reject(e);
    });
    w.once('exit', (code) => {
      if (!done) reject(new Error(`monitor worker exited with code ${code}`));
    });
  });
}
