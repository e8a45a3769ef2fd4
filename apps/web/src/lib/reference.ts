/** Reference data used across pages, cached for ten minutes. */
import { endpoints } from './endpoints';
import { useApiQuery } from './query';

const TEN_MINUTES = 600_000;

export const useCountries = () =>
  useApiQuery(['ref', 'countries'], endpoints.countries, { staleTime: TEN_MINUTES });
export const useOrganisations = () =>
  useApiQuery(['ref', 'organisations'], endpoints.organisations, { staleTime: TEN_MINUTES });
export const useFundingSources = () =>
  useApiQuery(['ref', 'funding-sources'], endpoints.fundingSources, { staleTime: TEN_MINUTES });
export const useCommunities = () =>
  useApiQuery(['ref', 'communities'], endpoints.communities, { staleTime: TEN_MINUTES });
export const useObjectives = () =>
  useApiQuery(['strategy', 'objectives'], endpoints.objectives, { staleTime: TEN_MINUTES });
export const useInitiatives = () =>
  useApiQuery(['strategy', 'initiatives'], endpoints.initiatives, { staleTime: TEN_MINUTES });
export const useEngagedPartners = () =>
  useApiQuery(['partners', { engagedOnly: true }], (s) => endpoints.partners({ engagedOnly: true }, s), {
    staleTime: TEN_MINUTES,
  });
