// Entry of the monitor's worker thread when running from source (tsx, vitest): load the pure
// `monitorSeries` of packages/stats through tsx, run it on the task, post the result back. The
// server bundle ships its own entry (monitor-worker-entry.ts → dist/monitor-worker.mjs).
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { monitorSeries } = await tsImport('@entente/stats', import.meta.url);
try {
  parentPort.postMessage({ ok: true, result: monitorSeries(workerData) });
} catch (err) {
  parentPort.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
}
