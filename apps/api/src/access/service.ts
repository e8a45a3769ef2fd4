/**
 * The per-request access machinery: the policy registry (HUB + membership snapshot), the label
 * cache, the Subject of a user, and the storage scope derived from core's decisions.
 */
import { createHash } from 'node:crypto';
import {
  HUB_POLICY,
  canonicalLabel,
  createRegistry,
  currentCommunityIds,
  decide,
  joinAll,
  labelId as labelIdOf,
  permittedLabelIds,
  renderBanner,
  renderPortion,
  roleGrants,
  type Action,
  type DecisionContext,
  type Label,
  type PolicyRegistry,
  type RecordKind,
  type Subject,
} from '@entente/core';
import {
  allLabels,
  labelCount,
  reference,
  users,
  type AccessScope,
  type Database,
  type StoredLabel,
} from '@entente/db';
import type { PageLabel } from '@entente/contracts';

export const ENVIRONMENT_CEILING = { HUB: 'HUB-SECRET' } as const;
const WRITE_ROLES = new Set(['planner', 'approver', 'admin', 'security_officer', 'partner_reporter']);

export interface AccessService {
  registry(): PolicyRegistry;
  label(id: string): Label | undefined;
  portion(id: string): string;
  pageLabel(labelIds: Iterable<string>): PageLabel;
  /**
   * The join of the known labels among `labelIds` (null when none is known), or the highest-ranked one
   * when they have no join (different policies), with whether it is a true join. Memoised by the set
   * of ids: a roll-up response marks every label it counted (~1,500 on the bench data), and joining
   * them on every request was a tenth of the API's CPU under B2.
   */
  joinOf(labelIds: Iterable<string>): { id: string; label: Label; joined: boolean } | null;
  subjectOf(userId: string, assurance: Subject['assurance']): Promise<Subject | null>;
  scopeOf(s: Subject): Promise<AccessScope>;
  decide(
    s: Subject,
    a: Action,
    labelId: string,
    resource: DecisionContext['resource'],
    label?: Label,
  ): ReturnType<typeof decide>;
  remember(id: string, l: Label): void;
  /** The floor and ceiling labels of a community (write rules). */
  communityBounds(id: string): { communityFloor: Label; communityCeiling: Label } | undefined;
  can(s: Subject, a: Action, kind: RecordKind): boolean;
  refresh(): Promise<void>;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Build the access service over the application pool. */
export async function createAccessService(db: Database, homeNation = 'XHN'): Promise<AccessService> {
  let registry: PolicyRegistry;
  const labels = new Map<string, Label>();
  let labelsKnown = 0;
  const scopeCache = new Map<string, AccessScope>();
  let communities = new Map<string, { floorLabelId: string; ceilingLabelId: string }>();
  const loadCommunities = async () => {
    communities = new Map((await reference.listCommunities(db.db)).map((c) => [c.id, c]));
  };

  const loadRegistry = async () => {
    const rows = await reference.membershipSnapshot(db.db);
    const version = createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 12);
    registry = createRegistry({
      policies: [HUB_POLICY],
      memberships: rows.map((r) => ({
        org: r.org,
        iso3: r.iso3,
        status: r.status as 'member',
        from: r.from,
        ...(r.to ? { to: r.to } : {}),
      })),
      version,
      homeNation,
      asOf: today(),
    });
  };
  const loadLabels = async () => {
    const n = await labelCount(db.db);
    if (n === labelsKnown) return;
    for (const l of await allLabels(db.db)) labels.set(l.id, toLabel(l));
    labelsKnown = n;
    scopeCache.clear();
  };
  await loadRegistry();
  await loadLabels();
  await loadCommunities();

