/** The five reference scenarios of DOMAIN.md §5, in the order they are seeded. */
import type { SeedScenario } from '../types';
import { COUNTER_PIRACY_HOA } from './counter-piracy-hoa';
import { CT_WEST_AFRICA } from './ct-west-africa';
import { ALLIANCE_TRAIN_ADVISE_ASSIST } from './alliance-train-advise-assist';
import { PKO_CAR } from './pko-car';
import { CYBER_PARTNER } from './cyber-partner';

export { HOME_ORGANISATIONS, NATIONAL_OBJECTIVES } from './home';

export const SCENARIOS: SeedScenario[] = [COUNTER_PIRACY_HOA, CT_WEST_AFRICA, ALLIANCE_TRAIN_ADVISE_ASSIST, PKO_CAR, CYBER_PARTNER];

/** A scenario by its code, or undefined. */
export const scenarioByCode = (code: string): SeedScenario | undefined => SCENARIOS.find((s) => s.code === code);
