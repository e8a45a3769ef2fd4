// @vitest-environment happy-dom
/** "Evaluate this objective": the Evaluate page's search names the record, and "Save to…" starts with it chosen. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, createMemoryHistory, createRootRoute, createRouter } from '@tanstack/react-router';
import { byRole, click, mount } from '../../testing/dom';
import type { Mounted } from '../../testing/dom';
import { makeQueryClient } from '../../lib/query';
import { LABEL } from '../incidents/testFixtures';
import { SaveEvaluation } from './SaveEvaluation';
import { parseEvaluateSearch, subjectOf } from './evaluateSearch';
import type { RunRequest, RunResult } from './evaluationApi';

const OBJ = '22222222-2222-4222-8222-222222222222';
const OTHER = '33333333-3333-4333-8333-333333333333';

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
  vi.unstubAllGlobals();
});

describe('the Evaluate page search', () => {
  it('keeps a named record and drops anything else', () => {
    const s = parseEvaluateSearch({
      subjectKind: 'objective',
      subjectId: OBJ,
      subjectCode: 'SO-2.1',
      junk: 1,
    });
    expect(s).toEqual({ subjectKind: 'objective', subjectId: OBJ, subjectCode: 'SO-2.1' });
    expect(subjectOf(s)).toEqual({ kind: 'objective', id: OBJ, code: 'SO-2.1' });
    expect(parseEvaluateSearch({ subjectKind: 'partner', subjectId: OBJ })).toEqual({});
    expect(parseEvaluateSearch({ subjectKind: 'objective' })).toEqual({});
    expect(subjectOf({})).toBeUndefined();
  });

  it('preselects the record in "Save to…"', async () => {
    const objective = (id: string, code: string) => ({
      id,
      code,
      title: `Objective ${code}`,
      description: 'd',
      level: 'regional',
      parentId: null,
      priority: 1,
      threatFocus: [],
      status: 'active',
      validFrom: '2009-01-01',
      validTo: null,
      portion: '(HO)',
      version: 1,
      engagementCount: 0,
      linesOfEffort: [],
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const path = String(url)
          .replace(/^\/api\/v1/, '')
          .split('?')[0];
        const body =
          path === '/strategy/objectives'
            ? { data: [objective(OTHER, 'SO-1'), objective(OBJ, 'SO-2.1')], meta: { pageLabel: LABEL } }
            : { error: { code: 'not_found', message: path, requestId: 'r' } };
        return new Response(JSON.stringify(body), {
          status: 'data' in body ? 200 : 404,
          headers: { 'Content-Type': 'application/json' },
        });
      }),
    );
    const request = { treatedArea: 'poly:preset-hoa', interventionLabel: 'Atalanta' } as RunRequest;
    const result = {
      areas: [{ key: 'poly:preset-hoa', name: 'Horn of Africa box', role: 'treated', total: 1 }],
    } as RunResult;
    const router = createRouter({
      routeTree: createRootRoute({
        component: () => (
          <SaveEvaluation
            request={request}
            result={result}
            preset={{ kind: 'objective', id: OBJ, code: 'SO-2.1' }}
          />
        ),
      }),
      history: createMemoryHistory({ initialEntries: ['/'] }),
    });
    view = await mount(
      <QueryClientProvider client={makeQueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    const c = view.container;
    await click(byRole(c, 'button', 'Save to…'));
    for (let i = 0; i < 200 && !c.querySelector('#ev-save-subject'); i++)
      await act(async () => {
        await new Promise((r) => setTimeout(r, 10));
      });
    expect(c.querySelector<HTMLSelectElement>('#ev-save-kind')?.value).toBe('objective');
    expect(c.querySelector<HTMLInputElement>('#ev-save-q')?.value).toBe('SO-2.1');
    const subject = c.querySelector<HTMLSelectElement>('#ev-save-subject')!;
    expect(subject.value).toBe(OBJ);
    expect([...subject.options].map((o) => o.value)).toEqual(['', OBJ]);
    expect(byRole(c, 'button', 'Save evaluation').disabled).toBe(false);
  });
});
