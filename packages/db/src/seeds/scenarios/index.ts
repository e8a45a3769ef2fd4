// PROVISIONAL (written by the integrator for local testing; the scenarios author replaces this file).
import type { SeedScenario } from '../types';
import { COUNTER_PIRACY_HOA } from './counter-piracy-hoa';
export { HOME_ORGANISATIONS, NATIONAL_OBJECTIVES } from './home';
export const SCENARIOS: SeedScenario[] = [COUNTER_PIRACY_HOA];
export const scenarioByCode = (code: string) => SCENARIOS.find((s) => s.code === code);
