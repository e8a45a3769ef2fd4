/**
 * The monitor's worker thread in the server bundle (scripts/build-server.mjs emits it as
 * dist/monitor-worker.mjs beside main.mjs, where compute.ts looks for it). From source, the .mjs
 * beside compute.ts loads the same function through tsx.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { monitorSeries, type MonitorInput } from '@entente/stats';

try {
  parentPort?.postMessage({ ok: true, result: monitorSeries(workerData as MonitorInput) });
} catch (err) {
  parentPort?.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
}
