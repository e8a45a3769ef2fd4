/** The demo due items: every reference resolves, and together they show every state (pure: no database). */
import { dueItemReminder, dueItemStatus } from '@entente/core';
import { describe, expect, it } from 'vitest';
import { SCENARIO_DUE_ITEMS } from './due-items';
import { HOME_ORGANISATIONS, SCENARIOS } from './index';

const today = '2026-11-29';
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('the demo due items', () => {
  it('belong to seeded scenarios and name their engagement or agreement and a home organisation', () => {
    const homeOrgs = new Set(HOME_ORGANISATIONS.map((o) => o.code));
    for (const [code, items] of Object.entries(SCENARIO_DUE_ITEMS)) {
      const s = SCENARIOS.find((x) => x.code === code);
      expect(s, code).toBeDefined();
      for (const i of items) {
        const pool = i.subject.kind === 'engagement' ? s!.engagements : s!.agreements;
        expect(
          pool.some((r) => r.code === i.subject.code),
          `${code}/${i.subject.code}`,
        ).toBe(true);
        expect(homeOrgs.has(i.ownerOrgCode), `${code}/${i.ownerOrgCode}`).toBe(true);
      }
    }
  });

  it('give every scenario at least one item and never the same (kind, subject, due date) twice', () => {
    for (const s of SCENARIOS) expect(SCENARIO_DUE_ITEMS[s.code]?.length, s.code).toBeGreaterThan(0);
    const keys = Object.values(SCENARIO_DUE_ITEMS)
      .flat()
      .map((i) => `${i.kind}/${i.subject.code}/${i.dueIn}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('cover every state on the seed day: due soon, due today, overdue, escalated, on time, late, waived', () => {
    const seen = new Set<string>();
    for (const i of Object.values(SCENARIO_DUE_ITEMS).flat()) {
      const dueOn = addDays(today, i.dueIn);
      const stored =
        i.outcome.state === 'open'
          ? 'pending'
          : i.outcome.state === 'waived'
            ? 'waived'
            : i.outcome.daysAfterDue <= 0
              ? 'submitted_on_time'
              : 'submitted_late';
      seen.add(dueItemStatus(stored, dueOn, today));
      seen.add(dueItemReminder({ status: stored, dueOn }, today).stage);
    }
    for (const s of [
      'due_soon',
      'due_today',
      'overdue',
      'escalated',
      'submitted_on_time',
      'submitted_late',
      'waived',
    ])
      expect(seen, s).toContain(s);
  });
});
