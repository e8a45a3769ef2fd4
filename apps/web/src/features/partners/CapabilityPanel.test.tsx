// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClientProvider } from '@tanstack/react-query';
import type { CapabilityAssessmentItem, Me } from '@entente/contracts';
import { byRole, click, mount } from '../../testing/dom';
import type { Mounted } from '../../testing/dom';
import { MeContext } from '../../app/session';
import { makeQueryClient } from '../../lib/query';
import { CapabilityPanel } from './CapabilityPanel';

const LABEL = { banner: 'HUB OFFICIAL//REL TO XHN', colour: '#007a33', textColour: '#ffffff' };
const ME_ID = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const approver: Me = {
  id: ME_ID,
  username: 'approver',
  displayName: 'A',
  orgCode: 'XHN-SECCOOP',
  orgName: 'Sec coop',
  nationality: 'XHN',
  partner: false,
  roles: ['viewer', 'planner', 'approver'],
  assurance: 'mfa',
  csrfToken: 'x',
};
const item = (id: string, over: Partial<CapabilityAssessmentItem>): CapabilityAssessmentItem => ({
  id,
  partnerIso3: 'KEN',
  subjectOrg: { id: '33333333-3333-4333-8333-333333333333', code: 'KEN-NAVY', name: 'Kenya Navy' },
  capabilityArea: 'maritime_security',
  method: 'joint',
  conductedOn: '2026-01-10',
  findings: 'Boarding competent.',
  gaps: [],
  ratings: [],
  absorptiveCapacity: { rating: 'medium', maxTraineesPerMonth: 40, constraints: [] },
  risks: [],
  evidence: [],
  status: 'approved',
  version: 3,
  assessorId: OTHER,
  approvedBy: ME_ID,
  current: true,
  portion: '(HO)',
  ...over,
});
const LIST = [
  item('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', {}),
  item('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', {
    capabilityArea: 'logistics',
    status: 'approved',
    current: false,
    conductedOn: '2022-01-10',
  }),
  item('cccccccc-cccc-4ccc-8ccc-cccccccccccc', {
    capabilityArea: 'cyber',
    status: 'submitted',
    version: 2,
    approvedBy: null,
  }),
  item('dddddddd-dddd-4ddd-8ddd-dddddddddddd', {
    capabilityArea: 'training_system',
    status: 'submitted',
    version: 2,
    assessorId: ME_ID,
    approvedBy: null,
  }),
];

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
  vi.unstubAllGlobals();
});
const settle = async () => {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 10)));
};

function stub(list: CapabilityAssessmentItem[]) {
  const posts: { url: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        posts.push({ url, body: JSON.parse(String(init.body)) });
        return new Response(
          JSON.stringify({
            data: { assessment: { ...list[2], status: 'approved', version: 3 }, superseded: [] },
            meta: { pageLabel: LABEL },
          }),
          {
            status: 200,
            headers: { 'Content-Type': 'application/json' },
          },
        );
      }
      return new Response(JSON.stringify({ data: list, meta: { pageLabel: LABEL } }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  return posts;
}

const render = async (me: Me = approver) => {
  view = await mount(
    <QueryClientProvider client={makeQueryClient()}>
      <MeContext.Provider value={me}>
        <CapabilityPanel iso3="KEN" />
      </MeContext.Provider>
    </QueryClientProvider>,
  );
  await settle();
  return view.container;
};

describe('capability assessments panel', () => {
  it('lists assessments, telling current from stale approved ones', async () => {
    stub(LIST);
    const c = await render();
    const rows = [...c.querySelectorAll('tbody tr')].map((r) => r.textContent ?? '');
    expect(rows).toHaveLength(4);
    expect(rows[0]).toContain('Current (≤ 24 months)');
    expect(rows[1]).toContain('Older than 24 months');
  });

  it("lets an approver approve someone else's submitted assessment, never their own", async () => {
    const posts = stub(LIST);
    const c = await render();
    const approve = [...c.querySelectorAll('button')].filter((b) => b.textContent === 'Approve');
    expect(approve).toHaveLength(1);
    expect(approve[0]!.getAttribute('aria-label')).toBe('Approve the Cyber assessment of KEN-NAVY');
    await click(approve[0]!);
    await settle();
    expect(posts).toEqual([
      {
        url: expect.stringContaining(
          '/capability-assessments/cccccccc-cccc-4ccc-8ccc-cccccccccccc/transitions',
        ),
        body: { to: 'approved', expectedVersion: 2 },
      },
    ]);
    expect(c.querySelector('[role="status"]')?.textContent).toMatch(/now approved/);
  });

  it('shows no write buttons to a partner user and says when nothing is released', async () => {
    stub([]);
    const c = await render({ ...approver, partner: true, roles: ['partner_reporter'] });
    expect(c.textContent).toContain('No capability assessments of this partner are released to you.');
    expect(() => byRole(c, 'button', 'Record an assessment')).toThrow();
  });
});
