/** zod schemas for policy definitions and membership rows (the registry is data, validated on load). */
import { z } from 'zod';
import { isIsoDate } from './dates';
import { MEMBERSHIP_STATUSES } from './types';
import type { MembershipRow, PolicyDef } from './types';

const upperCode = z
  .string()
  .min(1)
  .refine((s) => s === s.toUpperCase() && s.trim() === s, 'must be upper-case without surrounding spaces');
const snakeCode = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case');
const isoDate = z.string().refine(isIsoDate, 'must be a YYYY-MM-DD calendar date');

const unique = (xs: readonly string[]) => new Set(xs).size === xs.length;

const LevelSchema = z.object({
  name: upperCode,
  rank: z.number().int().nonnegative(),
  banner: z.string().min(1),
  portion: z.string().min(1),
  colour: z.string().min(1),
});

/** A `PolicyDef` (ACCESS.md §2.2) with its semantic checks: unique codes and ranks, a known `mfaFromLevel`. */
export const PolicyDefSchema = z
  .object({
    id: upperCode,
    version: z.string().min(1),
    name: z.string().min(1),
    levels: z.array(LevelSchema).min(1),
    compartments: z.array(upperCode),
    handling: z.array(z.object({ code: snakeCode, effect: z.enum(['originator_consent', 'deny_export']) })),
    groups: z.array(upperCode),
    mfaFromLevel: upperCode,
    equivalences: z.array(
      z.object({ toPolicy: upperCode, map: z.record(z.string().min(1), z.string().min(1)) }),
    ),
  })
  .superRefine((p, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: 'custom', message });
    if (!unique(p.levels.map((l) => l.name))) problem('level names must be unique');
    if (new Set(p.levels.map((l) => l.rank)).size !== p.levels.length) problem('level ranks must be unique');
    if (!p.levels.some((l) => l.name === p.mfaFromLevel))
      problem('mfaFromLevel must be a level of the policy');
    if (!unique(p.compartments)) problem('compartments must be unique');
    if (!unique(p.handling.map((h) => h.code))) problem('handling codes must be unique');
    if (!unique(p.groups)) problem('groups must be unique');
    if (p.groups.some((g) => g.startsWith('ORG:'))) problem('a group code may not start with ORG:');
  });

/** One dated membership row; `to`, when present, is after `from`. */
export const MembershipRowSchema = z
  .object({
    org: z.string().min(1),
    iso3: z.string().regex(/^[A-Z]{3}$/, 'must be an upper-case alpha-3 code'),
    status: z.enum(MEMBERSHIP_STATUSES),
    from: isoDate,
    to: isoDate.exactOptional(),
  })
  .refine((m) => m.to === undefined || m.from < m.to, 'to must be after from');

// Compile-time checks that the schemas produce the hand-written types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _policyDefMatches: Same<z.infer<typeof PolicyDefSchema>, PolicyDef> = true;
const _membershipMatches: Same<z.infer<typeof MembershipRowSchema>, MembershipRow> = true;
