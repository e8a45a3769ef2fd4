/**
 * A compact count in the side navigation (styles/shell.css `.nav__badge`). The number is shown;
 * its accessible name says what it counts ("3 due items need attention"), so the link reads
 * "Due items, 3 due items need attention" rather than "Due items 3". Hidden at zero.
 */
export function NavBadge({ count, label }: { count: number; label: string }) {
  if (count <= 0) return null;
  return (
    <span className="nav__badge" role="img" aria-label={label} title={label}>
      {count > 99 ? '99+' : count}
    </span>
  );
}

/** "1 open watch-area alert" / "3 open watch-area alerts". */
export const countLabel = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
