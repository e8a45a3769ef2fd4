/** The partner status call (DOMAIN.md §2.2) and how a status reads, typed by the contracts. */
import { PartnerStatusResult, ROUTES } from '@entente/contracts';
import type { PartnerStatusRequest } from '@entente/contracts';
import { api, pathOf } from '../../lib/api';

export const partnerStatusApi = {
  set: (iso3: string, body: PartnerStatusRequest) =>
    api.post(pathOf(ROUTES.partnerStatus, { iso3 }), PartnerStatusResult, body),
};

/** The button text of a move from `from` to `to`. */
export function partnerStatusAction(to: string, from: string): string {
  if (to === 'suspended') return 'Suspend partner';
  if (from === 'suspended') return to === 'restricted' ? 'Reinstate as restricted' : 'Reinstate';
  if (to === 'restricted') return 'Restrict';
  return 'Make active';
}

/** Badge modifier per status: suspended stands out, restricted warns, active reads as approved. */
export const partnerStatusBadgeClass = (status: string) =>
  ({
    suspended: 'badge--danger',
    restricted: 'badge--warning',
    active: 'badge--approved',
    prospective: 'badge--draft',
  })[status] ?? '';
