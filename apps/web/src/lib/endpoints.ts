/** Every REST call the web makes, typed by the contracts' schemas and routes. */
import {
  AUTH_ROUTES,
  AgreementItem,
  AuditItem,
  CheckResult,
  Community,
  Country,
  Dashboard,
  Engagement,
  EngagementListItem,
  EngagementPage,
  FundingSource,
  ImportReport,
  Initiative,
  InitiativeItem,
  LoginPage,
  LoginResponse,
  MapPoint,
  Me,
  Membership,
  ObjectiveItem,
  Organisation,
  PartnerOverview,
  PartnerSummary,
  PlanItem,
  ROUTES,
  RecoveryCodes,
  RecoveryCodesStatus,
  StepUpResponse,
  UserItem,
  page,
} from '@entente/contracts';
import type { AgreementInput, Me as MeType, ObjectiveInput, ObjectiveTransition } from '@entente/contracts';
import { anything, api, arrayOf, pathOf, request, setCsrfToken, uploadFile } from './api';
import type { Out, Query, Schema } from './api';

/** TOTP answers with a LoginResponse (`me` set) or with the Me itself; accept either. */
const TotpAnswer: Schema<MeType> = {
  safeParse(value: unknown) {
    const asLogin = LoginResponse.safeParse(value);
    if (asLogin.success && asLogin.data.me) return { success: true, data: asLogin.data.me };
    return Me.safeParse(value);
  },
};

/** Users come as a list (or, should the server page them, as a page of items). */
const UserList: Schema<Out<typeof UserItem>[]> = {
  safeParse(value: unknown) {
    const items =
      value && typeof value === 'object' && 'items' in value ? (value as { items: unknown }).items : value;
    return arrayOf(UserItem).safeParse(items);
  },
};

const AuditPage = page(AuditItem);

/** An objective's transition answers with the objective and the codes of open engagements to re-align. */
export type ObjectiveTransitionResult = { objective: Out<typeof ObjectiveItem>; realign: string[] };
const ObjectiveTransitionAnswer: Schema<ObjectiveTransitionResult> = {
  safeParse(value: unknown) {
    const v = (value ?? {}) as { objective?: unknown; realign?: unknown };
    const objective = ObjectiveItem.safeParse(v.objective);
    if (!objective.success)
      return {
        success: false,
        error: { issues: objective.error.issues.map((i) => ({ ...i, path: ['objective', ...i.path] })) },
      };
    if (!Array.isArray(v.realign) || !v.realign.every((c): c is string => typeof c === 'string'))
      return {
        success: false,
        error: { issues: [{ path: ['realign'], message: 'expected a list of codes' }] },
      };
    return { success: true, data: { objective: objective.data, realign: v.realign } };
  },
};

export type Objective = Out<typeof ObjectiveItem>;
export type UserRow = Out<typeof UserItem>;
export type AuditRow = Out<typeof AuditItem>;
export type CommunityRow = Out<typeof Community>;
export type EngagementPageData = Out<typeof EngagementPage>;
export type AuditPageData = Out<typeof AuditPage>;

