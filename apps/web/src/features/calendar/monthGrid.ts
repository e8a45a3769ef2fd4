/** Month-grid arithmetic for the calendar (weeks start on Monday). */
import { isoDay } from '../../lib/format';

export type Day = { iso: string; day: number; inMonth: boolean };

export function parseMonth(month: string | undefined, today = new Date()): { year: number; month: number } {
  if (month) {
    const [y, m] = month.split('-').map(Number);
    if (y && m) return { year: y, month: m - 1 };
  }
  return { year: today.getFullYear(), month: today.getMonth() };
}

export function monthKey(year: number, month: number): string {
  const d = new Date(year, month, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** The weeks shown for a month, including the leading and trailing days of neighbouring months. */
export function monthWeeks(year: number, month: number): Day[][] {
  const first = new Date(year, month, 1);
  const offset = (first.getDay() + 6) % 7;
  const start = new Date(year, month, 1 - offset);
  const weeks: Day[][] = [];
  const cursor = new Date(start);
  do {
    const week: Day[] = [];
    for (let i = 0; i < 7; i++) {
      week.push({ iso: isoDay(cursor), day: cursor.getDate(), inMonth: cursor.getMonth() === month });
      cursor.setDate(cursor.getDate() + 1);
    }
    weeks.push(week);
  } while (cursor.getMonth() === month);
  return weeks;
}

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
