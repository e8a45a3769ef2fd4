// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserSecurityUpdate } from '@entente/contracts';
import { byLabel, byRole, choose, click, mount } from '../../testing/dom';
import type { Mounted } from '../../testing/dom';
import { ApiError } from '../../lib/api';
import { SecurityForm } from './SecurityForm';
import type { UserDetailData } from './adminApi';

const USER: UserDetailData = {
  id: '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  username: 'analyst',
  displayName: 'Dr. Mira Holm',
  orgCode: 'XHN-POLICY',
  orgName: 'Policy Directorate',
  nationality: 'XHN',
  partner: false,
  roles: ['viewer', 'analyst'],
  clearances: [{ policy: 'HUB', level: 'HUB-SECRET', compartments: ['CT'], expiresOn: '2027-06-30' }],
  memberships: [],
  lockedUntil: null,
  mfa: true,
  version: 4,
  policies: [
    {
      id: 'HUB',
      name: 'Entente development hub',
      levels: [
        { name: 'HUB-OFFICIAL', banner: 'HUB OFFICIAL' },
        { name: 'HUB-RESTRICTED', banner: 'HUB RESTRICTED' },
        { name: 'HUB-SECRET', banner: 'HUB SECRET' },
      ],
      compartments: ['CT', 'CYBER'],
    },
  ],
};
const countries = [
  { iso3: 'XHN', name: 'Home Nation' },
  { iso3: 'FRA', name: 'France' },
];

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

describe('security form', () => {
  it('sends the version with the changed clearance, and shows a server error at its clearance field', async () => {
    const onSave = vi
      .fn(async (_input: UserSecurityUpdate) => {})
      .mockRejectedValueOnce(
        new ApiError(400, 'validation', 'The clearances are not valid.', 'r2', [
          { path: 'clearances.0.compartments', message: 'unknown compartment: CYBER' },
        ]),
      );
    view = await mount(<SecurityForm user={USER} countries={countries} onSave={onSave} />);
    const c = view.container;
    await choose(byLabel<HTMLSelectElement>(c, 'Level'), 'HUB-RESTRICTED');
    const cyber = [...c.querySelectorAll('label.check')].find((l) => l.textContent?.trim() === 'CYBER');
    await click(cyber?.querySelector('input') as HTMLInputElement);
    await click(byRole(c, 'button', 'Save nationality and clearances'));
    expect(onSave.mock.calls[0]?.[0]).toEqual({
      version: 4,
      nationality: 'XHN',
      clearances: [
        { policy: 'HUB', level: 'HUB-RESTRICTED', compartments: ['CT', 'CYBER'], expiresOn: '2027-06-30' },
      ],
    });
    expect(c.querySelector('#clearance-0-compartments-error')?.textContent).toBe(
      'unknown compartment: CYBER',
    );
    expect(c.querySelector('[role="alert"]')?.textContent).toContain('The clearances are not valid.');
  });

  it('can remove every clearance (the user then reads no labelled record)', async () => {
    const onSave = vi.fn(async (_input: UserSecurityUpdate) => {});
    view = await mount(<SecurityForm user={USER} countries={countries} onSave={onSave} />);
    const c = view.container;
    await click(byRole(c, 'button', 'Remove this clearance'));
    expect(c.textContent).toContain('No clearance');
    await click(byRole(c, 'button', 'Save nationality and clearances'));
    expect(onSave.mock.calls[0]?.[0]).toEqual({ version: 4, nationality: 'XHN', clearances: [] });
  });
});
