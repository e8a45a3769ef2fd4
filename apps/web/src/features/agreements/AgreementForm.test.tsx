// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgreementInput } from '@entente/contracts';
import { byLabel, byRole, choose, click, mount, type } from '../../testing/dom';
import type { Mounted } from '../../testing/dom';
import { ApiError } from '../../lib/api';
import { AgreementForm } from './AgreementForm';

const COM = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';
const communities = [
  { id: COM, code: 'hoa-maritime', name: 'Horn of Africa maritime security' },
  { id: '1e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b', code: 'all', name: 'Deployment-wide' },
];
const countries = [
  { iso3: 'KEN', name: 'Kenya' },
  { iso3: 'SOM', name: 'Somalia' },
];

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

async function fill(c: HTMLElement) {
  await type(byLabel(c, 'Code'), 'AGR-KEN-2027');
  await choose(byLabel<HTMLSelectElement>(c, 'Kind'), 'mou');
  await choose(byLabel<HTMLSelectElement>(c, 'Status'), 'in_force');
  await type(byLabel(c, 'Title'), 'XHN–Kenya MOU on maritime training');
  await choose(byLabel<HTMLSelectElement>(c, 'Partners'), 'KEN');
  await choose(byLabel<HTMLSelectElement>(c, 'Covers engagement types'), 'training_course', 'staff_talks');
  await type(byLabel(c, 'Document reference'), 'XHN-MOD/LEG/2027/012');
  await choose(byLabel<HTMLSelectElement>(c, 'Community'), COM);
}

describe('agreement form', () => {
  it('sends the parsed AgreementInput, and shows server field errors by their fields', async () => {
    const onSave = vi
      .fn(async (_input: AgreementInput) => {})
      .mockRejectedValueOnce(
        new ApiError(400, 'validation', 'The input is not valid.', 'r1', [
          { path: 'inForceFrom', message: 'an agreement in force needs its in-force date' },
        ]),
      );
    view = await mount(<AgreementForm countries={countries} communities={communities} onSave={onSave} />);
    const c = view.container;
    await fill(c);
    await click(byRole(c, 'button', 'Record agreement'));

    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({
      code: 'AGR-KEN-2027',
      kind: 'mou',
      status: 'in_force',
      partnerIso3s: ['KEN'],
      coversTypes: ['staff_talks', 'training_course'],
      autoRenew: false,
      communityId: COM,
    });
    const error = c.querySelector('#agreement-in-force-from-error');
    expect(error?.textContent).toContain('an agreement in force needs its in-force date');
    expect(error?.closest('.field')?.querySelector('label')?.textContent).toContain('In force from');

    await type(byLabel(c, 'In force from'), '2027-01-01');
    await click(byRole(c, 'button', 'Record agreement'));
    expect(onSave).toHaveBeenCalledTimes(2);
    expect(onSave.mock.calls[1]?.[0]?.inForceFrom).toBe('2027-01-01');
  });

  it('checks the date order before sending', async () => {
    const onSave = vi.fn(async () => {});
    view = await mount(<AgreementForm countries={countries} communities={communities} onSave={onSave} />);
    const c = view.container;
    await fill(c);
    await type(byLabel(c, 'In force from'), '2027-01-01');
    await type(byLabel(c, 'Expires on'), '2026-01-01');
    await click(byRole(c, 'button', 'Record agreement'));
    expect(onSave).not.toHaveBeenCalled();
    expect(c.querySelector('#agreement-expires-on-error')?.textContent).toContain('expires before');
  });
});
