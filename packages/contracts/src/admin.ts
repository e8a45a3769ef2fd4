/** Administration: users, communities, the audit viewer. */
import { z } from 'zod';

export const UserItem = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  orgCode: z.string(),
  nationality: z.string(),
  partner: z.boolean(),
  roles: z.array(z.string()),
  clearance: z.string(),
  compartments: z.array(z.string()),
  communities: z.array(z.string()),
  lockedUntil: z.string().nullable(),
  mfa: z.boolean(),
});
export const UserInput = z.object({
  username: z.string().regex(/^[a-z0-9._-]{3,40}$/, 'lower-case letters, digits, dot, dash or underscore (3–40)'),
  displayName: z.string().min(2).max(100),
  password: z.string().min(12, 'at least 12 characters').max(128),
  orgCode: z.string().min(2),
  nationality: z.string().regex(/^[A-Z]{3}$/),
  roles: z.array(z.string()).min(1),
  clearance: z.string(),
  compartments: z.array(z.string()).default([]),
  communities: z.array(z.string()).default([]),
});
export type UserInput = z.infer<typeof UserInput>;
export const Community = z.object({ id: z.string(), code: z.string(), name: z.string() });
export const AuditItem = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  decision: z.string(),
  portion: z.string(),
});
export const AuditQuery = z.object({
  action: z.string().optional(),
  entity: z.string().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
