/** A partner's relationship status as a badge (partner page header, partner list); nothing when there is no partner record. */
import { humanise } from '../../lib/engagementTypes';
import { partnerStatusBadgeClass } from './partnerStatus';

export function PartnerStatusBadge({ status }: { status: string | null | undefined }) {
  if (!status) return null;
  return (
    <span
      className={`badge ${partnerStatusBadgeClass(status)}`}
      title={`Partner status: ${humanise(status)}`}
    >
      {humanise(status)}
    </span>
  );
}
