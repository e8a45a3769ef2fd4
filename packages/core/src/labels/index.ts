/** Labels: model, canonical ids, registry, algebra and rendering (ACCESS.md §2, §6). */
export type {
  HandlingEffect,
  Label,
  LabelId,
  LabelProblem,
  LabelProblemCode,
  MembershipRow,
  MembershipStatus,
  PolicyDef,
  PolicyId,
  PolicyLevel,
  PolicyRegistry,
  RegistryInput,
  Tlp,
} from './types';
export { MEMBERSHIP_STATUSES, TLPS } from './types';
export { ENTENTE_LABEL_NS, canonicalLabel, canonicalLabelJson, labelId, uuidV5 } from './canonical';
export { MembershipRowSchema, PolicyDefSchema } from './schema';
export { RegistryError, createRegistry, isRegistry } from './registry';
export { isValidLabel, labelShapeProblems, validateLabel } from './validate';
export { InvalidLabel, LabelConflict, compress, dominates, expand, join, joinAll, tlpRank } from './algebra';
export type { LabelConflictReason } from './algebra';
export { equivalenceMap, translate } from './equivalence';
export { bannerColour, orderReleasableTo, renderBanner, renderPortion, renderTlp } from './render';
export { HUB_POLICY } from './hub-policy';
