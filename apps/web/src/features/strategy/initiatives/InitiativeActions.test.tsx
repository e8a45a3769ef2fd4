// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InitiativeDetail } from '@entente/contracts';
import { byRole, click, mount } from '../../../testing/dom';
import type { Mounted } from '../../../testing/dom';
import { InitiativeActions } from './InitiativeActions';

const INITIATIVE = {
  id: '5b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
  version: 4,
  status: 'proposed',
  transitions: ['approved', 'cancelled'],
} as unknown as InitiativeDetail;

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
          { path: 'evaluationPlan', message: 'add an evaluation plan (the initiative is significant)' },
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
    expect(alert.textContent).toContain(
      'KEN: no approved logistics capability assessment (capabilityAreas.0)',
    );
    expect(alert.textContent).toContain(
      'add an evaluation plan (the initiative is significant) (evaluationPlan)',
    );
    expect(onChanged).not.toHaveBeenCalled();
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
