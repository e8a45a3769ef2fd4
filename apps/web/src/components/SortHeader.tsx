/** A sortable column header: a button inside the `th`, with `aria-sort` on the header. */
type Props = {
  label: string;
  column: string;
  sort: string;
  order: 'asc' | 'desc';
  onSort: (column: string, order: 'asc' | 'desc') => void;
};

export function SortHeader({ label, column, sort, order, onSort }: Props) {
  const active = sort === column;
  const next: 'asc' | 'desc' = active && order === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(column, next)}>
        {label}
        <span aria-hidden="true" className="sort-button__arrow">
          {active ? (order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}
