/** `entente users create`: create a user through the API (an administrator's session). */
import { ROUTES, UserInput } from '@entente/contracts';
import { logIn } from '../client';
import { output, type CliEnv } from '../env';

export async function usersCreate(env: CliEnv, raw: Record<string, unknown>, opts: { json: boolean }): Promise<void> {
  const parsed = UserInput.safeParse(raw);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    output(opts.json, { ok: false, fields }, fields.map((f) => `--${f.path}: ${f.message}`).join('\n'), 2);
    return;
  }
  const s = await logIn(env);
  const r = await s.json<{ id: string; username: string }>('POST', ROUTES.users, parsed.data);
  output(opts.json, r, `Created user ${r.username} (${r.id}).`);
}
