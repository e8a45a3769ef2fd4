/** Routes of the auth slice: login page, login, TOTP, me, logout. */
import { DomainError } from '@entente/core';
import { ErrorEnvelope, LoginPage, LoginRequest, LoginResponse, Me, ROUTES, TotpRequest, envelope } from '@entente/contracts';
import { DEMO_PASSWORD, DEMO_USERS, appendAudit, demoTotpSecret } from '@entente/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context';
import { completeMfaSession, endSession, startSession } from '../http/session';
import { requireSubject } from '../http/run';
import { logIn } from './log-in';
import { verifyTotp } from './verify-totp';
import { presentMe } from './present-me';

export const authRoutes = (app: AppContext): FastifyPluginAsyncZod => async (f) => {
  const base = () => app.access.pageLabel([]);
  f.get(ROUTES.loginPage, { schema: { tags: ['auth'], response: { 200: envelope(LoginPage) } } }, async () => ({
    data: {
      notice: app.notice,
      banner: base().banner,
      demoAccounts:
        app.config.seed === 'demo'
          ? DEMO_USERS.map((u) => ({ username: u.username, password: DEMO_PASSWORD, persona: u.persona, totp: u.mfa }))
          : [],
    },
    meta: { pageLabel: base() },
  }));

  f.post(
    ROUTES.login,
    { config: { rateLimit: { max: 20, timeWindow: '1 minute' } }, schema: { tags: ['auth'], body: LoginRequest, response: { 200: envelope(LoginResponse), 401: ErrorEnvelope } } },
    async (req, reply) => {
      if (req.body.noticeVersion !== app.notice.version) throw new DomainError('validation', 'Read and accept the current notice first.', [{ path: 'noticeVersion', message: 'the notice has changed' }]);
      const { user, mfaRequired } = await logIn(app, req.body, String(req.id));
      const csrf = await startSession(app, reply, user.id, mfaRequired);
      const subject = mfaRequired ? null : await app.access.subjectOf(user.id, 'password');
      return { data: { mfaRequired, me: subject ? await presentMe(app.db, subject, csrf) : null }, meta: { pageLabel: base() } };
    },
  );

  f.post(
    ROUTES.totp,
    { config: { rateLimit: { max: 20, timeWindow: '1 minute' } }, schema: { tags: ['auth'], body: TotpRequest, response: { 200: envelope(LoginResponse), 401: ErrorEnvelope } } },
    async (req, reply) => {
      if (!req.sessionRef || !req.mfaPending || !req.sessionUserId) throw new DomainError('unauthenticated', 'invalid credentials');
      await verifyTotp(app, req.sessionUserId, req.body.code, String(req.id));
      await completeMfaSession(app, req, reply);
      const subject = await app.access.subjectOf(req.sessionUserId, 'mfa');
      if (!subject) throw new DomainError('unauthenticated', 'invalid credentials');
      return { data: { mfaRequired: false, me: await presentMe(app.db, subject, req.csrfToken ?? '') }, meta: { pageLabel: base() } };
    },
  );

  f.get(ROUTES.me, { schema: { tags: ['auth'], response: { 200: envelope(Me), 401: ErrorEnvelope } } }, async (req) => {
    const s = requireSubject(req);
    return { data: await presentMe(app.db, s, req.csrfToken ?? ''), meta: { pageLabel: base() } };
  });

  f.post(ROUTES.logout, { schema: { tags: ['auth'], response: { 200: envelope(z.object({ ok: z.boolean() })) } } }, async (req, reply) => {
    const userId = req.sessionUserId;
    if (userId)
      await app.db.db.transaction((tx) =>
        appendAudit(tx, { actorKind: 'user', actorId: userId, action: 'auth.logout', entity: 'session', labelId: app.homeLabelId, decision: 'permit', requestId: String(req.id) }),
      );
    await endSession(app, req, reply);
    return { data: { ok: true }, meta: { pageLabel: base() } };
  });
};

/** Demo TOTP secrets, for the seed's printout. */
export const demoSecrets = () => DEMO_USERS.filter((u) => u.mfa).map((u) => ({ username: u.username, secret: demoTotpSecret(u.username) }));
