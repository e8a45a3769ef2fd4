/** Authentication: notice and consent, password login, TOTP, the current user. */
import { z } from 'zod';

export const Notice = z.object({ text: z.string(), version: z.string() });
export const DemoAccount = z.object({ username: z.string(), password: z.string(), persona: z.string(), totp: z.boolean() });
export const LoginPage = z.object({ notice: Notice, demoAccounts: z.array(DemoAccount), banner: z.string() });

export const LoginRequest = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(128),
  noticeVersion: z.string().min(1),
});
export const TotpRequest = z.object({ code: z.string().regex(/^\d{6}$/, 'six digits') });

export const Me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  nationality: z.string(),
  partner: z.boolean(),
  roles: z.array(z.string()),
  assurance: z.string(),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof Me>;

export const LoginResponse = z.object({ mfaRequired: z.boolean(), me: Me.nullable() });
