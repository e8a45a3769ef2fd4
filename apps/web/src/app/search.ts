/** URL search-param shapes of each page, parsed leniently (a bad value is dropped, never an error). */

type Raw = Record<string, unknown>;

const str = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.filter((x) => typeof x === 'string').join(',') || undefined;
  return undefined;
};
const int = (v: unknown, min: number, max: number): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};
const oneOf = <T extends string>(v: unknown, values: readonly T[]): T | undefined =>
  typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : undefined;

/** Drop undefined values so `exactOptionalPropertyTypes` and the URL stay clean. */
export function compact<T extends Record<string, unknown>>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== '') out[k] = v;
  return out as T;
}

/** Comma-separated list in a search param. */
export const splitList = (v: string | undefined): string[] => (v ? v.split(',').filter(Boolean) : []);
export const joinList = (v: readonly string[]): string | undefined => (v.length ? v.join(',') : undefined);

export const SORT_COLUMNS = ['plannedStart', 'code', 'title', 'type', 'status', 'plannedCost'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export type EngagementSearch = {
  q?: string | undefined;
  type?: string | undefined;
  status?: string | undefined;
  partner?: string | undefined;
  objective?: string | undefined;
  year?: number | undefined;
  sort?: SortColumn | undefined;
  order?: 'asc' | 'desc' | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
};
export const parseEngagementSearch = (s: Raw): EngagementSearch =>
  compact({
    q: str(s.q),
    type: str(s.type),
    status: str(s.status),
    partner: str(s.partner),
    objective: str(s.objective),
    year: int(s.year, 1990, 2100),
    sort: oneOf(s.sort, SORT_COLUMNS),
    order: oneOf(s.order, ['asc', 'desc'] as const),
    page: int(s.page, 1, 1_000_000),
    pageSize: int(s.pageSize, 1, 500),
  });

export type DashboardSearch = {
  year?: number | undefined;
  objective?: string | undefined;
  partner?: string | undefined;
};
export const parseDashboardSearch = (s: Raw): DashboardSearch =>
  compact({ year: int(s.year, 1990, 2100), objective: str(s.objective), partner: str(s.partner) });

export type CalendarSearch = { month?: string | undefined };
export const parseCalendarSearch = (s: Raw): CalendarSearch => {
  const m = str(s.month);
  return compact({ month: m && /^\d{4}-(0[1-9]|1[0-2])$/.test(m) ? m : undefined });
};

export type PartnersSearch = { q?: string | undefined; region?: string | undefined };
export const parsePartnersSearch = (s: Raw): PartnersSearch =>
  compact({ q: str(s.q), region: str(s.region) });

export type AlliancesSearch = { kind?: string | undefined; org?: string | undefined };
export const parseAlliancesSearch = (s: Raw): AlliancesSearch =>
  compact({ kind: str(s.kind), org: str(s.org) });

export type AgreementsSearch = {
  q?: string | undefined;
  status?: string | undefined;
  partner?: string | undefined;
  expiring?: number | undefined;
};
export const parseAgreementsSearch = (s: Raw): AgreementsSearch =>
  compact({
    q: str(s.q),
    status: str(s.status),
    partner: str(s.partner),
    expiring: int(s.expiring, 1, 3650),
  });

export type AuditSearch = {
  action?: string | undefined;
  entity?: string | undefined;
  page?: number | undefined;
};
export const parseAuditSearch = (s: Raw): AuditSearch =>
  compact({ action: str(s.action), entity: str(s.entity), page: int(s.page, 1, 1_000_000) });

export type LoginSearch = { redirect?: string | undefined };
export const parseLoginSearch = (s: Raw): LoginSearch => {
  const r = str(s.redirect);
  // Only same-app paths: never an open redirect.
  return compact({
    redirect: r && r.startsWith('/') && !r.startsWith('//') && !r.startsWith('/login') ? r : undefined,
  });
};

export type EvaluationsSearch = {
  q?: string | undefined;
  status?: string | undefined;
  kind?: string | undefined;
  page?: number | undefined;
};
export const parseEvaluationsSearch = (s: Raw): EvaluationsSearch =>
  compact({ q: str(s.q), status: str(s.status), kind: str(s.kind), page: int(s.page, 1, 100000) });
