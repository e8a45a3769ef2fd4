/** The one place where domain errors become HTTP statuses, with the single error envelope. */
import { DomainError, type DomainErrorCode } from '@entente/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

const STATUS: Record<DomainErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  validation: 400,
  conflict: 409,
  stale_version: 409,
  invalid_transition: 409,
  guard_failed: 422,
  unauthenticated: 401,
  locked: 401,
  label_conflict: 422,
  bad_cursor: 400,
  step_up_required: 403,
};

/** Send the envelope `{ error: { code, message, requestId, fields? } }`. */
export function sendError(reply: FastifyReply, req: FastifyRequest, status: number, code: string, message: string, fields?: { path: string; message: string }[]) {
  return reply.status(status).send({ error: { code, message, requestId: String(req.id), ...(fields?.length ? { fields } : {}) } });
}

/** Fastify's error handler: domain errors, request validation, database conflicts, everything else. */
export function errorHandler(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof DomainError) return sendError(reply, req, STATUS[err.code], err.code, err.message, err.fields);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields = err.validation.map((v) => ({
      path: (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.') || String((v.params as { issue?: { path?: unknown[] } }).issue?.path?.join('.') ?? ''),
      message: v.message ?? 'invalid',
    }));
    return sendError(reply, req, 400, 'validation', 'The request is not valid.', fields);
  }
  // Drizzle wraps driver errors; the PostgreSQL SQLSTATE is on the error or its cause.
  const pgCode = (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;
  if (pgCode === '23505') return sendError(reply, req, 409, 'conflict', 'A record with that code already exists in this community.', [{ path: 'code', message: 'already used in this community' }]);
  if (pgCode === '42501') return sendError(reply, req, 403, 'forbidden', 'You are not allowed to do that.');
  const status = (err as FastifyError).statusCode;
  if (status && status < 500) return sendError(reply, req, status, 'bad_request', err.message);
  req.log.error({ err: { message: err.message, code: pgCode } }, 'unhandled error');
  return sendError(reply, req, 500, 'internal', 'Something went wrong. Quote the request id to an administrator.');
}
