/**
 * `npm run bench:table`: the latest value of every figure in bench/results (JSON Lines files),
 * one row per benchmark, figure, endpoint and user, with its goal.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { RESULTS_DIR, printTable } from './lib/common';

interface Line {
  bench: string;
  figure: string;
  value: number;
  unit: string;
  goal?: string;
  endpoint?: string;
  user?: string;
  at: string;
  commit: string;
}

export function latestFigures(): Line[] {
  if (!existsSync(RESULTS_DIR)) return [];
  const latest = new Map<string, Line>();
  for (const f of readdirSync(RESULTS_DIR).filter((x) => x.endsWith('.json')).sort())
    for (const raw of readFileSync(`${RESULTS_DIR}/${f}`, 'utf8').split('\n')) {
      if (!raw.trim()) continue;
      const l = JSON.parse(raw) as Line;
      const key = [l.bench, l.figure, l.endpoint ?? '', l.user ?? ''].join('|');
      const old = latest.get(key);
      if (!old || old.at < l.at) latest.set(key, l);
    }
  return [...latest.values()].sort((a, b) => (a.bench + (a.endpoint ?? '') + (a.user ?? '')).localeCompare(b.bench + (b.endpoint ?? '') + (b.user ?? '')));
}

const rows = latestFigures().map((l) => [l.bench, l.figure, l.endpoint ?? '', l.user ?? '', `${l.value} ${l.unit}`, l.goal ?? '', l.at.slice(0, 16), l.commit.slice(0, 10)]);
if (rows.length === 0) console.log(`No results in ${RESULTS_DIR} yet.`);
else printTable(['bench', 'figure', 'endpoint', 'user', 'value', 'goal', 'at (UTC)', 'commit'], rows);
