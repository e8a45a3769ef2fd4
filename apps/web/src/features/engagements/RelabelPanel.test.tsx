// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { RelabelRequestList, RelabelRequestView } from '@entente/contracts';
import { byLabel, byRole, click, mount, type } from '../../testing/dom';
import type { Mounted } from '../../testing/dom';
import { ApiError } from '../../lib/api';
import { RelabelPanel, type RelabelClient } from './RelabelPanel';

const ID = '7f1c1a52-0d7e-4d3e-9a55-1a2b3c4d5e6f';
const RID = '5b0f2b7e-3c1d-4e8f-8a9b-0c1d2e3f4a5b';
const HR = { level: 'HUB-RESTRICTED', releasableTo: ['XHN'], restrictive: [], handling: [] };
const HO_KEN = { level: 'HUB-OFFICIAL', releasableTo: ['XHN', 'KEN'], restrictive: [], handling: [] };

const pending = (over: Partial<RelabelRequestView> = {}): RelabelRequestView => ({
  id: RID,
  status: 'pending',
  fromPortion: '(HR//REL TO XHN)',
  toPortion: '(HO//REL TO XHN, KEN)',
  toLabel: HO_KEN,
  reason: 'Agreed with KEN',
  requestedBy: { id: ID, name: 'Maj. Kim Sato' },
  requestedAt: '2026-11-29T10:00:00.000Z',
  decidedBy: null,
  decidedAt: null,
  decisionNote: null,
  portion: '(HR//REL TO XHN)',
  canDecide: false,
  canWithdraw: true,
  ...over,
});

type FakeClient = { [K in keyof RelabelClient]: Mock<RelabelClient[K]> };

function fakeClient(lists: RelabelRequestList[]): FakeClient {
  let i = 0;
  return {
    list: vi.fn<RelabelClient['list']>(async () => lists[Math.min(i++, lists.length - 1)]!),
    relabel: vi.fn<RelabelClient['relabel']>(async () => ({
      outcome: 'pending' as const,
      version: 3,
      portion: '(HR//REL TO XHN)',
      request: pending(),
    })),
    approve: vi.fn<RelabelClient['approve']>(async () => ({
      outcome: 'relabelled' as const,
      version: 4,
      portion: '(HO//REL TO XHN, KEN)',
      request: null,
    })),
    reject: vi.fn<RelabelClient['reject']>(async () => pending({ status: 'rejected' })),
    withdraw: vi.fn<RelabelClient['withdraw']>(async () => pending({ status: 'withdrawn' })),
  };
}

const flush = () => act(async () => {});

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

async function render(client: RelabelClient, onChanged = vi.fn()) {
  view = await mount(
    <RelabelPanel
      recordId={ID}
      version={3}
      label={HR}
      portion="(HR//REL TO XHN)"
      countries={[{ iso3: 'KEN', name: 'Kenya' }]}
      client={client}
      onChanged={onChanged}
    />,
  );
  await flush();
  return view.container;
}

