/** Banners, portion marks and TLP chips (ACCESS.md §6). Decisions never parse these strings. */
import { canonicalLabel } from './canonical';
import { InvalidLabel } from './algebra';
import { validateLabel } from './validate';
import type { Label, PolicyLevel, PolicyRegistry, Tlp } from './types';

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** REL TO order: the home nation, then nations alphabetically, then `ORG:` tokens, then groups alphabetically. */
export function orderReleasableTo(l: Label, reg: PolicyRegistry): string[] {
  const codes = canonicalLabel(l).releasableTo;
  const home = reg.homeNation;
  const groups = codes.filter((c) => reg.isGroup(l.policy.toUpperCase(), c)).sort(byCode);
  const orgs = codes.filter((c) => c.startsWith('ORG:')).sort(byCode);
  const nations = codes.filter((c) => c !== home && !groups.includes(c) && !orgs.includes(c)).sort(byCode);
  return [...(home !== undefined && codes.includes(home) ? [home] : []), ...nations, ...orgs, ...groups];
}

function parts(l: Label, reg: PolicyRegistry, pick: (lv: PolicyLevel) => string): string {
  const problems = validateLabel(l, reg);
  if (problems.length > 0) throw new InvalidLabel(problems);
  const c = canonicalLabel(l);
  const def = reg.policy(c.policy)!;
  const level = reg.level(c.policy, c.level)!;
  const caveats = def.handling
    .filter((h) => c.handling.includes(h.code))
    .map((h) => h.code.toUpperCase().replace(/_/g, ' '));
  const segments = [pick(level)];
  if (c.restrictive.length > 0) segments.push([...c.restrictive].sort(byCode).join('/'));
  if (caveats.length > 0) segments.push(caveats.join('/'));
  segments.push(`REL TO ${orderReleasableTo(c, reg).join(', ')}`);
  return segments.join('//');
}

/** The banner line, e.g. `HUB SECRET//CT//ORCON//REL TO XHN, FRA, USA, NATO`; throws `InvalidLabel`. */
export function renderBanner(l: Label, reg: PolicyRegistry): string {
  return parts(l, reg, (lv) => lv.banner);
}

/** The portion mark, e.g. `(HS//CT//ORCON//REL TO XHN, FRA, USA, NATO)`; throws `InvalidLabel`. */
export function renderPortion(l: Label, reg: PolicyRegistry): string {
  return `(${parts(l, reg, (lv) => lv.portion)})`;
}

/** The banner colour of the label's level from the registry, or undefined when unknown. */
export function bannerColour(l: Label, reg: PolicyRegistry): string | undefined {
  return reg.level(l.policy.toUpperCase(), l.level.toUpperCase())?.colour;
}

const TLP_TEXT = {
  clear: 'CLEAR',
  green: 'GREEN',
  amber: 'AMBER',
  amber_strict: 'AMBER+STRICT',
  red: 'RED',
} as const;

/** The TLP chip, e.g. `TLP:AMBER+STRICT`, or undefined when the label carries no (known) TLP. */
export function renderTlp(l: Label): string | undefined {
  const t = l.tlp?.toLowerCase();
  return t !== undefined && Object.hasOwn(TLP_TEXT, t) ? `TLP:${TLP_TEXT[t as Tlp]}` : undefined;
}
