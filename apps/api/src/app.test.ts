/** The API surface: OpenAPI 3.1 generated from the contracts, browsable locally; air-gapped headers; one error envelope. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from './testing';

let t: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('the API surface', () => {
  it('publishes an OpenAPI 3.1 document of every route, and serves its browser locally', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/api/v1/engagements', '/api/v1/engagements/{id}', '/api/v1/partners/{iso3}', '/api/v1/dashboard', '/api/v1/agreements', '/api/v1/strategy/objectives', '/api/v1/admin/audit'])
      expect(Object.keys(doc.paths)).toContain(p);
    const ui = await t.app.inject({ url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).not.toMatch(/unpkg|jsdelivr|cdnjs|googleapis/);
  });

  it('sends a content security policy that allows only its own origin', async () => {
    const r = await t.app.inject({ url: '/api/v1/auth/login-page' });
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/https?:/);
  });

  it('answers an unknown route and an unauthenticated call with the error envelope', async () => {
    const a = await t.app.inject({ url: '/api/v1/nope' });
    expect(a.statusCode).toBe(404);
    expect(a.json().error).toMatchObject({ code: 'not_found' });
    const b = await t.app.inject({ url: '/api/v1/engagements' });
    expect(b.statusCode).toBe(401);
    expect(Object.keys(b.json().error).sort()).toEqual(['code', 'message', 'requestId']);
  });
});
