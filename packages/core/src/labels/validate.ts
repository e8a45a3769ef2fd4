/** Validation of a label against the registry (ACCESS.md §2): a list of problems, empty when valid. */
import { canonicalLabel } from './canonical';
import { expand } from './expand';
import { TLPS } from './types';
import type { Iso3, IsoDate, Label, LabelProblem, PolicyRegistry } from './types';

const ISO3 = /^[A-Z]{3}$/;
const ORG_TOKEN = /^ORG:[A-Z0-9][A-Z0-9_.-]*$/;

const isStringArray = (x: unknown): x is string[] =>
  Array.isArray(x) && x.every((s) => typeof s === 'string' && s.length > 0);

/** Shape problems of an untrusted value (no registry needed): missing policy or level, malformed fields. */
export function labelShapeProblems(x: unknown): LabelProblem[] {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return [{ code: 'not_an_object' }];
  const l = x as Record<string, unknown>;
  const problems: LabelProblem[] = [];
  if (l.policy === undefined || l.policy === '') problems.push({ code: 'missing_policy' });
  else if (typeof l.policy !== 'string') problems.push({ code: 'malformed', value: 'policy' });
  if (l.level === undefined || l.level === '') problems.push({ code: 'missing_level' });
  else if (typeof l.level !== 'string') problems.push({ code: 'malformed', value: 'level' });
  for (const field of ['restrictive', 'releasableTo', 'handling'] as const)
    if (!isStringArray(l[field])) problems.push({ code: 'malformed', value: field });
  if (
    l.tlp !== undefined &&
    !(typeof l.tlp === 'string' && (TLPS as readonly string[]).includes(l.tlp.toLowerCase()))
  )
    problems.push({ code: 'malformed', value: 'tlp' });
  return problems;
}

/** Problems of a label against the registry: unknown policy, level, compartment, caveat or group; empty REL; and, when given, a REL that omits the originator's nation. */
export function validateLabel(
  x: unknown,
  reg: PolicyRegistry,
  opts: { originatorIso3?: Iso3; on?: IsoDate } = {},
): LabelProblem[] {
  const shape = labelShapeProblems(x);
  if (shape.length > 0) return shape;
  const l = canonicalLabel(x as Label);
  const def = reg.policy(l.policy);
  if (def === undefined) return [{ code: 'unknown_policy', value: l.policy }];
  const problems: LabelProblem[] = [];
  if (!def.levels.some((v) => v.name === l.level)) problems.push({ code: 'unknown_level', value: l.level });
  for (const c of l.restrictive)
    if (!def.compartments.includes(c)) problems.push({ code: 'unknown_compartment', value: c });
  for (const h of l.handling)
    if (!def.handling.some((d) => d.code === h)) problems.push({ code: 'unknown_caveat', value: h });
  if (l.releasableTo.length === 0) problems.push({ code: 'empty_releasable_to' });
  for (const r of l.releasableTo)
    if (!def.groups.includes(r) && !ISO3.test(r) && !ORG_TOKEN.test(r))
      problems.push({ code: 'unknown_group', value: r });
  if (problems.length === 0 && opts.originatorIso3 !== undefined) {
    const released = expand(l.releasableTo, l.policy, reg, opts.on);
    if (!released.includes(opts.originatorIso3.toUpperCase()))
      problems.push({ code: 'originator_not_releasable', value: opts.originatorIso3 });
  }
  return problems;
}

/** Whether the label is valid against the registry. */
export function isValidLabel(x: unknown, reg: PolicyRegistry): x is Label {
  return validateLabel(x, reg).length === 0;
}
