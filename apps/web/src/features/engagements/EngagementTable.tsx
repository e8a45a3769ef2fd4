/** The engagement register table; each row starts with its portion mark. */
import { Link } from '@tanstack/react-router';
import type { EngagementListItem } from '@entente/contracts';
import { PortionMark } from '../../components/PortionMark';
import { StatusBadge, TypeBadge } from '../../components/Badges';
import { SortHeader } from '../../components/SortHeader';
import { formatDate, formatMoney } from '../../lib/format';

type Props = {
  items: readonly EngagementListItem[];
  /** Without `onSort` the headers are plain (e.g. a partner's engagements). */
  sort?: string;
  order?: 'asc' | 'desc';
  onSort?: (column: string, order: 'asc' | 'desc') => void;
};

export function EngagementTable({ items, sort = '', order = 'desc', onSort }: Props) {
  const header = (label: string, column: string) =>
    onSort ? (
      <SortHeader label={label} column={column} sort={sort} order={order} onSort={onSort} />
    ) : (
      <th scope="col">{label}</th>
    );
  return (
    <div className="table-wrap">
      <table className="table register">
        <caption className="visually-hidden">Engagements, sortable by column</caption>
        <thead>
          <tr>
            <th scope="col" className="col-mark">
              Marking
            </th>
            {header('Code', 'code')}
            {header('Title', 'title')}
            {header('Type', 'type')}
            {header('Status', 'status')}
            <th scope="col">Partners</th>
            {header('Planned dates', 'plannedStart')}
            {header('Planned cost', 'plannedCost')}
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id}>
              <td className="col-mark">
                <PortionMark portion={e.portion} />
              </td>
              <td className="nowrap">
                <Link to="/engagements/$id" params={{ id: e.id }}>
                  {e.code}
                </Link>
              </td>
              <td className="col-title">{e.title}</td>
              <td>
                <TypeBadge type={e.type} />
              </td>
              <td>
                <StatusBadge status={e.status} />
              </td>
              <td>{e.partnerIso3s.join(', ')}</td>
              <td>
                {/* Start and end share a column (one line when there is room): the register fits 1360 px. */}
                <span className="nowrap">{formatDate(e.plannedStart)}</span>{' '}
                <span className="nowrap muted">→ {formatDate(e.plannedEnd)}</span>
              </td>
              <td className="num nowrap">{formatMoney(e.plannedCost.amount, e.plannedCost.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
