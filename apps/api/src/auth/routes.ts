/** Routes of the auth slice: login page, login, TOTP or recovery code, me, consent, step-up, recovery codes, logout. */
import { DomainError } from '@entente/core';
import {
  AUTH_ROUTES,
  ConsentRequest,
  ErrorEnvelope,
  LoginPage,
  LoginRequest,
  LoginResponse,
  Me,
  ROUTES,
  RecoveryCodes,
  RecoveryCodesRequest,
  RecoveryCodesStatus,
  StepUpRequest,
  StepUpResponse,
  TotpRequest,
  envelope,
} from '@entente/contracts';
import { DEMO_PASSWORD, DEMO_USERS, appendAudit, demoTotpSecret, users } from '@entente/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context';
import { completeMfaSession, endSession, noticeRequired, startSession } from '../http/session';
import { requireSubject } from '../http/run';
import { logIn, noticeSha256 } from './log-in';
import { generateRecoveryCodes, verifyFactor } from './recovery-codes';
import { verifyTotp } from './verify-totp';
import { presentMe } from './present-me';

export const authRoutes =
  (app: AppContext): FastifyPluginAsyncZod =>
  async (f) => {
    const base = () => app.access.pageLabel([]);
    f.get(
      ROUTES.loginPage,
      { schema: { tags: ['auth'], response: { 200: envelope(LoginPage) } } },
      async () => ({
        data: {
          notice: app.notice,
          banner: base().banner,
          demoAccounts:
            app.config.seed === 'demo'
              ? DEMO_USERS.map((u) => ({
                  username: u.username,
                  password: DEMO_PASSWORD,
                  persona: u.persona,
                  totp: u.mfa,
                }))
              : [],
        },
        meta: { pageLabel: base() },
      }),
    );

    f.post(
      ROUTES.login,
      {
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          tags: ['auth'],
          body: LoginRequest,
          response: { 200: envelope(LoginResponse), 401: ErrorEnvelope },
        },
      },
      async (req, reply) => {
        if (req.body.noticeVersion !== app.notice.version)
          throw new DomainError('validation', 'Read and accept the current notice first.', [
            { path: 'noticeVersion', message: 'the notice has changed' },
          ]);
        const { user, mfaRequired } = await logIn(app, req.body, String(req.id));
        const csrf = await startSession(app, reply, user.id, mfaRequired, req.body.noticeVersion);
        const subject = mfaRequired ? null : await app.access.subjectOf(user.id, 'password');
        return {
          data: { mfaRequired, me: subject ? await presentMe(app.db, subject, csrf) : null },
          meta: { pageLabel: base() },
        };
      },
    );

    f.post(
      ROUTES.totp,
      {
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          tags: ['auth'],
          body: TotpRequest,
          response: { 200: envelope(LoginResponse), 401: ErrorEnvelope },
        },
      },
      async (req, reply) => {
        if (!req.sessionRef || !req.mfaPending || !req.sessionUserId)
          throw new DomainError('unauthenticated', 'invalid credentials');
        // A TOTP code, or one of the user's recovery codes (single use, audited).
        const recoveryCodesLeft = await verifyFactor(
          app,
          req.sessionUserId,
          req.body.code,
          String(req.id),
          req.sessionRef,
        );
        await completeMfaSession(app, req, reply);
        const subject = await app.access.subjectOf(req.sessionUserId, 'mfa');
        if (!subject) throw new DomainError('unauthenticated', 'invalid credentials');
        return {
          data: {
            mfaRequired: false,
            me: await presentMe(app.db, subject, req.csrfToken ?? ''),
            recoveryCodesLeft,
          },
          meta: { pageLabel: base() },
        };
      },
    );

    f.get(
      ROUTES.me,
      { schema: { tags: ['auth'], response: { 200: envelope(Me), 401: ErrorEnvelope } } },
      async (req) => {
        const s = requireSubject(req);
        return {
          data: await presentMe(app.db, s, req.csrfToken ?? '', {
            noticeRequired: await noticeRequired(app, req),
          }),
          meta: { pageLabel: base() },
        };
      },
    );

    // The notice again, in a running session (its text changed, or the last consent is over 24 hours old).
    f.post(
      AUTH_ROUTES.consent,
      {
        schema: {
          tags: ['auth'],
          body: ConsentRequest,
          response: { 200: envelope(Me), 400: ErrorEnvelope, 401: ErrorEnvelope },
        },
      },
      async (req) => {
        const s = requireSubject(req);
        if (req.body.noticeVersion !== app.notice.version)
          throw new DomainError('validation', 'Read and accept the current notice first.', [
            { path: 'noticeVersion', message: 'the notice has changed' },
          ]);
        await users.recordConsent(app.db.db, req.sessionRef as string, app.notice.version);
        await app.db.db.transaction((tx) =>
          appendAudit(tx, {
            actorKind: 'user',
            actorId: s.id,
            actorOrgId: s.orgId,
            action: 'auth.consent',
            entity: 'session',
            labelId: app.homeLabelId,
            decision: 'permit',
            requestId: String(req.id),
            sessionId: req.sessionRef,
            details: { noticeVersion: app.notice.version, noticeSha256: noticeSha256(app) },
          }),
        );
        return {
          data: await presentMe(app.db, s, req.csrfToken ?? '', { noticeRequired: false }),
          meta: { pageLabel: base() },
        };
      },
    );

    // Step-up (ACCESS.md §8): the factor again before a sensitive action; refreshes the session's mfa_at.
    f.post(
      AUTH_ROUTES.stepUp,
      {
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          tags: ['auth'],
          body: StepUpRequest,
          response: { 200: envelope(StepUpResponse), 401: ErrorEnvelope, 403: ErrorEnvelope },
        },
      },
      async (req) => {
        const s = requireSubject(req);
        // Without an enrolled factor there is nothing to check again (and a guess must not count as a failure).
        if (!(await users.userById(app.db.db, s.id))?.totpSecretEnc)
          throw new DomainError(
            'forbidden',
            'This action needs a second factor. Ask a security officer to enrol you.',
          );
        const recoveryCodesLeft = await verifyFactor(
          app,
          s.id,
          req.body.code,
          String(req.id),
          req.sessionRef,
        );
        await users.recordFactorCheck(app.db.db, req.sessionRef as string);
        await app.db.db.transaction((tx) =>
          appendAudit(tx, {
            actorKind: 'user',
            actorId: s.id,
            actorOrgId: s.orgId,
            action: 'auth.step_up',
            entity: 'session',
            labelId: app.homeLabelId,
            decision: 'permit',
            requestId: String(req.id),
            sessionId: req.sessionRef,
            details: { factor: recoveryCodesLeft === null ? 'totp' : 'recovery_code' },
          }),
        );
        return { data: { ok: true, recoveryCodesLeft }, meta: { pageLabel: base() } };
      },
    );

    f.get(
      AUTH_ROUTES.recoveryCodes,
      { schema: { tags: ['auth'], response: { 200: envelope(RecoveryCodesStatus), 401: ErrorEnvelope } } },
      async (req) => {
        const s = requireSubject(req);
        const u = await users.userById(app.db.db, s.id);
        return {
          data: {
            enrolled: !!u?.totpSecretEnc,
            remaining: u?.totpSecretEnc ? await users.countRecoveryCodes(app.db.db, s.id) : 0,
          },
          meta: { pageLabel: base() },
        };
      },
    );

    // A new set of ten recovery codes after a fresh TOTP check; replaces the old set; shown once.
    f.post(
      AUTH_ROUTES.recoveryCodes,
      {
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags: ['auth'],
          body: RecoveryCodesRequest,
          response: { 200: envelope(RecoveryCodes), 401: ErrorEnvelope, 403: ErrorEnvelope },
        },
      },
      async (req, reply) => {
        const s = requireSubject(req);
        const u = await users.userById(app.db.db, s.id);
        if (!u?.totpSecretEnc)
          throw new DomainError('forbidden', 'Recovery codes are for accounts with an authenticator app.');
        await verifyTotp(app, s.id, req.body.code, String(req.id));
        await users.recordFactorCheck(app.db.db, req.sessionRef as string);
        const codes = await generateRecoveryCodes(app, s.id, String(req.id), req.sessionRef);
        void reply.header('cache-control', 'no-store');
        return { data: { codes, remaining: codes.length }, meta: { pageLabel: base() } };
      },
    );

    f.post(
      ROUTES.logout,
      { schema: { tags: ['auth'], response: { 200: envelope(z.object({ ok: z.boolean() })) } } },
      async (req, reply) => {
        const userId = req.sessionUserId;
        if (userId)
          await app.db.db.transaction((tx) =>
            appendAudit(tx, {
              actorKind: 'user',
              actorId: userId,
              action: 'auth.logout',
              entity: 'session',
              labelId: app.homeLabelId,
              decision: 'permit',
              requestId: String(req.id),
            }),
          );
        await endSession(app, req, reply);
        return { data: { ok: true }, meta: { pageLabel: base() } };
      },
    );
  };

/** Demo TOTP secrets, for the seed's printout. */
export const demoSecrets = () =>
  DEMO_USERS.filter((u) => u.mfa).map((u) => ({ username: u.username, secret: demoTotpSecret(u.username) }));
