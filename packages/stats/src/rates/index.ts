export { clopperPearson, binomTestPValue, binomPmf } from './binomial.ts';
export { garwood, poissonTestPValue, rateRatioExact, type RateInterval, type RateRatio } from './poisson.ts';
export { preWindowDispersion, rateRatioWald } from './wald.ts';
export { beforeAfter, type BeforeAfterInput, type BeforeAfterResult } from './beforeAfter.ts';
