// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ObjectiveEdit, ObjectiveInput, ObjectiveItem } from '@entente/contracts';
import { byLabel, byRole, choose, click, mount, type } from '../../testing/dom';
import type { Mounted } from '../../testing/dom';
import { ApiError } from '../../lib/api';
import { ObjectiveForm } from './ObjectiveForm';
import { ObjectiveActions } from './ObjectiveActions';

const PARENT = '3c9d2f1e-8b7a-4c6d-9e5f-1a2b3c4d5e6f';
const COM = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';

const parent: ObjectiveItem = {
  id: PARENT,
  code: 'SO-2',
  title: 'Countering transnational threats',
  description: 'Reduce the reach of transnational threats.',
  level: 'national',
  parentId: null,
  priority: 1,
  threatFocus: ['terrorism'],
  status: 'active',
  validFrom: '2008-01-01',
  validTo: null,
  portion: 'HO//REL TO XHN',
  version: 3,
  engagementCount: 0,
  linesOfEffort: [],
};
const communities = [{ id: COM, code: 'hoa-maritime', name: 'Horn of Africa maritime security' }];
const countries = [{ iso3: 'KEN', name: 'Kenya' }];

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

async function fill(c: HTMLElement) {
  await type(byLabel(c, 'Code'), 'SO-2.9');
  await type(byLabel(c, 'Title'), 'Secure the Gulf of Guinea shipping lanes');
  await type(byLabel<HTMLTextAreaElement>(c, 'Description'), 'Piracy falls below 2010 levels.');
  await choose(byLabel<HTMLSelectElement>(c, 'Level'), 'regional');
  await choose(byLabel<HTMLSelectElement>(c, 'Parent objective'), PARENT);
  await click(c.querySelector<HTMLInputElement>('input[name="objective-priority"][value="2"]')!);
  const piracy = [...c.querySelectorAll('label')].find((l) => l.textContent?.trim() === 'Piracy');
  await click(piracy!.querySelector('input')!);
  await type(byLabel(c, 'Valid from'), '2007-06-01');
}

describe('objective form', () => {
  it('sends the parsed ObjectiveInput', async () => {
    const onSave = vi.fn(async (_input: ObjectiveInput) => {});
    view = await mount(
      <ObjectiveForm objectives={[parent]} communities={communities} countries={countries} onSave={onSave} />,
    );
    const c = view.container;
    await fill(c);
    await click(byRole(c, 'button', 'Create objective'));

    expect(onSave).toHaveBeenCalledTimes(1);
    const input = onSave.mock.calls[0]?.[0];
    expect(input).toMatchObject({
      code: 'SO-2.9',
      level: 'regional',
      parentId: PARENT,
      priority: 2,
      threatFocus: ['piracy'],
      validFrom: '2007-06-01',
      communityId: COM, // the only community is chosen for the user
      label: { level: 'HUB-OFFICIAL', releasableTo: ['XHN'] },
    });
    expect(input?.validTo).toBeUndefined();
  });

  it("shows the server's field error next to its field (a child starting before its parent)", async () => {
    const onSave = vi.fn(async () => {
      throw new ApiError(400, 'validation', 'The input is not valid.', 'r1', [
        { path: 'validFrom', message: 'starts before its parent (2008-01-01)' },
      ]);
    });
    view = await mount(
      <ObjectiveForm objectives={[parent]} communities={communities} countries={countries} onSave={onSave} />,
    );
    const c = view.container;
    await fill(c);
    await click(byRole(c, 'button', 'Create objective'));

    expect(onSave).toHaveBeenCalledTimes(1);
    const validFrom = byLabel(c, 'Valid from');
    const error = c.querySelector('#objective-valid-from-error');
    expect(error?.textContent).toContain('starts before its parent (2008-01-01)');
    // The message sits in the Valid from field and the control points at it.
    expect(error?.closest('.field')?.querySelector('label')?.textContent).toContain('Valid from');
    expect(validFrom.getAttribute('aria-invalid')).toBe('true');
    expect(validFrom.getAttribute('aria-describedby')).toContain('objective-valid-from-error');
    // No other field claims the problem; the summary links to it.
    expect(c.querySelectorAll('.field__error')).toHaveLength(1);
    expect(c.querySelector('.error-summary a[href="#objective-valid-from"]')?.textContent).toBe('Valid from');

    // Editing the field clears the server's message.
    await type(validFrom, '2009-01-01');
    expect(c.querySelector('#objective-valid-from-error')).toBeNull();
  });

  it('refuses to send without the required fields and says which', async () => {
    const onSave = vi.fn(async () => {});
    view = await mount(
      <ObjectiveForm objectives={[parent]} communities={communities} countries={countries} onSave={onSave} />,
    );
    const c = view.container;
    await click(byRole(c, 'button', 'Create objective'));
    expect(onSave).not.toHaveBeenCalled();
    expect(c.querySelector('#objective-code-error')?.textContent).toContain('enter a code');
    expect(c.querySelector('#objective-priority-error')?.textContent).toContain('choose a priority');
    expect(c.querySelector('#objective-valid-from-error')?.textContent).toContain('enter the date');
  });
});

