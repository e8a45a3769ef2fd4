/** A month of engagements as chips coloured by type, with previous/next/today and the iCalendar export. */
import { useMemo } from 'react';
import { Link } from '@tanstack/react-router';
import { ROUTES } from '@entente/contracts';
import type { EngagementListItem } from '@entente/contracts';
import type { CalendarSearch } from '../../app/search';
import { apiUrl } from '../../lib/api';
import { downloadWithStepUp } from '../../lib/stepUp';
import { endpoints } from '../../lib/endpoints';
import { useApiQuery } from '../../lib/query';
import { isoDay } from '../../lib/format';
import { typeColour, typeLabel } from '../../lib/engagementTypes';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { ErrorState, Spinner } from '../../components/States';
import { WEEKDAYS, monthKey, monthWeeks, parseMonth } from './monthGrid';

const MAX_CHIPS = 4;
/** Engagements longer than this show in the month strip (and on their first day), not on every day. */
const LONG_DAYS = 14;

const days = (e: EngagementListItem) =>
  (Date.parse(e.plannedEnd.slice(0, 10)) - Date.parse(e.plannedStart.slice(0, 10))) / 86_400_000 + 1;

type Props = { search: CalendarSearch; onSearch: (s: CalendarSearch) => void };

export function CalendarPage({ search, onSearch }: Props) {
  useDocumentTitle('Calendar');
  const { year, month } = parseMonth(search.month);
  const weeks = useMemo(() => monthWeeks(year, month), [year, month]);
  const from = weeks[0]?.[0]?.iso ?? '';
  const to = weeks[weeks.length - 1]?.[6]?.iso ?? '';
  const items = useApiQuery(
    ['engagements', 'calendar', from, to],
    (s) => endpoints.engagementCalendar(from, to, s),
    { keepPrevious: true },
  );
  const today = isoDay(new Date());
  const title = new Date(year, month, 1).toLocaleDateString('en-GB', { month: 'long', year: 'numeric' });

  const long = useMemo(() => (items.data ?? []).filter((e) => days(e) > LONG_DAYS), [items.data]);
  const byDay = useMemo(() => {
    const map = new Map<string, EngagementListItem[]>();
    const all = items.data ?? [];
    for (const week of weeks)
      for (const d of week) {
        map.set(
          d.iso,
          all.filter((e) =>
            days(e) > LONG_DAYS
              ? e.plannedStart.slice(0, 10) === d.iso
              : e.plannedStart.slice(0, 10) <= d.iso && d.iso <= e.plannedEnd.slice(0, 10),
          ),
        );
      }
    return map;
  }, [weeks, items.data]);

  const go = (delta: number) => onSearch({ month: monthKey(year, month + delta) });

  return (
    <>
      <PageHeader title="Calendar">
        <button type="button" className="btn" onClick={() => void downloadWithStepUp(apiUrl(ROUTES.engagementIcs), 'engagements.ics')}>
          Download iCalendar (.ics)
        </button>
      </PageHeader>
      <div className="calendar-toolbar" role="group" aria-label="Month">
        <button type="button" className="btn" onClick={() => go(-1)}>
          <span aria-hidden="true">←</span> Previous month
        </button>
        <button type="button" className="btn" onClick={() => onSearch({})}>
          Today
        </button>
        <button type="button" className="btn" onClick={() => go(1)}>
          Next month <span aria-hidden="true">→</span>
        </button>
        <div className="field field--inline field--check">
          <label htmlFor="cal-month">Go to month</label>
          <input
            id="cal-month"
            type="month"
            value={monthKey(year, month)}
            onChange={(e) => {
              if (/^\d{4}-\d{2}$/.test(e.target.value)) onSearch({ month: e.target.value });
            }}
          />
        </div>
        <h2 className="calendar-title" aria-live="polite">
          {title}
        </h2>
        {items.isFetching ? <Spinner label="Loading…" /> : null}
      </div>
      {items.error && !items.data ? <ErrorState error={items.error} onRetry={items.refetch} /> : null}
      {long.length ? (
        <section className="card calendar-long" aria-labelledby="long-title">
          <h3 id="long-title">
            Running through {title} (longer than {LONG_DAYS} days; shown on their first day below)
          </h3>
          <ul className="calendar-long__list">
            {long.map((e) => (
              <li key={e.id}>
                <Link
                  to="/engagements/$id"
                  params={{ id: e.id }}
                  className="calendar__chip"
                  style={{ borderLeftColor: typeColour(e.type), backgroundColor: `${typeColour(e.type)}1f` }}
                >
                  {e.code} {e.title}
                </Link>
                <span className="muted">
                  {typeLabel(e.type)} · {e.plannedStart.slice(0, 10)} → {e.plannedEnd.slice(0, 10)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <table className="calendar" aria-busy={items.isFetching}>
        <caption className="visually-hidden">Engagements in {title}</caption>
        <thead>
          <tr>
            {WEEKDAYS.map((d) => (
              <th key={d} scope="col" abbr={d}>
                {d.slice(0, 3)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]?.iso}>
              {week.map((d) => {
                const list = byDay.get(d.iso) ?? [];
                return (
                  <td
                    key={d.iso}
                    className={`calendar__day${d.inMonth ? '' : ' calendar__day--out'}${d.iso === today ? ' calendar__day--today' : ''}`}
                  >
                    <div className="calendar__date" aria-current={d.iso === today ? 'date' : undefined}>
                      <span className="visually-hidden">{d.iso}</span>
                      <span aria-hidden="true">{d.day}</span>
                    </div>
                    <ul className="calendar__chips">
                      {list.slice(0, MAX_CHIPS).map((e) => (
                        <li key={e.id}>
                          <Link
                            to="/engagements/$id"
                            params={{ id: e.id }}
                            className="calendar__chip"
                            style={{
                              borderLeftColor: typeColour(e.type),
                              backgroundColor: `${typeColour(e.type)}1f`,
                            }}
                            title={`${e.code} — ${e.title} (${typeLabel(e.type)}, ${e.plannedStart.slice(0, 10)} to ${e.plannedEnd.slice(0, 10)})`}
                          >
                            {e.code} {e.title}
                          </Link>
                        </li>
                      ))}
                      {list.length > MAX_CHIPS ? (
                        <li className="muted">+{list.length - MAX_CHIPS} more</li>
                      ) : null}
                    </ul>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {items.data && items.data.length === 0 ? (
        <p className="empty-state">No engagements in {title}.</p>
      ) : null}
    </>
  );
}
