/** The agreement lifecycle call, typed by the contracts. */
import { AgreementItem, ROUTES } from '@entente/contracts';
import type { AgreementTransitionRequest } from '@entente/contracts';
import { api, pathOf } from '../../lib/api';

export const agreementsApi = {
  transition: (id: string, body: AgreementTransitionRequest) =>
    api.post(pathOf(ROUTES.agreementTransition, { id }), AgreementItem, body),
};

/** The button text of an agreement transition. */
export function agreementTransitionLabel(to: string, from: string): string {
  if (from === 'suspended' && to === 'in_force') return 'Resume';
  const verbs: Record<string, string> = {
    negotiating: 'Start negotiating',
    signed: 'Record signature',
    in_force: 'Enter into force',
    suspended: 'Suspend',
    expired: 'Mark expired',
    terminated: 'Terminate',
  };
  return verbs[to] ?? to;
}
