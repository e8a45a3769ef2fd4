/** The admin slice's REST calls (organisations, communities, a user's security attributes), typed by the contracts. */
import { AdminCommunity, AdminOrganisation, ROUTES, UserDetail } from '@entente/contracts';
import type {
  CommunityInput,
  CommunityMemberEnd,
  CommunityMemberInput,
  OrganisationInput,
  UserSecurityUpdate,
} from '@entente/contracts';
import { ApiError, anything, api, arrayOf, pathOf } from '../../lib/api';
import type { Out } from '../../lib/api';

export type OrganisationRow = Out<typeof AdminOrganisation>;
export type CommunityRow = Out<typeof AdminCommunity>;
export type UserDetailData = Out<typeof UserDetail>;
export type FieldErrors = Record<string, string>;

export const adminApi = {
  organisations: (signal?: AbortSignal) =>
    api.get(ROUTES.adminOrganisations, arrayOf(AdminOrganisation), undefined, signal),
  createOrganisation: (input: OrganisationInput) =>
    api.post(ROUTES.adminOrganisations, AdminOrganisation, input),
  updateOrganisation: (id: string, version: string, organisation: OrganisationInput) =>
    api.put(pathOf(ROUTES.adminOrganisation, { id }), AdminOrganisation, { version, organisation }),
  communities: (signal?: AbortSignal) =>
    api.get(ROUTES.adminCommunities, arrayOf(AdminCommunity), undefined, signal),
  createCommunity: (input: CommunityInput) => api.post(ROUTES.adminCommunities, AdminCommunity, input),
  addMember: (id: string, input: CommunityMemberInput) =>
    api.post(pathOf(ROUTES.adminCommunityMembers, { id }), anything, input),
  endMember: (id: string, input: CommunityMemberEnd) =>
    api.post(pathOf(ROUTES.adminCommunityMemberEnd, { id }), anything, input),
  user: (id: string, signal?: AbortSignal) =>
    api.get(pathOf(ROUTES.user, { id }), UserDetail, undefined, signal),
  updateSecurity: (id: string, input: UserSecurityUpdate) =>
    api.put(pathOf(ROUTES.userSecurity, { id }), UserDetail, input),
};

/** Field errors keyed by their dotted path (`clearances.0.level`), from zod issues or the server's envelope. */
export function issuesToErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) out[i.path.map(String).join('.')] ??= i.message;
  return out;
}

/** The server's field errors of a failed save (empty when it named none). */
export function serverErrors(err: unknown): FieldErrors {
  if (!(err instanceof ApiError)) return {};
  const out: FieldErrors = {};
  for (const f of err.fields) out[f.path.replace(/^\//, '').replace(/\//g, '.')] ??= f.message;
  return out;
}

/** The first error at `path` or below it. */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const prefix = `${path}.`;
  for (const [k, v] of Object.entries(errors)) if (k.startsWith(prefix)) return v;
  return undefined;
}

export const todayIso = () => new Date().toISOString().slice(0, 10);
