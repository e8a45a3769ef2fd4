/** The signed-in user: the `me` query, a context for pages and the navigation rules derived from roles. */
import { createContext, useContext } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Me } from '@entente/contracts';
import { setCsrfToken } from '../lib/api';
import { endpoints } from '../lib/endpoints';

export const ME_KEY = ['me'] as const;

export function useMeQuery() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async ({ signal }) => {
      const r = await endpoints.me(signal);
      setCsrfToken(r.data.csrfToken);
      return r.data;
    },
    staleTime: Infinity,
    retry: false,
  });
}

export const MeContext = createContext<Me | null>(null);

/** The current user; only inside the signed-in part of the app. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside the signed-in app');
  return me;
}

const has = (me: Me, roles: readonly string[]) => me.roles.some((r) => roles.includes(r));

/** What navigation and actions a user gets. Home-only items are absent for partner users. */
export const can = {
  administer: (me: Me) => !me.partner && has(me, ['admin', 'security_officer']),
  readAudit: (me: Me) => !me.partner && has(me, ['admin', 'security_officer', 'auditor']),
  importData: (me: Me) => !me.partner && has(me, ['planner', 'approver']),
  plan: (me: Me) => !me.partner && has(me, ['planner', 'approver']),
  /** Create objectives and move them through their lifecycle. */
  writeStrategy: (me: Me) => !me.partner && has(me, ['planner', 'approver']),
  /** Record agreements. */
  recordAgreements: (me: Me) => !me.partner && has(me, ['planner', 'approver']),
};
