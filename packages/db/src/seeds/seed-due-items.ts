/**
 * Insert the demo due items of the seeded scenarios (scenarios/due-items.ts). Each item takes the
 * label and community of its engagement or agreement, as raised items do; its party is the owing
 * organisation. Dates are offsets from `today`, so the same seed day gives the same rows.
 */
import { sql } from 'drizzle-orm';
import { dueItem } from '../schema/index';
import type { Tx } from '../runtime/scope';
import { SCENARIO_DUE_ITEMS } from './scenarios/due-items';
import type { SeedDueItem } from './types';

/** Who the seed records as having submitted or waived an item (there are no users yet when scenarios load). */
export const SEED_ACTOR_ID = '00000000-0000-4000-8000-000000000001';

const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

type Subject = { id: string; code: string; label_id: string; community_id: string };

async function subjects(tx: Tx, table: 'engagement' | 'agreement', codes: string[]) {
  if (!codes.length) return new Map<string, Subject>();
  const r = await tx.execute<Subject>(
    sql`SELECT id, code, label_id, community_id FROM ${sql.identifier(table)} WHERE code = ANY(${`{${codes.join(',')}}`}::text[])`,
  );
  return new Map(r.rows.map((x) => [x.code, x]));
}

function row(i: SeedDueItem, s: Subject, ownerOrgId: string, today: string) {
  const dueOn = addDays(today, i.dueIn);
  const o = i.outcome;
  const submittedOn = o.state === 'submitted' ? addDays(dueOn, o.daysAfterDue) : null;
  return {
    kind: i.kind,
    subjectKind: i.subject.kind,
    subjectId: s.id,
    subjectCode: s.code,
    title: i.title,
    dueOn,
    status:
      o.state === 'open'
        ? 'pending'
        : o.state === 'waived'
          ? 'waived'
          : o.daysAfterDue <= 0
            ? 'submitted_on_time'
            : 'submitted_late',
    submittedOn,
    submittedBy: submittedOn ? SEED_ACTOR_ID : null,
    waivedReason: o.state === 'waived' ? o.reason : null,
    waivedBy: o.state === 'waived' ? SEED_ACTOR_ID : null,
    waivedAt: o.state === 'waived' ? `${addDays(dueOn, 3)}T09:00:00Z` : null,
    labelId: s.label_id,
    communityId: s.community_id,
    partyOrgIds: [ownerOrgId],
    ownerOrgId,
  };
}

/** Insert the due items of the named scenarios; returns how many were inserted. */
export async function seedDueItems(tx: Tx, scenarioCodes: string[], today: string): Promise<number> {
  const items = scenarioCodes.flatMap((c) => SCENARIO_DUE_ITEMS[c] ?? []);
  if (!items.length) return 0;
  const codesOf = (k: 'engagement' | 'agreement') =>
    items.filter((i) => i.subject.kind === k).map((i) => i.subject.code);
  const eng = await subjects(tx, 'engagement', codesOf('engagement'));
  const agr = await subjects(tx, 'agreement', codesOf('agreement'));
  const orgs = await tx.execute<{ id: string; code: string }>(sql`SELECT id, code FROM organisation`);
  const orgId = new Map(orgs.rows.map((o) => [o.code, o.id]));
  const rows = items.map((i) => {
    const s = (i.subject.kind === 'engagement' ? eng : agr).get(i.subject.code);
    const owner = orgId.get(i.ownerOrgCode);
    if (!s) throw new Error(`seed: unknown ${i.subject.kind} '${i.subject.code}' for a due item`);
    if (!owner) throw new Error(`seed: unknown organisation '${i.ownerOrgCode}' for a due item`);
    return row(i, s, owner, today);
  });
  const r = await tx.insert(dueItem).values(rows).onConflictDoNothing().returning({ id: dueItem.id });
  return r.length;
}
