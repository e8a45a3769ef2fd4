/**
 * Pagination cursors (ACCESS.md §5.7): opaque, HMAC-SHA256 signed, bound to the subject, the route
 * and a hash of the filters, valid 15 minutes. A cursor only says where the next page starts; the
 * page itself is re-filtered from scratch, so a cursor can never widen what a subject sees. Every
 * bad cursor (forged, altered, another subject's, another query's, expired) gets the same 400.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import canonicalize from 'canonicalize';
import { DomainError } from '@entente/core';

export const CURSOR_TTL_MS = 15 * 60_000;

export interface CursorBinding {
  subjectId: string;
  route: string;
  /** Everything that shapes the result set and its order (filters, sort, order, page size). */
  query: unknown;
}

interface Payload {
  v: 1;
  s: string;
  r: string;
  f: string;
  k: string[];
  e: number;
}

const b64 = (b: Buffer) => b.toString('base64url');
const filterHash = (query: unknown) => createHash('sha256').update(canonicalize(query) ?? '').digest('base64url').slice(0, 22);
const mac = (key: string, body: string) => createHmac('sha256', `entente-cursor:${key}`).update(body).digest();

/** A cursor for the page after the row whose sort key is `key`. */
export function signCursor(secret: string, b: CursorBinding, key: string[], now = Date.now()): string {
  const p: Payload = { v: 1, s: b.subjectId, r: b.route, f: filterHash(b.query), k: key, e: now + CURSOR_TTL_MS };
  const body = b64(Buffer.from(JSON.stringify(p)));
  return `${body}.${b64(mac(secret, body))}`;
}

const bad = () => new DomainError('bad_cursor', 'This page link is not valid any more. Start again from the first page.');

/** The sort key a valid cursor carries, or a `bad_cursor` error that says nothing more. */
export function openCursor(secret: string, token: string, b: CursorBinding, now = Date.now()): string[] {
  const [body, sig, extra] = token.split('.');
  if (!body || !sig || extra !== undefined) throw bad();
  const want = mac(secret, body);
  const got = Buffer.from(sig, 'base64url');
  if (got.length !== want.length || !timingSafeEqual(got, want)) throw bad();
  let p: Payload;
  try {
    p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Payload;
  } catch {
    throw bad();
  }
  const ok =
    p.v === 1 && p.s === b.subjectId && p.r === b.route && p.f === filterHash(b.query) && typeof p.e === 'number' && p.e > now &&
    Array.isArray(p.k) && p.k.every((x) => typeof x === 'string');
  if (!ok) throw bad();
  return p.k;
}