describe('objective form in edit mode', () => {
  const child: ObjectiveItem = {
    ...parent,
    id: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
    code: 'SO-2.1',
    title: 'Counter piracy off the Horn of Africa',
    level: 'regional',
    parentId: PARENT,
    priority: 2,
    threatFocus: ['piracy'],
    validFrom: '2009-01-01',
    validTo: '2020-12-31',
  };
  const grandchild: ObjectiveItem = {
    ...child,
    id: 'aa4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
    code: 'SO-2.1.1',
    parentId: child.id,
  };

  it('starts from the objective, offers no parent inside its own subtree, and sends the ObjectiveEdit', async () => {
    const onSave = vi.fn(async (_edit: ObjectiveEdit) => {});
    view = await mount(
      <ObjectiveForm objectives={[parent, child, grandchild]} editing={child} onSave={onSave} />,
    );
    const c = view.container;
    expect(c.querySelector('h2')?.textContent).toBe('Edit SO-2.1');
    // Code, level, community and label are not edited here.
    expect(c.querySelector('#objective-code')).toBeNull();
    expect(c.querySelector('#objective-level')).toBeNull();
    expect(c.querySelector('#objective-community')).toBeNull();
    const options = [...byLabel<HTMLSelectElement>(c, 'Parent objective').options].map((o) => o.value);
    expect(options).toEqual(['', PARENT]);
    expect(byLabel(c, 'Title').value).toBe(child.title);
    expect(byLabel(c, 'Valid to').value).toBe('2020-12-31');

    await type(byLabel(c, 'Title'), 'Counter piracy in the western Indian Ocean');
    await type(byLabel(c, 'Valid to'), '');
    await click(byRole(c, 'button', 'Save changes'));
    expect(onSave).toHaveBeenCalledWith({
      title: 'Counter piracy in the western Indian Ocean',
      description: child.description,
      priority: 2,
      threatFocus: ['piracy'],
      parentId: PARENT,
      validFrom: '2009-01-01',
      validTo: null,
    });
  });

  it("shows the server's tree error on its field and refuses an end before the start", async () => {
    const onSave = vi.fn(async () => {
      throw new ApiError(422, 'guard_failed', 'The objective does not fit the objective tree.', 'r2', [
        { path: 'parentId', message: 'would make the objective tree cyclic' },
      ]);
    });
    view = await mount(<ObjectiveForm objectives={[parent, child]} editing={child} onSave={onSave} />);
    const c = view.container;
    await type(byLabel(c, 'Valid to'), '2008-01-01');
    await click(byRole(c, 'button', 'Save changes'));
    expect(onSave).not.toHaveBeenCalled();
    expect(c.querySelector('#objective-valid-to-error')?.textContent).toContain('ends before it starts');
    await type(byLabel(c, 'Valid to'), '');
    await click(byRole(c, 'button', 'Save changes'));
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(c.querySelector('#objective-parent-error')?.textContent).toContain('cyclic');
    expect(byLabel(c, 'Parent objective').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('objective lifecycle buttons', () => {
  it('asks for a reason before retiring and sends it', async () => {
    const onTransition = vi.fn(async () => {});
    view = await mount(<ObjectiveActions objective={parent} tabbable onTransition={onTransition} />);
    const c = view.container;
    expect(c.textContent).not.toContain('Activate');
    await click(byRole(c, 'button', 'Retire…'));
    await click(byRole(c, 'button', 'Confirm retirement'));
    expect(onTransition).not.toHaveBeenCalled();
    expect(c.textContent).toContain('Give a reason for retiring the objective.');

    await type(byLabel<HTMLTextAreaElement>(c, 'Reason for retiring SO-2'), 'Superseded by SO-5');
    await click(byRole(c, 'button', 'Confirm retirement'));
    expect(onTransition).toHaveBeenCalledWith(parent, 'retired', 'Superseded by SO-5');
  });

  it('offers "Activate" for a draft and nothing for a retired objective', async () => {
    const onTransition = vi.fn(async () => {});
    view = await mount(
      <ObjectiveActions objective={{ ...parent, status: 'draft' }} tabbable onTransition={onTransition} />,
    );
    await click(byRole(view.container, 'button', 'Activate'));
    expect(onTransition).toHaveBeenCalledWith(expect.objectContaining({ id: PARENT }), 'active', undefined);
    view.unmount();
    view = await mount(
      <ObjectiveActions objective={{ ...parent, status: 'retired' }} tabbable onTransition={onTransition} />,
    );
    await act(async () => {});
    expect(view.container.querySelector('button')).toBeNull();
  });
});
