export { vcovFisher, vcovHC, vcovCR1, vcovHAC, neweyWestLag, type Cr1Options } from './estimators.ts';
export { vcovHACPanel } from './panelHac.ts';
export { scores } from './sandwich.ts';
export { standardErrors, toRows, type Covariance } from './types.ts';
