/** The engagement form's draft (strings as typed), its conversion to EngagementInput and field-level validation. */
import { EngagementInput } from '@entente/contracts';
import type { Engagement, EngagementInput as EngagementInputType } from '@entente/contracts';
import { PAYLOAD_FIELDS } from '../../lib/engagementTypes';
import type { EngagementType } from '../../lib/engagementTypes';
import { HOME_NATION } from '../../lib/domain';

export type LocationDraft = { key: string; name: string; iso3: string; lat: string; lon: string };
export type ParticipantDraft = {
  key: string;
  orgId: string;
  role: string;
  plannedHeadcount: string;
  actualHeadcount: string;
};
export type LabelDraft = { level: string; releasableTo: string[]; restrictive: string[]; handling: string[] };

export type Draft = {
  code: string;
  title: string;
  type: string;
  summary: string;
  initiativeId: string;
  objectiveIds: string[];
  partnerIso3s: string[];
  leadOrgId: string;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string;
  actualEnd: string;
  locations: LocationDraft[];
  participants: ParticipantDraft[];
  plannedCost: string;
  actualCost: string;
  currency: string;
  fundingSourceId: string;
  communityId: string;
  outcomeSummary: string;
  label: LabelDraft;
  /** Type-specific fields as typed, by key. */
  payload: Record<string, string>;
  /** Payload keys this form does not edit, kept as they were (edit only). */
  payloadExtra: Record<string, unknown>;
};

/** Field path → message, e.g. `objectiveIds`, `locations.0.iso3`, `label.releasableTo`. */
export type FieldErrors = Record<string, string>;

let seq = 0;
export const newKey = (): string => `row-${++seq}`;

export function emptyDraft(): Draft {
  return {
    code: '',
    title: '',
    type: '',
    summary: '',
    initiativeId: '',
    objectiveIds: [],
    partnerIso3s: [],
    leadOrgId: '',
    plannedStart: '',
    plannedEnd: '',
    actualStart: '',
    actualEnd: '',
    locations: [],
    participants: [],
    plannedCost: '',
    actualCost: '',
    currency: 'EUR',
    fundingSourceId: '',
    communityId: '',
    outcomeSummary: '',
    label: { level: 'HUB-OFFICIAL', releasableTo: [HOME_NATION], restrictive: [], handling: [] },
    payload: {},
    payloadExtra: {},
  };
}

function payloadText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value))
    return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The draft of an existing engagement (edit). */
export function draftFromEngagement(e: Engagement): Draft {
  const known = new Set((PAYLOAD_FIELDS[e.type] ?? []).map((f) => f.key));
  const payload: Record<string, string> = {};
  const payloadExtra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e.payload)) {
    if (known.has(k)) payload[k] = payloadText(v);
    else payloadExtra[k] = v;
  }
  return {
    code: e.code,
    title: e.title,
    type: e.type,
    summary: e.summary ?? '',
    initiativeId: e.initiative?.id ?? '',
    objectiveIds: e.objectives.map((o) => o.id),
    partnerIso3s: [...e.partnerIso3s],
    leadOrgId: e.leadOrg?.id ?? '',
    plannedStart: e.plannedStart.slice(0, 10),
    plannedEnd: e.plannedEnd.slice(0, 10),
    actualStart: e.actualStart?.slice(0, 10) ?? '',
    actualEnd: e.actualEnd?.slice(0, 10) ?? '',
    locations: e.locations.map((l) => ({
      key: newKey(),
      name: l.name,
      iso3: l.iso3,
      lat: l.lat === undefined ? '' : String(l.lat),
      lon: l.lon === undefined ? '' : String(l.lon),
    })),
    participants: e.participants.map((p) => ({
      key: newKey(),
      orgId: p.orgId,
      role: p.role,
      plannedHeadcount: String(p.plannedHeadcount),
      actualHeadcount: p.actualHeadcount === undefined ? '' : String(p.actualHeadcount),
    })),
    plannedCost: e.plannedCost.amount,
    actualCost: e.actualCost?.amount ?? '',
    currency: e.plannedCost.currency || 'EUR',
    fundingSourceId: e.fundingSource?.id ?? '',
    communityId: e.communityId,
    outcomeSummary: e.outcomeSummary ?? '',
    label: {
      level: e.label.level,
      releasableTo: [...e.label.releasableTo],
      restrictive: [...e.label.restrictive],
      handling: [...e.label.handling],
    },
    payload,
    payloadExtra,
  };
}

const opt = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());
const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

