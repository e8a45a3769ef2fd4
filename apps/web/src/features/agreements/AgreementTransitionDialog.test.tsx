// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgreementItem, AgreementTransitionRequest } from '@entente/contracts';
import { byLabel, byRole, click, mount, type } from '../../testing/dom';
import type { Mounted } from '../../testing/dom';
import { ApiError } from '../../lib/api';
import { AgreementTransitionDialog } from './AgreementTransitionDialog';

const AGREEMENT: AgreementItem = {
  id: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
  code: 'AGR-KEN-2027',
  kind: 'mou',
  title: 'XHN–Kenya MOU on maritime training',
  partnerIso3s: ['KEN'],
  signedOn: '2025-05-01',
  inForceFrom: '2025-05-01',
  expiresOn: '2030-05-01',
  autoRenew: false,
  coversTypes: ['training_course'],
  status: 'in_force',
  documentRef: 'XHN-MOD/LEG/2027/012',
  portion: '(HO//REL TO XHN, KEN)',
  version: 4,
  expiresInDays: null,
  allowedTransitions: ['suspended', 'expired', 'terminated'],
};

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

describe('agreement transition dialog', () => {
  it('is a labelled modal dialog that focuses its first field and closes on Escape', async () => {
    const onClose = vi.fn();
    view = await mount(
      <AgreementTransitionDialog
        agreement={AGREEMENT}
        to="suspended"
        onSubmit={async () => {}}
        onClose={onClose}
      />,
    );
    const dialog = view.container.querySelector('[role="dialog"]') as HTMLElement;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent).toBe(
      'Suspend: AGR-KEN-2027',
    );
    expect(document.activeElement).toBe(byLabel(view.container, 'Reason (required)'));
    await act(async () => {
      dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('needs a reason to suspend, then sends it with the version the user saw', async () => {
    const onSubmit = vi.fn(async (_b: AgreementTransitionRequest) => {});
    view = await mount(
      <AgreementTransitionDialog
        agreement={AGREEMENT}
        to="suspended"
        onSubmit={onSubmit}
        onClose={() => {}}
      />,
    );
    const c = view.container;
    await click(byRole(c, 'button', 'Confirm: Suspend'));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(c.querySelector('[role="alert"]')?.textContent).toMatch(/Give a reason/);
    await type(byLabel<HTMLTextAreaElement>(c, 'Reason (required)'), '  Coup: cooperation paused  ');
    await click(byRole(c, 'button', 'Confirm: Suspend'));
    expect(onSubmit).toHaveBeenCalledWith({
      to: 'suspended',
      version: 4,
      reason: 'Coup: cooperation paused',
    });
  });

  it('asks for the signature date when recording a signature, with no reason required', async () => {
    const onSubmit = vi.fn(async (_b: AgreementTransitionRequest) => {});
    const negotiating = {
      ...AGREEMENT,
      status: 'negotiating' as const,
      signedOn: null,
      inForceFrom: null,
      version: 2,
    };
    view = await mount(
      <AgreementTransitionDialog
        agreement={negotiating}
        to="signed"
        onSubmit={onSubmit}
        onClose={() => {}}
      />,
    );
    const c = view.container;
    await type(byLabel(c, 'Signed on'), '2026-03-15');
    await click(byRole(c, 'button', 'Confirm: Record signature'));
    expect(onSubmit).toHaveBeenCalledWith({ to: 'signed', version: 2, signedOn: '2026-03-15' });
  });

  it('tells the user when someone else changed the agreement (409) and asks the list to reload', async () => {
    const onStale = vi.fn();
    const onSubmit = vi.fn(async () => {
      throw new ApiError(409, 'stale_version', 'Someone else changed this agreement.', 'r1');
    });
    view = await mount(
      <AgreementTransitionDialog
        agreement={AGREEMENT}
        to="terminated"
        onSubmit={onSubmit}
        onClose={() => {}}
        onStale={onStale}
      />,
    );
    const c = view.container;
    await type(byLabel<HTMLTextAreaElement>(c, 'Reason (required)'), 'Superseded');
    await click(byRole(c, 'button', 'Confirm: Terminate'));
    expect(onStale).toHaveBeenCalledTimes(1);
    expect(c.querySelector('[role="alert"]')?.textContent).toMatch(/Someone else changed this agreement/);
  });
});
