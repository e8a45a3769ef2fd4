/**
 * The `piscina` worker of the import (stage.ts in a worker thread). One task = one file: the main
 * thread feeds byte chunks on a MessagePort when asked (`pull`, two chunks ahead, so reading the
 * file overlaps parsing) and receives the stage events on the same port, ending with `done`.
 * The area index is built once per worker and set of areas; the areas cross over only on a miss.
 */
import { once } from 'node:events';
import type { MessagePort } from 'node:worker_threads';
import { AreaIndex, type Area } from '@entente/geo';
import { stageIncidents, type StageOptions } from './stage';

export interface StageTask {
  port: MessagePort;
  areasKey: string;
  options: StageOptions;
}

/** Messages the main thread sends on the task's port. */
export type ToWorker =
  { type: 'chunk'; data: Uint8Array } | { type: 'end' } | { type: 'areas'; areas: Area[] };

let cached: { key: string; index: AreaIndex } | null = null;

async function next(port: MessagePort): Promise<ToWorker> {
  const [m] = (await once(port, 'message')) as [ToWorker];
  return m;
}

export default async function stageTask(task: StageTask): Promise<void> {
  const { port } = task;
  try {
    if (cached?.key !== task.areasKey) {
      port.postMessage({ type: 'areas?' });
      const m = await next(port);
      if (m.type !== 'areas') throw new Error(`stage worker: expected areas, got ${m.type}`);
      cached = { key: task.areasKey, index: new AreaIndex(m.areas) };
    }
    const index = cached.index;
    async function* input(): AsyncGenerator<Uint8Array> {
      port.postMessage({ type: 'pull' });
      port.postMessage({ type: 'pull' });
      for (;;) {
        const m = await next(port);
        if (m.type === 'end') return;
        if (m.type !== 'chunk') throw new Error(`stage worker: unexpected ${m.type}`);
        port.postMessage({ type: 'pull' });
        yield m.data;
      }
    }
    const utf8 = new TextEncoder();
    for await (const ev of stageIncidents(input(), index, task.options)) {
      if (ev.type === 'batch' && typeof ev.copy === 'string' && ev.copy.length > 0) {
        // Encoded here and transferred: the main thread writes the bytes to COPY as they are (B9).
        const bytes = utf8.encode(ev.copy);
        port.postMessage({ ...ev, copy: bytes }, [bytes.buffer]);
      } else port.postMessage(ev);
    }
  } finally {
    port.close();
  }
}
