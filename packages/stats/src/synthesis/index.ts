/** Evidence synthesis (EVALUATION.md §4.7): Krippendorff's α, Likert and expert-review summaries. */
export {
  krippendorffAlpha,
  krippendorffAlphaBootstrap,
  agreementLevel,
  type AlphaMetric,
  type AlphaResult,
  type AlphaBootstrap,
  type Agreement,
  type Rating,
} from './krippendorff.ts';
export {
  summariseLikert,
  summariseExpertReview,
  type LikertSummary,
  type ExpertReviewSummary,
  type StrandDirection,
} from './likert.ts';
export { quantile7 } from './quantile.ts';
