/** Dated memberships with their status and public source. */
import type { Membership } from '@entente/contracts';
import { formatDate } from '../../lib/format';
import { humanise } from '../../lib/engagementTypes';

type Props = { memberships: readonly Membership[]; show: 'org' | 'member'; empty: string };

export function MembershipsTable({ memberships, show, empty }: Props) {
  if (memberships.length === 0) return empty ? <p className="muted">{empty}</p> : null;
  return (
    <div className="table-wrap">
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">{show === 'org' ? 'Organisation' : 'Member'}</th>
            <th scope="col">Status</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
          </tr>
        </thead>
        <tbody>
          {memberships.map((m) => (
            <tr key={`${m.orgCode}-${m.memberIso3}-${m.from}`}>
              <td>
                {show === 'org' ? `${m.orgName} (${m.orgCode})` : `${m.memberName} (${m.memberIso3})`}
                {/* The public source sits with the name: a column of its own squeezed narrow cards. */}
                {m.sourceUrl ? (
                  <>
                    {' '}
                    <a className="source-link" href={m.sourceUrl} rel="noreferrer noopener" target="_blank">
                      source
                      <span className="visually-hidden">
                        {' '}
                        for {show === 'org' ? m.orgCode : m.memberIso3} membership (opens in a new tab)
                      </span>
                    </a>
                  </>
                ) : null}
              </td>
              <td>{humanise(m.status)}</td>
              <td className="nowrap">{formatDate(m.from)}</td>
              <td className="nowrap">{m.to ? formatDate(m.to) : 'present'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
