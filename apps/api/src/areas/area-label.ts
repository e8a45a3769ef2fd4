/**
 * The label a custom area takes (ADR 0006): the default label of the creator's community, as for an
 * incident import, and the same permission (analysts may, planners may not). decide() is run for that
 * label; a denial is audited.
 */
import type { UseCaseCtx } from '../context';
import { communityDefaultLabel } from '../incidents/community-label';

export const areaLabel = (uc: UseCaseCtx, communityCode: string | undefined) =>
  communityDefaultLabel(uc, communityCode, {
    action: 'area.create',
    entity: 'analysis_area',
    doing: 'define analysis areas',
  });
