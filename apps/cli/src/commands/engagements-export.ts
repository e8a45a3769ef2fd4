/** `entente export`: download the visible engagements as CSV or iCalendar. */
import { writeFileSync } from 'node:fs';
import { ROUTES } from '@entente/contracts';
import { logIn } from '../client';
import { output, type CliEnv } from '../env';

export async function exportEngagements(env: CliEnv, opts: { json: boolean; format: 'csv' | 'ics'; out?: string | undefined; q?: string | undefined }): Promise<void> {
  const s = await logIn(env);
  const path = opts.format === 'ics' ? ROUTES.engagementIcs : ROUTES.engagementCsv;
  const res = await s.request('GET', `${path}${opts.q ? `?q=${encodeURIComponent(opts.q)}` : ''}`);
  const text = await res.text();
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `entente-engagements.${opts.format}`;
  const out = opts.out ?? name;
  if (out === '-') process.stdout.write(text);
  else {
    writeFileSync(out, text);
    output(opts.json, { ok: true, file: out, bytes: Buffer.byteLength(text) }, `Wrote ${out} (${Buffer.byteLength(text)} bytes).`);
  }
}
