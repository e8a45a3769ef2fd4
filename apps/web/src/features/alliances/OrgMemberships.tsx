/** The members of one organisation over time. */
import type { Organisation } from '@entente/contracts';
import { endpoints } from '../../lib/endpoints';
import { useApiQuery } from '../../lib/query';
import { QueryView, SkeletonRows } from '../../components/States';
import { MembershipsTable } from './MembershipsTable';

export function OrgMemberships({ org }: { org: Organisation }) {
  const memberships = useApiQuery(['memberships', org.code], (s) => endpoints.memberships(org.code, s));
  return (
    <section className="card" aria-labelledby="members-title">
      <h2 id="members-title">
        Members of {org.acronym ?? org.code} <span className="muted">({org.name})</span>
      </h2>
      {org.sourceUrl ? (
        <p>
          <a href={org.sourceUrl} target="_blank" rel="noreferrer noopener">
            Official source<span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        </p>
      ) : null}
      <QueryView query={memberships} loading={<SkeletonRows rows={6} label="Loading members…" />}>
        {(rows) => (
          <MembershipsTable
            memberships={[...rows].sort(
              (a, b) => a.memberName.localeCompare(b.memberName) || a.from.localeCompare(b.from),
            )}
            show="member"
            empty="No memberships recorded."
          />
        )}
      </QueryView>
    </section>
  );
}
