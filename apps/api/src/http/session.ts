/**
 * Sessions: an opaque 256-bit id in an HTTP-only cookie, stored hashed; idle 15 min, absolute
 * 10 h; CSRF synchroniser token and Origin check on every state-changing request.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Subject } from '@entente/core';
import { users } from '@entente/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import { sendError } from './errors';
import { noteFactorCheck } from './step-up';

declare module 'fastify' {
  interface FastifyRequest {
    subject: Subject | null;
    sessionRef: string | null;
    csrfToken: string | null;
    mfaPending: boolean;
    sessionUserId: string | null;
  }
}

export const IDLE_MS = 15 * 60_000;
export const ABSOLUTE_MS = 10 * 3_600_000;
const hashId = (id: string) => createHash('sha256').update(id).digest('hex');

export function cookieName(app: AppContext) {
  return secure(app) ? '__Host-entente_session' : 'entente_session';
}
function secure(app: AppContext) {
  return (
    app.config.secureCookies === 'true' ||
    (app.config.secureCookies === 'auto' && (app.config.origin ?? '').startsWith('https://'))
  );
}

/** Create a session row and set its cookie; returns the CSRF token. */
export async function startSession(
  app: AppContext,
  reply: FastifyReply,
  userId: string,
  mfaPending: boolean,
  noticeVersion: string | null = null,
): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const consent = noticeVersion ? { consentAt: new Date().toISOString(), noticeVersion } : {};
  await users.createSession(app.db.db, {
    idHash: hashId(id),
    userId,
    csrfToken: csrf,
    assurance: 'password',
    mfaPending,
    ...consent,
  });
  setCookie(app, reply, id);
  return csrf;
}

/** Rotate the session id after the second factor, raising assurance to MFA. */
export async function completeMfaSession(app: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const id = randomBytes(32).toString('base64url');
  await users.completeMfa(app.db.db, req.sessionRef as string, hashId(id));
  setCookie(app, reply, id);
}

function setCookie(app: AppContext, reply: FastifyReply, id: string) {
  reply.setCookie(cookieName(app), id, {
    httpOnly: true,
    secure: secure(app),
    sameSite: 'strict',
    path: '/',
  });
}

/** The notice is due again: never acknowledged in this session, another banner version, or over 24 hours ago (ACCESS.md §8). */
export const NOTICE_MAX_AGE_MS = 24 * 3_600_000;
export async function noticeRequired(
  app: AppContext,
  req: FastifyRequest,
  now = Date.now(),
): Promise<boolean> {
  const s = req.sessionRef ? await users.sessionByHash(app.db.db, req.sessionRef) : null;
  if (!s) return true;
  return (
    !s.consentAt ||
    s.noticeVersion !== app.notice.version ||
    now - Date.parse(s.consentAt) > NOTICE_MAX_AGE_MS
  );
}

/** Delete the session row and clear the cookie. */
export async function endSession(app: AppContext, req: FastifyRequest, reply: FastifyReply) {
  if (req.sessionRef) await users.deleteSession(app.db.db, req.sessionRef);
  reply.clearCookie(cookieName(app), { path: '/' });
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Before the second factor the client has no token yet; SameSite=Strict and the Origin check still apply.
const CSRF_EXEMPT = new Set(['/api/v1/auth/login', '/api/v1/auth/totp']);

/** Resolve the cookie to a subject on every API request, and enforce CSRF on writes. */
export function registerSessions(f: FastifyInstance, app: AppContext) {
  f.decorateRequest('subject', null);
  f.decorateRequest('sessionRef', null);
  f.decorateRequest('csrfToken', null);
  f.decorateRequest('mfaPending', false);
  f.decorateRequest('sessionUserId', null);
  f.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    if (req.headers['sec-fetch-site'] === 'cross-site')
      return sendError(reply, req, 403, 'forbidden', 'Cross-site requests are not accepted.');
    const raw = req.cookies[cookieName(app)];
    if (raw) {
      const h = hashId(raw);
      const s = await users.sessionByHash(app.db.db, h);
      const now = Date.now();
      if (s && now - Date.parse(s.lastSeenAt) < IDLE_MS && now - Date.parse(s.createdAt) < ABSOLUTE_MS) {
        req.sessionRef = h;
        req.csrfToken = s.csrfToken;
        req.mfaPending = s.mfaPending;
        req.sessionUserId = s.userId;
        if (!s.mfaPending) {
          req.subject = await app.access.subjectOf(s.userId, s.assurance as Subject['assurance']);
          if (req.subject) noteFactorCheck(req.subject, s.mfaAt);
        }
        if (now - Date.parse(s.lastSeenAt) > 30_000) await users.touchSession(app.db.db, h);
      } else if (s) await users.deleteSession(app.db.db, h);
    }
    if (!UNSAFE.has(req.method)) return;
    const origin = req.headers.origin;
    const expected = app.config.origin ?? `${req.protocol}://${req.headers.host}`;
    if (origin && origin !== expected)
      return sendError(reply, req, 403, 'forbidden', 'The request origin is not allowed.');
    if (!CSRF_EXEMPT.has(req.url.split('?')[0] ?? '')) {
      const sent = String(req.headers['x-csrf-token'] ?? '');
      const want = req.csrfToken ?? '';
      if (!want || sent.length !== want.length || !timingSafeEqual(Buffer.from(sent), Buffer.from(want)))
        return sendError(reply, req, 403, 'csrf', 'The CSRF token is missing or wrong. Reload the page.');
    }
  });
}