describe('change classification', () => {
  it('opens with the keyboard focus on the label, and asks for a reason next to the Reason field', async () => {
    const client = fakeClient([{ items: [], canRelabel: true }]);
    const c = await render(client);
    await click(byRole(c, 'button', 'Change classification'));
    expect(document.activeElement).toBe(byLabel(c, 'Classification level'));
    const form = c.querySelector('form')!;
    await act(async () => {
      form.requestSubmit();
    });
    const reason = byLabel<HTMLTextAreaElement>(c, 'Reason');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(c.querySelector('#relabel-reason-error')?.textContent).toBe('Give a reason for the change.');
    expect(client.relabel).not.toHaveBeenCalled();
  });

  it('says a downgrade needs a second releasing officer and shows the pending request', async () => {
    const client = fakeClient([
      { items: [], canRelabel: true },
      { items: [pending()], canRelabel: true },
    ]);
    const onChanged = vi.fn();
    const c = await render(client, onChanged);
    await click(byRole(c, 'button', 'Change classification'));
    await act(async () => {
      const level = byLabel<HTMLSelectElement>(c, 'Classification level');
      level.value = 'HUB-OFFICIAL';
      level.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await type(byLabel<HTMLTextAreaElement>(c, 'Reason'), 'Agreed with KEN');
    await click(byRole(c, 'button', 'Change classification'));
    await flush();
    expect(client.relabel).toHaveBeenCalledWith(
      ID,
      expect.objectContaining({
        version: 3,
        reason: 'Agreed with KEN',
        label: expect.objectContaining({ level: 'HUB-OFFICIAL' }),
      }),
    );
    expect(c.querySelector('[role="status"]')?.textContent).toMatch(/second releasing officer must approve/);
    expect(c.textContent).toMatch(/Downgrade pending/);
    expect(byRole(c, 'button', 'Withdraw request')).toBeTruthy();
    expect(() => byRole(c, 'button', 'Approve downgrade')).toThrow();
    expect(() => byRole(c, 'button', 'Change classification')).toThrow();
    expect(onChanged).toHaveBeenCalled();
  });

  it('shows a refusal from the server at the label', async () => {
    const client = fakeClient([{ items: [], canRelabel: true }]);
    client.relabel.mockRejectedValueOnce(
      new ApiError(403, 'forbidden', 'That label is outside what this community may hold.', 'r1', [
        { path: 'label', message: "outside the community's floor and ceiling" },
      ]),
    );
    const c = await render(client);
    await click(byRole(c, 'button', 'Change classification'));
    await type(byLabel<HTMLTextAreaElement>(c, 'Reason'), 'x');
    await click(byRole(c, 'button', 'Change classification'));
    await flush();
    expect(c.textContent).toContain("Classification label: outside the community's floor and ceiling");
    expect(c.querySelector('[role="alert"]')?.textContent).toContain('outside what this community may hold');
  });

  it('Escape closes the form and gives the focus back to the button', async () => {
    const c = await render(fakeClient([{ items: [], canRelabel: true }]));
    await click(byRole(c, 'button', 'Change classification'));
    await act(async () => {
      byLabel(c, 'Classification level').dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
      );
    });
    expect(c.querySelector('form')).toBeNull();
    expect(document.activeElement?.textContent).toBe('Change classification');
  });
});

describe('a pending downgrade seen by another releasing officer', () => {
  it('offers Approve and Reject; approving reports the new label', async () => {
    const client = fakeClient([
      { items: [pending({ canDecide: true, canWithdraw: false })], canRelabel: true },
      { items: [pending({ status: 'approved', canDecide: false, canWithdraw: false })], canRelabel: true },
    ]);
    const onChanged = vi.fn();
    const c = await render(client, onChanged);
    expect(byRole(c, 'button', 'Reject downgrade')).toBeTruthy();
    await type(byLabel<HTMLTextAreaElement>(c, 'Note (optional)'), 'checked with J2');
    await click(byRole(c, 'button', 'Approve downgrade'));
    await flush();
    expect(client.approve).toHaveBeenCalledWith(ID, RID, 'checked with J2');
    expect(c.querySelector('[role="status"]')?.textContent).toBe(
      'Downgrade approved: the record is now (HO//REL TO XHN, KEN).',
    );
    expect(onChanged).toHaveBeenCalled();
  });

  it('shows why the approval was refused (the requester cannot approve their own)', async () => {
    const client = fakeClient([
      { items: [pending({ canDecide: true, canWithdraw: false })], canRelabel: true },
    ]);
    client.approve.mockRejectedValueOnce(
      new ApiError(
        422,
        'guard_failed',
        'You filed this downgrade, so you cannot approve it: a second releasing officer must.',
      ),
    );
    const c = await render(client);
    await click(byRole(c, 'button', 'Approve downgrade'));
    await flush();
    expect(c.querySelector('[role="alert"]')?.textContent).toMatch(/second releasing officer must/);
  });
});
