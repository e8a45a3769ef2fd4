/** `entente import <file>`: upload a CSV/XLSX to the API with a progress bar; nothing is written unless all rows are valid. */
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import cliProgress from 'cli-progress';
import { ImportReport, ROUTES } from '@entente/contracts';
import { logIn } from '../client';
import { output, type CliEnv } from '../env';

export async function importEngagements(env: CliEnv, file: string, opts: { json: boolean; dryRun: boolean }): Promise<void> {
  const size = statSync(file).size;
  const s = await logIn(env);
  const boundary = `entente${Date.now()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${basename(file)}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const bar = opts.json ? null : new cliProgress.SingleBar({ format: 'Uploading [{bar}] {percentage}% {value}/{total} bytes' }, cliProgress.Presets.shades_classic);
  bar?.start(size, 0);
  let sent = 0;
  async function* body() {
    yield head;
    for await (const chunk of createReadStream(file)) {
      sent += (chunk as Buffer).length;
      bar?.update(sent);
      yield chunk as Buffer;
    }
    yield tail;
  }
  const res = await s.request('POST', `${ROUTES.engagementImport}${opts.dryRun ? '?dryRun=true' : ''}`, Readable.toWeb(Readable.from(body())) as unknown as RequestInit['body'], {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
  bar?.stop();
  const report = ImportReport.parse(((await res.json()) as { data: unknown }).data);
  const text = report.ok
    ? opts.dryRun
      ? `${report.rows} rows are valid; nothing written (dry run).`
      : `Imported ${report.created} engagements from ${report.rows} rows.`
    : `Rejected: ${report.problems.length} problem(s); nothing written.\n` + report.problems.map((p) => `  line ${p.line}, ${p.field}: ${p.message}`).join('\n');
  output(opts.json, report, text, report.ok ? 0 : 1);
}