  const portionCache = new Map<string, string>();
  // Label ids are content hashes (a label never changes under its id), so these hold until refresh().
  const joinMemo = new Map<string, { id: string; label: Label; joined: boolean }>();
  const pageMemo = new Map<string, PageLabel>();
  const svc: AccessService = {
    registry: () => registry,
    label: (id) => labels.get(id),
    portion(id) {
      let p = portionCache.get(id);
      if (p === undefined) {
        const l = labels.get(id);
        p = l ? renderPortion(l, registry) : '(?)';
        portionCache.set(id, p);
      }
      return p;
    },
    joinOf(ids) {
      const known = [...new Set(ids)].filter((id) => labels.has(id)).sort();
      if (known.length === 0) return null;
      const key = known.join(',');
      let hit = joinMemo.get(key);
      if (hit === undefined) {
        hit = joinKnown(
          known.map((id) => [id, labels.get(id) as Label] as const),
          registry,
        );
        if (joinMemo.size >= 1000) joinMemo.clear();
        joinMemo.set(key, hit);
      }
      return hit;
    },
    pageLabel(ids) {
      const key = [...new Set(ids)].sort().join(',');
      const hit = pageMemo.get(key);
      if (hit) return hit;
      const base: Label = {
        policy: 'HUB',
        level: 'HUB-OFFICIAL',
        restrictive: [],
        releasableTo: [homeNation],
        handling: [],
      };
      const j = svc.joinOf(ids);
      // No join (different policies): the highest HUB rank, as before, never lower than the base.
      const top =
        !j || j.joined || (registry.rank('HUB', j.label.level) ?? 0) > (registry.rank('HUB', base.level) ?? 0)
          ? (j?.label ?? base)
          : base;
      const lvl = registry.level(top.policy, top.level);
      const colour = lvl?.colour ?? '#007a33';
      const page = { banner: renderBanner(top, registry), colour, textColour: textOn(colour) };
      if (pageMemo.size >= 1000) pageMemo.clear();
      pageMemo.set(key, page);
      return page;
    },
    async subjectOf(userId, assurance) {
      const u = await users.userById(db.db, userId);
      if (!u || u.disabled) return null;
      const orgs = await reference.organisationsByIds(db.db, [u.orgId]);
      const comms = await users.userCommunities(db.db, u.id);
      return {
        kind: 'user',
        id: u.id,
        orgId: u.orgId,
        orgCode: orgs.get(u.orgId)?.code ?? '',
        partner: u.partner,
        nationality: u.nationality,
        memberships: registry.memberships
          .filter((m) => m.iso3 === u.nationality)
          .map((m) => ({ org: m.org, status: m.status, from: m.from, ...(m.to ? { to: m.to } : {}) })),
        clearances: u.clearances as Subject['clearances'],
        communities: comms.map((c) => ({
          id: c.id,
          role: c.role as 'member',
          from: c.from,
          ...(c.to ? { to: c.to } : {}),
        })),
        roles: u.roles as Subject['roles'],
        assurance,
      };
    },
    async scopeOf(s) {
      await loadLabels();
      const key = createHash('sha256')
        .update(JSON.stringify([s, registry.version, labelsKnown, today()]))
        .digest('hex');
      const hit = scopeCache.get(key);
      if (hit) return hit;
      const now = new Date().toISOString();
      const ids = permittedLabelIds(
        s,
        [...labels].map(([id, label]) => ({ id, label })),
        { now, registry, environmentCeiling: ENVIRONMENT_CEILING },
      );
      const canWrite = s.roles.some((r) => WRITE_ROLES.has(r));
      const scope: AccessScope = {
        userId: s.id,
        orgId: s.orgId,
        partner: s.partner,
        labelIds: ids,
        writeLabelIds: canWrite ? ids : [],
        communityIds: currentCommunityIds(s, now),
      };
      if (scopeCache.size > 1000) scopeCache.clear();
      scopeCache.set(key, scope);
      return scope;
    },
    remember: (id, l) => void labels.set(id, l),
    communityBounds(id) {
      const c = communities.get(id);
      const floor = c && labels.get(c.floorLabelId);
      const ceiling = c && labels.get(c.ceilingLabelId);
      return floor && ceiling ? { communityFloor: floor, communityCeiling: ceiling } : undefined;
    },
    decide(s, a, labelId, resource, given) {
      const l = given ?? labels.get(labelId);
      return decide(s, a, (l ?? {}) as Label, {
        now: new Date().toISOString(),
        registry,
        environmentCeiling: ENVIRONMENT_CEILING,
        resource,
      });
    },
    can: (s, a, kind) => roleGrants(s.roles, a, kind),
    refresh: async () => {
      await loadRegistry();
      await loadCommunities();
      labelsKnown = -1;
      await loadLabels();
      portionCache.clear();
      joinMemo.clear();
      pageMemo.clear();
    },
  };
  return svc;
}

function toLabel(l: StoredLabel): Label {
  return {
    policy: l.policy,
    level: l.level,
    restrictive: l.restrictive,
    releasableTo: l.releasableTo,
    handling: l.handling,
    ...(l.tlp ? { tlp: l.tlp as Label['tlp'] & string } : {}),
  } as Label;
}

/** Black or white text, whichever reads better on the banner colour. */
function textOn(hex: string): string {
  const n = parseInt(hex.replace('#', ''), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#000000' : '#ffffff';
}

/** The join of labels, or the highest-ranked of them when they have none (labels of different policies). */
function joinKnown(
  known: (readonly [string, Label])[],
  registry: PolicyRegistry,
): { id: string; label: Label; joined: boolean } {
  if (known.length === 1) return { id: known[0]![0], label: known[0]![1], joined: true };
  try {
    const label = canonicalLabel(
      joinAll(
        known.map(([, l]) => l),
        registry,
      ),
    );
    return { id: labelIdOf(label), label, joined: true };
  } catch {
    const [id, label] = known.reduce((a, b) =>
      (registry.rank(b[1].policy, b[1].level) ?? 0) > (registry.rank(a[1].policy, a[1].level) ?? 0) ? b : a,
    );
    return { id, label, joined: false };
  }
}
