/** Submit a draft plan for consultation with its owners (draft → in_consultation), audited like every transition. */
import type { UseCaseCtx } from '../../context';
import { transitionPlan } from './transition-plan';

export const submitPlan = (uc: UseCaseCtx, id: string, version: number) =>
  transitionPlan(uc, id, { to: 'in_consultation', version });
