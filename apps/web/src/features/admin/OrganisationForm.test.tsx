// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OrganisationInput } from '@entente/contracts';
import { byLabel, byRole, choose, click, mount, type } from '../../testing/dom';
import type { Mounted } from '../../testing/dom';
import { ApiError } from '../../lib/api';
import { OrganisationForm } from './OrganisationForm';
import type { OrganisationRow } from './adminApi';

const MOD: OrganisationRow = {
  id: '5b2f6f0e-3c1d-4e8a-9f7b-2a1c0d9e8f7a',
  code: 'XHN-MOD',
  name: 'Ministry of Defence',
  acronym: 'MOD',
  kind: 'ministry_unit',
  iso3: 'XHN',
  parentId: null,
  parentCode: null,
  foundedOn: null,
  sourceUrl: null,
  userCount: 3,
  version: 'a1b2c3d4e5f60718',
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

describe('organisation form', () => {
  it('sends the parsed OrganisationInput and shows a server field error next to its field', async () => {
    const onSave = vi
      .fn(async (_input: OrganisationInput) => {})
      .mockRejectedValueOnce(
        new ApiError(409, 'conflict', 'Another organisation already has that code.', 'r1', [
          { path: 'code', message: 'already used' },
        ]),
      );
    view = await mount(
      <OrganisationForm organisations={[MOD]} countries={countries} onSave={onSave} onCancel={() => {}} />,
    );
    const c = view.container;
    await type(byLabel(c, 'Code'), 'XHN-CYBERCMD');
    await type(byLabel(c, 'Name'), 'Cyber Command');
    await choose(byLabel<HTMLSelectElement>(c, 'Kind'), 'ministry_unit');
    await choose(byLabel<HTMLSelectElement>(c, 'Country'), 'XHN');
    await choose(byLabel<HTMLSelectElement>(c, 'Parent organisation'), MOD.id);
    await click(byRole(c, 'button', 'Create organisation'));

    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0]?.[0]).toEqual({
      code: 'XHN-CYBERCMD',
      name: 'Cyber Command',
      acronym: null,
      kind: 'ministry_unit',
      iso3: 'XHN',
      parentId: MOD.id,
      foundedOn: null,
      sourceUrl: null,
    });
    const error = c.querySelector('#org-code-error');
    expect(error?.textContent).toBe('already used');
    expect(byLabel(c, 'Code').getAttribute('aria-invalid')).toBe('true');
    expect(byLabel(c, 'Code').getAttribute('aria-describedby')).toContain('org-code-error');
    expect(c.querySelector('[role="alert"]')?.textContent).toContain(
      'Another organisation already has that code.',
    );

    await type(byLabel(c, 'Code'), 'XHN-CYBER');
    await click(byRole(c, 'button', 'Create organisation'));
    expect(onSave).toHaveBeenCalledTimes(2);
    expect(c.querySelector('#org-code-error')).toBeNull();
  });

  it('checks fields with the contract before sending, and never offers the organisation as its own parent', async () => {
    const onSave = vi.fn(async () => {});
    view = await mount(
      <OrganisationForm
        initial={MOD}
        organisations={[MOD]}
        countries={countries}
        onSave={onSave}
        onCancel={() => {}}
      />,
    );
    const c = view.container;
    expect([...byLabel<HTMLSelectElement>(c, 'Parent organisation').options].map((o) => o.value)).toEqual([
      '',
    ]);
    await type(byLabel(c, 'Code'), 'lower case');
    await type(byLabel(c, 'Source URL'), 'not a url');
    await click(byRole(c, 'button', 'Save changes'));
    expect(onSave).not.toHaveBeenCalled();
    expect(c.querySelector('#org-code-error')?.textContent).toContain('upper-case');
    expect(c.querySelector('#org-sourceUrl-error')?.textContent).toContain('URL');
  });
});
