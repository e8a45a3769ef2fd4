/** Reference data for seeding: countries, organisations, memberships and funding sources. Pure. */
export { COUNTRIES, HOME_NATION_ISO3, countryByIso3, type ReferenceCountry } from './countries';
export {
  REFERENCE_ORGANISATIONS,
  organisationByCode,
  type ReferenceOrganisation,
  type ReferenceOrgKind,
} from './organisations';
export { REFERENCE_MEMBERSHIPS, type MembershipStatus, type ReferenceMembership } from './memberships';
export {
  findMembershipConflicts,
  isCurrentOn,
  isIsoDate,
  isMemberOn,
  membersOn,
  membershipOn,
  organisationsOf,
} from './queries';
export { FUNDING_SOURCES, fundingSourceByCode, type FundingSource } from './funding-sources';
