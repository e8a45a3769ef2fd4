export { fitGlm } from './irls.ts';
export { fitNb2, nbLogLik, LN_ALPHA_MIN, LN_ALPHA_MAX, type Nb2Fit, type Nb2Options } from './nb2.ts';
export type { GlmFit, GlmOptions } from './types.ts';
export { digamma } from './special.ts';
