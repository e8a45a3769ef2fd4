// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InitiativeDetail } from '@entente/contracts';
import { byRole, click, mount } from '../../../testing/dom';
import type { Mounted } from '../../../testing/dom';
import { InitiativeActions } from './InitiativeActions';

const INITIATIVE: InitiativeDetail = {
  id: '5b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
  code: 'KEN-INI-LOG',
  title: 'Kenya logistics depots',
  planId: null,
  partnerIso3s: ['KEN'],
  significance: 'significant',
  status: 'proposed',
  from: '2027-01-01',
  to: '2029-12-31',
  portion: 'HO',
  version: 4,
  problemStatement: 'Depots are not maintained.',
  theoryOfChange: '',
  lineOfEffortIds: [],
  leadOrgId: '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b',
  capabilityAreas: ['logistics'],
  covers: [],
  supportsPartnerForces: false,
  absorptiveCapacity: null,
  riskAssessment: null,
  sustainmentPlan: null,
  evaluationPlan: null,
  budget: null,
  significanceReasons: [],
  significanceNotes: [],
  significantCost: { amount: '1000000', currency: 'EUR' },
  capabilityAssessmentIds: [],
  logicModel: [
    {
      id: 'oc',
      kind: 'outcome',
      statement: 'Depots run by the partner',
      parentIds: [],
      objectiveIds: [],
      indicators: [],
    },
  ],
  engagementCount: 0,
  communityId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
  label: { level: 'HUB-OFFICIAL', restrictive: [], releasableTo: ['XHN'], handling: [] },
  gates: { met: false, checks: [] },
  transitions: ['approved', 'cancelled'],
};

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
  vi.unstubAllGlobals();
});
const settle = async () => {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 10)));
};

function stub(status: number, body: unknown) {
  const posts: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init?: RequestInit) => {
      posts.push(JSON.parse(String(init?.body)));
      return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return posts;
}

describe('initiative lifecycle buttons', () => {
  it('show every unmet gate with its field when approval is refused', async () => {
    const posts = stub(422, {
      error: {
        code: 'guard_failed',
        message: 'The initiative cannot be approved yet: 2 gates are not met.',
        requestId: 'r1',
        fields: [
          { path: 'capabilityAreas.0', message: 'KEN: no approved logistics capability assessment' },
          { path: 'evaluationPlan', message: 'Add an evaluation plan (the initiative is significant)' },
          {
            path: 'logicModel.0.indicators',
            message: 'Give at least one outcome an indicator with a baseline',
          },
        ],
      },
    });
    const onChanged = vi.fn();
    view = await mount(
      <InitiativeActions initiative={INITIATIVE} onChanged={onChanged} onStale={() => {}} />,
    );
    await click(byRole(view.container, 'button', 'Approve'));
    await settle();
    expect(posts).toEqual([{ to: 'approved', expectedVersion: 4 }]);
    const alert = view.container.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('2 gates are not met');
    const items = [...alert.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      'Capability areas · logistics: KEN: no approved logistics capability assessment',
      'Evaluation plan: Add an evaluation plan (the initiative is significant)',
      "Logic model · outcome 'Depots run by the partner' · indicators: Give at least one outcome an indicator with a baseline",
    ]);
    expect(alert.textContent).not.toContain('(capabilityAreas.0)');
    expect(view.container.querySelector('[role="status"]')).toBeNull();
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('confirm a change in a status message and hand the new state to the page', async () => {
    const next = { ...INITIATIVE, status: 'approved', version: 5, transitions: ['active', 'cancelled'] };
    const posts = stub(200, { data: next, meta: { pageLabel: null } });
    const onChanged = vi.fn();
    view = await mount(
      <InitiativeActions initiative={INITIATIVE} onChanged={onChanged} onStale={() => {}} />,
    );
    await click(byRole(view.container, 'button', 'Approve'));
    await settle();
    expect(posts).toEqual([{ to: 'approved', expectedVersion: 4 }]);
    expect(onChanged).toHaveBeenCalledWith(next);
    const status = view.container.querySelector('[role="status"]')!;
    expect(status.textContent).toContain('KEN-INI-LOG is approved');
    expect(view.container.querySelector('[role="alert"]')).toBeNull();
    await click(byRole(view.container, 'button', 'Dismiss'));
    expect(view.container.querySelector('[role="status"]')).toBeNull();
  });

  it('say why closing a significant initiative is refused, naming the missing evaluation', async () => {
    const closing = { ...INITIATIVE, status: 'closing', transitions: ['closed'] };
    stub(422, {
      error: {
        code: 'guard_failed',
        message: 'A significant initiative cannot close without an evaluation: store an evaluation of it.',
        requestId: 'r3',
        fields: [{ path: 'evaluations', message: 'No stored evaluation of this initiative.' }],
      },
    });
    view = await mount(<InitiativeActions initiative={closing} onChanged={() => {}} onStale={() => {}} />);
    const close = byRole(view.container, 'button', 'Close');
    expect(view.container.querySelector(`#${close.getAttribute('aria-describedby')}`)?.textContent).toMatch(
      /closes only once an evaluation of it is stored/,
    );
    await click(close);
    await settle();
    const alert = view.container.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('cannot close without an evaluation');
    expect(alert.textContent).toContain('Evaluations: No stored evaluation of this initiative.');
  });

  it('ask for a reason before cancelling and send it', async () => {
    const posts = stub(409, {
      error: { code: 'stale_version', message: 'Someone else changed this initiative.', requestId: 'r2' },
    });
    const onStale = vi.fn();
    view = await mount(<InitiativeActions initiative={INITIATIVE} onChanged={() => {}} onStale={onStale} />);
    await click(byRole(view.container, 'button', 'Cancel initiative…'));
    expect(posts).toEqual([]);
    const reason = view.container.querySelector<HTMLTextAreaElement>('#ini-transition-reason')!;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(
        reason,
        'Funding withdrawn',
      );
      reason.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(byRole(view.container, 'button', 'Confirm: Cancel initiative'));
    await settle();
    expect(posts).toEqual([{ to: 'cancelled', expectedVersion: 4, reason: 'Funding withdrawn' }]);
    expect(onStale).toHaveBeenCalledTimes(1);
  });
});
