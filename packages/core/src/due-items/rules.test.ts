import { describe, expect, it } from 'vitest';
import {
  addDays,
  closureDueOn,
  dueItemStatus,
  renewalDueOn,
  submitDueItem,
  timelinessByMonth,
  waiveDueItem,
} from './rules';

describe('due-item rules', () => {
  it('dates closures +14 days and renewals 180 days ahead', () => {
    expect(closureDueOn('2030-03-04')).toBe('2030-03-18');
    expect(closureDueOn('2024-12-20')).toBe('2025-01-03');
    expect(renewalDueOn('2027-06-30')).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('derives overdue from the due date and today', () => {
    expect(dueItemStatus('pending', '2026-11-29', '2026-11-29')).toBe('pending');
    expect(dueItemStatus('pending', '2026-11-28', '2026-11-29')).toBe('overdue');
    expect(dueItemStatus('submitted_on_time', '2026-11-01', '2026-11-29')).toBe('submitted_on_time');
    expect(dueItemStatus('waived', '2026-11-01', '2026-11-29')).toBe('waived');
  });

  it('submits on time up to and including the due date, late after it', () => {
    expect(submitDueItem({ status: 'pending', dueOn: '2026-12-01' }, '2026-12-01')).toBe('submitted_on_time');
    expect(submitDueItem({ status: 'pending', dueOn: '2026-12-01' }, '2026-12-02')).toBe('submitted_late');
    expect(() => submitDueItem({ status: 'submitted_on_time', dueOn: '2026-12-01' }, '2026-12-02')).toThrow(
      expect.objectContaining({ code: 'invalid_transition' }),
    );
    expect(() => submitDueItem({ status: 'waived', dueOn: '2026-12-01' }, '2026-11-02')).toThrow(
      expect.objectContaining({ code: 'invalid_transition' }),
    );
  });

  it('waives from any state but waived, with a reason and an approver', () => {
    const item = { status: 'pending', dueOn: '2026-01-01' };
    expect(() => waiveDueItem(item, { reason: 'x', approver: false }, '2026-11-29')).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    expect(() => waiveDueItem(item, { reason: ' ', approver: true }, '2026-11-29')).toThrow(
      expect.objectContaining({ code: 'guard_failed' }),
    );
    expect(waiveDueItem(item, { reason: ' cancelled upstream ', approver: true }, '2026-11-29')).toEqual({
      reason: 'cancelled upstream',
    });
    expect(
      waiveDueItem(
        { status: 'submitted_late', dueOn: '2026-01-01' },
        { reason: 'r', approver: true },
        '2026-11-29',
      ).reason,
    ).toBe('r');
    expect(() =>
      waiveDueItem({ status: 'waived', dueOn: '2026-01-01' }, { reason: 'r', approver: true }, '2026-11-29'),
    ).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
  });

  it('scores timeliness per month as on-time ÷ due, ignoring waived and not-yet-due items', () => {
    const today = '2026-11-15';
    const t = timelinessByMonth(
      [
        { status: 'submitted_on_time', dueOn: '2026-10-03' },
        { status: 'submitted_late', dueOn: '2026-10-10' },
        { status: 'pending', dueOn: '2026-10-20' }, // overdue
        { status: 'waived', dueOn: '2026-10-21' },
        { status: 'submitted_on_time', dueOn: '2026-11-01' },
        { status: 'pending', dueOn: '2026-11-30' }, // not yet due
      ],
      today,
    );
    expect(t).toEqual([
      { month: '2026-10', due: 3, onTime: 1, ratio: 1 / 3, rating: 'red' },
      { month: '2026-11', due: 1, onTime: 1, ratio: 1, rating: 'green' },
    ]);
  });
});
