/** CPU and memory of processes from /proc (Linux), to say what a figure was limited by. */
import { readFileSync } from 'node:fs';
import os from 'node:os';

const TICK = 100; // USER_HZ on Linux

function procTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]); // utime + stime (fields 14 and 15)
  } catch {
    return 0;
  }
}

function machineTicks(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const n = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (n[3] ?? 0) + (n[4] ?? 0);
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

export interface CpuWindow {
  /** Cores used on average by the API server process. */
  api: number;
  /** Cores used by this (load-generating) process. */
  client: number;
  /** Cores busy on the whole machine (PostgreSQL is most of the rest). */
  machine: number;
  cores: number;
}

/** Start measuring; call the returned function at the end of the window. */
export function cpuWindow(apiPid: number | undefined): () => CpuWindow {
  const t0 = Date.now();
  const api0 = apiPid ? procTicks(apiPid) : 0;
  const c0 = process.cpuUsage();
  const m0 = machineTicks();
  return () => {
    const secs = (Date.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    const m = machineTicks();
    const cores = os.cpus().length;
    const r = (x: number) => Math.round(x * 100) / 100;
    return {
      api: r(apiPid ? (procTicks(apiPid) - api0) / TICK / secs : 0),
      client: r((c.user + c.system) / 1e6 / secs),
      machine: r(((m.busy - m0.busy) / Math.max(1, m.total - m0.total)) * cores),
      cores,
    };
  };
}

/** Peak resident set size (VmHWM) of a process in MiB, or NaN. */
export function peakRssMiB(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}
