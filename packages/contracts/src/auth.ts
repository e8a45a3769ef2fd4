/** Authentication: notice and consent, password login, TOTP, recovery codes, step-up, the current user. */
import { z } from 'zod';

/** Auth routes added after the shared route table (under /api/v1). */
export const AUTH_ROUTES = {
  stepUp: '/auth/step-up',
  recoveryCodes: '/auth/recovery-codes',
  consent: '/auth/consent',
} as const;

export const Notice = z.object({ text: z.string(), version: z.string() });
export const DemoAccount = z.object({
  username: z.string(),
  password: z.string(),
  persona: z.string(),
  totp: z.boolean(),
});
export const LoginPage = z.object({ notice: Notice, demoAccounts: z.array(DemoAccount), banner: z.string() });

export const LoginRequest = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(128),
  noticeVersion: z.string().min(1),
});
/** A second factor: six TOTP digits, or a recovery code `xxxxx-xxxxx`. */
export const FactorCode = z
  .string()
  .trim()
  .regex(/^(\d{6}|[a-z2-7]{5}-?[a-z2-7]{5})$/i, 'six digits or a recovery code');
export const TotpRequest = z.object({ code: FactorCode });
export const StepUpRequest = z.object({ code: FactorCode });
/** Generating recovery codes needs a fresh TOTP code (not a recovery code). */
export const RecoveryCodesRequest = z.object({ code: z.string().regex(/^\d{6}$/, 'six digits') });
export const ConsentRequest = z.object({ noticeVersion: z.string().min(1) });

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
  /** The notice must be acknowledged again (its text changed, or the consent is over 24 hours old). */
  noticeRequired: z.boolean().optional(),
  /** Unused recovery codes (users with TOTP only). */
  recoveryCodesLeft: z.number().int().nullable().optional(),
});
export type Me = z.infer<typeof Me>;

export const LoginResponse = z.object({
  mfaRequired: z.boolean(),
  me: Me.nullable(),
  /** Set when a recovery code was used: how many remain. */
  recoveryCodesLeft: z.number().int().nullable().optional(),
});

export const StepUpResponse = z.object({ ok: z.boolean(), recoveryCodesLeft: z.number().int().nullable() });
export const RecoveryCodes = z.object({ codes: z.array(z.string()), remaining: z.number().int() });
export const RecoveryCodesStatus = z.object({ remaining: z.number().int(), enrolled: z.boolean() });
