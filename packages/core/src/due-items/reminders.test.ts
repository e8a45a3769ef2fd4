import { describe, expect, it } from 'vitest';
import { attentionWindow, countReminders, dueItemReminder } from './reminders';

const due = '2026-12-15';
const at = (today: string, status = 'pending') => dueItemReminder({ status, dueOn: due }, today);

describe('due-item reminders (DOMAIN.md §3.4: T−7, T, T+7 to the owner; T+14 escalates to the approver)', () => {
  it('stays quiet until seven days before the due date', () => {
    expect(at('2026-12-07')).toEqual({ stage: 'none', remindedOn: null, recipient: null });
    expect(at('2026-12-08')).toEqual({ stage: 'due_soon', remindedOn: '2026-12-08', recipient: 'owner' });
    expect(at('2026-12-14')).toEqual({ stage: 'due_soon', remindedOn: '2026-12-08', recipient: 'owner' });
  });

  it('reminds on the due date, then on T+7 while overdue', () => {
    expect(at('2026-12-15')).toEqual({ stage: 'due_today', remindedOn: '2026-12-15', recipient: 'owner' });
    expect(at('2026-12-16')).toEqual({ stage: 'overdue', remindedOn: '2026-12-15', recipient: 'owner' });
    expect(at('2026-12-22')).toEqual({ stage: 'overdue', remindedOn: '2026-12-22', recipient: 'owner' });
    expect(at('2026-12-28')).toEqual({ stage: 'overdue', remindedOn: '2026-12-22', recipient: 'owner' });
  });

  it('escalates to the organisation’s approver from T+14, across a year end', () => {
    expect(at('2026-12-29')).toEqual({ stage: 'escalated', remindedOn: '2026-12-29', recipient: 'approver' });
    expect(at('2027-02-01').stage).toBe('escalated');
  });

  it('has no reminder once submitted or waived, however late', () => {
    for (const s of ['submitted_on_time', 'submitted_late', 'waived'])
      expect(at('2027-02-01', s)).toEqual({ stage: 'none', remindedOn: null, recipient: null });
  });

  it('gives the due-date windows of the list filters', () => {
    expect(attentionWindow('due_soon', '2026-12-08')).toEqual({ from: '2026-12-08', to: '2026-12-15' });
    expect(attentionWindow('overdue', '2026-12-16')).toEqual({ to: '2026-12-15' });
    expect(attentionWindow('escalated', '2026-12-29')).toEqual({ to: '2026-12-15' });
  });

  it('counts open items by attention, escalated ones also as overdue', () => {
    const items = [
      { status: 'pending', dueOn: '2026-12-20' }, // due soon
      { status: 'pending', dueOn: '2026-12-15' }, // due today
      { status: 'pending', dueOn: '2026-12-10' }, // overdue
      { status: 'pending', dueOn: '2026-11-20' }, // escalated
      { status: 'pending', dueOn: '2027-03-01' }, // not yet
      { status: 'submitted_late', dueOn: '2026-11-01' },
    ];
    expect(countReminders(items, '2026-12-15')).toEqual({ dueSoon: 2, overdue: 2, escalated: 1 });
  });
});
