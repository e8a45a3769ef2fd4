/** The outcome of an objective change, with the open engagements a retirement leaves to re-align. */
import { Link } from '@tanstack/react-router';

export type ObjectiveNoticeValue = { text: string; realign?: readonly string[] | undefined };

export function ObjectiveNotice({
  notice,
  onDismiss,
}: {
  notice: ObjectiveNoticeValue;
  onDismiss: () => void;
}) {
  const realign = notice.realign ?? [];
  return (
    <div className={realign.length > 0 ? 'notice notice--warning' : 'notice'} role="status">
      <p>{notice.text}</p>
      {realign.length > 0 ? (
        <p className="notice__realign">
          These open engagements link to the retired objective and need re-alignment:{' '}
          {realign.map((code, i) => (
            <span key={code}>
              {i > 0 ? ', ' : ''}
              <Link to="/engagements" search={{ q: code }} className="nowrap">
                {code}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
      <button type="button" className="btn btn--link" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
