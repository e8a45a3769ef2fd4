/** Reference data: states, organisations and their dated memberships, funding sources. */
import { z } from 'zod';

export const Country = z.object({
  iso3: z.string(),
  name: z.string(),
  region: z.string(),
  subregion: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});
export const Organisation = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  acronym: z.string().nullable(),
  kind: z.string(),
  iso3: z.string().nullable(),
  parentCode: z.string().nullable(),
  foundedOn: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  memberCount: z.number().int(),
});
export const Membership = z.object({
  orgCode: z.string(),
  orgName: z.string(),
  memberIso3: z.string(),
  memberName: z.string(),
  status: z.string(),
  from: z.string(),
  to: z.string().nullable(),
  sourceUrl: z.string(),
});
export const FundingSource = z.object({ id: z.string(), code: z.string(), name: z.string(), legalAuthority: z.string() });
export type Country = z.infer<typeof Country>;
export type Organisation = z.infer<typeof Organisation>;
export type Membership = z.infer<typeof Membership>;
export type FundingSource = z.infer<typeof FundingSource>;
