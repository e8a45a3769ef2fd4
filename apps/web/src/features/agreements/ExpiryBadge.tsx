/** "Expires in N days", highlighted when within 180 days (and urgent within 30). */
export function ExpiryBadge({ days }: { days: number | null }) {
  if (days === null) return null;
  const cls = days < 0 ? 'badge--danger' : days <= 30 ? 'badge--danger' : days <= 180 ? 'badge--warning' : '';
  const text = days < 0 ? `expired ${-days} days ago` : days === 0 ? 'expires today' : `${days} days left`;
  return <span className={`badge ${cls}`}>{text}</span>;
}
