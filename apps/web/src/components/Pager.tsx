/** Paging controls: "x–y of total", previous/next and page size. */
import { formatNumber } from '../lib/format';

type Props = {
  page: number;
  pageSize: number;
  total: number;
  /** `total` is a lower bound (the server counted up to a cap): shown as "1,000+", and Next follows `hasMore`. */
  totalCapped?: boolean;
  hasMore?: boolean;
  onPage: (page: number) => void;
  onPageSize?: (size: number) => void;
  sizes?: readonly number[];
};

export function Pager({
  page,
  pageSize,
  total,
  totalCapped = false,
  hasMore,
  onPage,
  onPageSize,
  sizes = [10, 25, 50, 100],
}: Props) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const totalText = `${formatNumber(total)}${totalCapped ? '+' : ''}`;
  const lastPage = totalCapped ? hasMore === false : page >= pages;
  return (
    <nav className="pager" aria-label="Pages">
      <span className="pager__range" aria-live="polite">
        {formatNumber(first)}–{formatNumber(last)} of {totalText}
      </span>
      <button type="button" className="btn" onClick={() => onPage(page - 1)} disabled={page <= 1}>
        Previous
      </button>
      <span>
        Page {formatNumber(page)} of {formatNumber(pages)}
        {totalCapped ? '+' : ''}
      </span>
      <button type="button" className="btn" onClick={() => onPage(page + 1)} disabled={lastPage}>
        Next
      </button>
      {onPageSize ? (
        <label className="pager__size">
          Rows per page{' '}
          <select value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))}>
            {sizes.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </nav>
  );
}