export const endpoints = {
  loginPage: (signal?: AbortSignal) => api.get(ROUTES.loginPage, LoginPage, undefined, signal),
  login: (body: { username: string; password: string; noticeVersion: string }) =>
    api.post(ROUTES.login, LoginResponse, body, { noAuthRedirect: true }),
  totp: (code: string) => api.post(ROUTES.totp, TotpAnswer, { code }, { noAuthRedirect: true }),
  logout: () => api.post(ROUTES.logout, anything, {}, { noAuthRedirect: true }),
  me: async (signal?: AbortSignal) => {
    const r = await request('GET', ROUTES.me, Me, { noAuthRedirect: true, ...(signal ? { signal } : {}) });
    if (!r.data.noticeRequired || typeof document === 'undefined') return r;
    // ACCESS.md §8: the notice again (changed text, or consent over 24 h old) before the app goes on.
    setCsrfToken(r.data.csrfToken);
    const { consentAgain } = await import('./consent');
    return { ...r, data: await consentAgain() };
  },
  stepUp: (code: string) =>
    api.post(AUTH_ROUTES.stepUp, StepUpResponse, { code }, { noAuthRedirect: true, noStepUp: true }),
  recoveryCodesStatus: (signal?: AbortSignal) =>
    api.get(AUTH_ROUTES.recoveryCodes, RecoveryCodesStatus, undefined, signal),
  generateRecoveryCodes: (code: string) =>
    api.post(AUTH_ROUTES.recoveryCodes, RecoveryCodes, { code }, { noAuthRedirect: true, noStepUp: true }),

  dashboard: (q: Query, signal?: AbortSignal) => api.get(ROUTES.dashboard, Dashboard, q, signal),

  countries: (signal?: AbortSignal) => api.get(ROUTES.countries, arrayOf(Country), undefined, signal),
  organisations: (signal?: AbortSignal) =>
    api.get(ROUTES.organisations, arrayOf(Organisation), undefined, signal),
  memberships: (org: string, signal?: AbortSignal) =>
    api.get(ROUTES.memberships, arrayOf(Membership), { org }, signal),
  fundingSources: (signal?: AbortSignal) =>
    api.get(ROUTES.fundingSources, arrayOf(FundingSource), undefined, signal),
  communities: (signal?: AbortSignal) => api.get(ROUTES.communities, arrayOf(Community), undefined, signal),

  partners: (q: Query, signal?: AbortSignal) => api.get(ROUTES.partners, arrayOf(PartnerSummary), q, signal),
  partner: (iso3: string, signal?: AbortSignal) =>
    api.get(pathOf(ROUTES.partner, { iso3 }), PartnerOverview, undefined, signal),

  agreements: (q: Query, signal?: AbortSignal) =>
    api.get(ROUTES.agreements, arrayOf(AgreementItem), q, signal),
  createAgreement: (input: AgreementInput) => api.post(ROUTES.agreements, AgreementItem, input),

  objectives: (signal?: AbortSignal) => api.get(ROUTES.objectives, arrayOf(ObjectiveItem), undefined, signal),
  createObjective: (input: ObjectiveInput) => api.post(ROUTES.objectives, ObjectiveItem, input),
  transitionObjective: (id: string, body: Out<typeof ObjectiveTransition>) =>
    api.post(pathOf(ROUTES.objectiveTransition, { id }), ObjectiveTransitionAnswer, body),
  plans: (signal?: AbortSignal) => api.get(ROUTES.plans, arrayOf(PlanItem), undefined, signal),
  initiatives: (signal?: AbortSignal) =>
    api.get(ROUTES.initiatives, arrayOf(InitiativeItem), undefined, signal),
  initiative: (id: string, signal?: AbortSignal) =>
    api.get(pathOf(ROUTES.initiative, { id }), Initiative, undefined, signal),

  engagements: (q: Query, signal?: AbortSignal) => api.get(ROUTES.engagements, EngagementPage, q, signal),
  engagement: (id: string, signal?: AbortSignal) =>
    api.get(pathOf(ROUTES.engagement, { id }), Engagement, undefined, signal),
  createEngagement: (input: unknown) => api.post(ROUTES.engagements, Engagement, input),
  updateEngagement: (id: string, version: number, engagement: unknown) =>
    api.put(pathOf(ROUTES.engagement, { id }), Engagement, { version, engagement }),
  transition: (
    id: string,
    body: { to: string; version: number; reason?: string; actualStart?: string; actualEnd?: string },
  ) => api.post(pathOf(ROUTES.engagementTransition, { id }), Engagement, body),
  checkEngagement: (input: unknown) => api.post(ROUTES.engagementCheck, CheckResult, input),
  engagementMap: (q: Query, signal?: AbortSignal) =>
    api.get(ROUTES.engagementMap, arrayOf(MapPoint), q, signal),
  engagementCalendar: (from: string, to: string, signal?: AbortSignal) =>
    api.get(ROUTES.engagementCalendar, arrayOf(EngagementListItem), { from, to }, signal),
  importEngagements: (file: File, dryRun: boolean, onProgress: (fraction: number) => void) =>
    uploadFile(ROUTES.engagementImport, ImportReport, file, dryRun ? { dryRun: 'true' } : {}, onProgress),

  users: (signal?: AbortSignal) => api.get(ROUTES.users, UserList, undefined, signal),
  createUser: (input: unknown) => api.post(ROUTES.users, anything, input),
  audit: (q: Query, signal?: AbortSignal) => api.get(ROUTES.audit, AuditPage, q, signal),
};