/** The payload of the chosen type, plus problems with number fields. */
function payloadOf(d: Draft, errors: FieldErrors): Record<string, unknown> {
  const out: Record<string, unknown> = { ...d.payloadExtra };
  const fields = PAYLOAD_FIELDS[d.type as EngagementType] ?? [];
  for (const f of fields) {
    const raw = (d.payload[f.key] ?? '').trim();
    if (!raw) continue;
    if (f.kind === 'number') {
      const n = Number(raw);
      if (Number.isFinite(n)) out[f.key] = n;
      else errors[`payload.${f.key}`] = 'enter a number';
    } else if (f.kind === 'list') {
      out[f.key] = raw
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean);
    } else {
      out[f.key] = raw;
    }
  }
  return out;
}

/** The wire shape to validate and send (undefined members are dropped by JSON). */
export function toCandidate(d: Draft, errors: FieldErrors = {}): Record<string, unknown> {
  return {
    code: d.code,
    title: d.title,
    type: opt(d.type),
    summary: opt(d.summary),
    payload: payloadOf(d, errors),
    initiativeId: opt(d.initiativeId),
    partnerIso3s: d.partnerIso3s,
    objectiveIds: d.objectiveIds,
    leadOrgId: opt(d.leadOrgId),
    plannedStart: opt(d.plannedStart),
    plannedEnd: opt(d.plannedEnd),
    actualStart: opt(d.actualStart),
    actualEnd: opt(d.actualEnd),
    locations: d.locations.map((l) => ({
      name: l.name.trim(),
      iso3: l.iso3.trim().toUpperCase(),
      lat: num(l.lat),
      lon: num(l.lon),
    })),
    participants: d.participants.map((p) => ({
      orgId: opt(p.orgId),
      role: opt(p.role),
      plannedHeadcount: num(p.plannedHeadcount),
      actualHeadcount: num(p.actualHeadcount),
    })),
    plannedCost: opt(d.plannedCost),
    actualCost: opt(d.actualCost),
    currency: opt(d.currency.toUpperCase()) ?? 'EUR',
    fundingSourceId: opt(d.fundingSourceId),
    outcomeSummary: opt(d.outcomeSummary),
    communityId: opt(d.communityId),
    label: {
      level: d.label.level,
      restrictive: d.label.restrictive,
      releasableTo: d.label.releasableTo,
      handling: d.label.handling,
    },
  };
}

/** Messages for a required field left empty (clearer than a schema's "expected string"). */
const WHEN_EMPTY: Record<string, (d: Draft) => boolean> = {
  code: (d) => !d.code.trim(),
  title: (d) => !d.title.trim(),
  type: (d) => !d.type,
  initiativeId: (d) => !d.initiativeId,
  leadOrgId: (d) => !d.leadOrgId,
  plannedStart: (d) => !d.plannedStart,
  plannedEnd: (d) => !d.plannedEnd,
  plannedCost: (d) => !d.plannedCost.trim(),
  communityId: (d) => !d.communityId,
  'label.level': (d) => !d.label.level,
};
const EMPTY_MESSAGE: Record<string, string> = {
  code: 'enter a code',
  title: 'enter a title',
  type: 'choose the engagement type',
  initiativeId: 'choose the initiative this engagement serves',
  leadOrgId: 'choose the lead organisation',
  plannedStart: 'enter the planned start date',
  plannedEnd: 'enter the planned end date',
  plannedCost: 'enter the planned cost, e.g. 1250.00',
  communityId: 'choose the community of interest',
  'label.level': 'choose a classification level',
};

export type Validation =
  { ok: true; input: EngagementInputType; errors: FieldErrors } | { ok: false; errors: FieldErrors };

/** Validate with the contract's schema; errors keyed by field path. */
export function validateDraft(d: Draft): Validation {
  const errors: FieldErrors = {};
  const candidate = toCandidate(d, errors);
  const parsed = EngagementInput.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      if (errors[path]) continue;
      const empty = WHEN_EMPTY[path];
      errors[path] = empty && empty(d) ? (EMPTY_MESSAGE[path] ?? issue.message) : issue.message;
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: parsed.data, errors };
}

/** A server field path in our form's terms: `engagement.objectiveIds[0]` → `objectiveIds.0`. */
export function normalisePath(path: string): string {
  return path
    .replace(/^\/+/, '')
    .replace(/\//g, '.')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^(body|engagement)\./, '');
}

/** The message for a field: its own, else the first one inside it (e.g. `objectiveIds.0`). */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const prefix = `${path}.`;
  for (const [k, v] of Object.entries(errors)) if (k.startsWith(prefix)) return v;
  return undefined;
}
