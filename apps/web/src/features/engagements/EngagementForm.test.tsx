// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngagementInput } from '@entente/contracts';
import { byLabel, byRole, choose, click, mount, type } from '../../testing/dom';
import type { Mounted } from '../../testing/dom';
import { ApiError } from '../../lib/api';
import { EngagementForm } from './EngagementForm';
import type { FormRefs } from './EngagementForm';
import { emptyDraft } from './formModel';

const OBJ = '7f1c1a52-0d7e-4d3e-9a55-1a2b3c4d5e6f';
const INI = '5b0f2b7e-3c1d-4e8f-8a9b-0c1d2e3f4a5b';
const ORG = '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d';
const COM = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';

const refs: FormRefs = {
  initiatives: [{ id: INI, code: 'SOM-MAR-1', title: 'Regional maritime capacity' }],
  objectives: [{ id: OBJ, code: 'SO-2', title: 'Counter transnational threats' }],
  countries: [
    { iso3: 'SOM', name: 'Somalia' },
    { iso3: 'KEN', name: 'Kenya' },
  ],
  organisations: [{ id: ORG, code: 'XHN-MOD', name: 'Ministry of Defence' }],
  fundingSources: [],
  communities: [{ id: COM, code: 'ea-maritime', name: 'East Africa maritime' }],
};

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

async function fillAllButObjectives(c: HTMLElement) {
  await type(byLabel(c, 'Code'), 'ENG-2025-0001');
  await type(byLabel(c, 'Title'), 'Maritime domain awareness course');
  await choose(byLabel<HTMLSelectElement>(c, 'Type'), 'training_course');
  await choose(byLabel<HTMLSelectElement>(c, 'Initiative'), INI);
  await choose(byLabel<HTMLSelectElement>(c, 'Partners'), 'SOM');
  await choose(byLabel<HTMLSelectElement>(c, 'Lead organisation'), ORG);
  await type(byLabel(c, 'Planned start'), '2025-03-01');
  await type(byLabel(c, 'Planned end'), '2025-03-14');
  await type(byLabel(c, 'Planned cost'), '125000.00');
  await choose(byLabel<HTMLSelectElement>(c, 'Community'), COM);
}

describe('engagement form', () => {
  it('refuses to save without an objective and says so next to Objectives', async () => {
    const onSave = vi.fn(async () => {});
    view = await mount(
      <EngagementForm
        mode="create"
        initial={emptyDraft()}
        refs={refs}
        onSave={onSave}
        onCheck={async () => []}
      />,
    );
    const c = view.container;
    await fillAllButObjectives(c);
    await click(byRole(c, 'button', 'Save engagement'));

    expect(onSave).not.toHaveBeenCalled();
    const objectives = byLabel<HTMLSelectElement>(c, 'Objectives');
    const error = c.querySelector('#eng-objectives-error');
    expect(error?.textContent).toContain('link at least one strategic objective');
    expect(objectives.getAttribute('aria-invalid')).toBe('true');
    expect(objectives.getAttribute('aria-describedby')).toContain('eng-objectives-error');
    // The message sits in the Objectives field, not elsewhere.
    expect(error?.closest('.field')?.querySelector('label')?.textContent).toContain('Objectives');
    expect(c.querySelector('#eng-code-error')).toBeNull();
  });

  it('saves the parsed input once an objective is linked', async () => {
    const onSave = vi.fn(async (_input: EngagementInput) => {});
    view = await mount(
      <EngagementForm
        mode="create"
        initial={emptyDraft()}
        refs={refs}
        onSave={onSave}
        onCheck={async () => []}
      />,
    );
    const c = view.container;
    await fillAllButObjectives(c);
    await choose(byLabel<HTMLSelectElement>(c, 'Objectives'), OBJ);
    await click(byRole(c, 'button', 'Save engagement'));

    expect(onSave).toHaveBeenCalledTimes(1);
    const input = onSave.mock.calls[0]?.[0];
    expect(input?.objectiveIds).toEqual([OBJ]);
    expect(input?.label.releasableTo).toEqual(['XHN']);
    expect(input?.currency).toBe('EUR');
    expect(c.querySelector('#eng-objectives-error')).toBeNull();
  });

  it('shows server field errors by their fields and keeps the edits on a 409', async () => {
    let call = 0;
    const onSave = vi.fn(async () => {
      call++;
      if (call === 1)
        throw new ApiError(400, 'validation', 'check the highlighted fields', 'r1', [
          { path: 'engagement.code', message: 'this code is already used' },
        ]);
      throw new ApiError(409, 'conflict', 'version conflict', 'r2');
    });
    view = await mount(
      <EngagementForm
        mode="create"
        initial={emptyDraft()}
        refs={refs}
        onSave={onSave}
        onCheck={async () => []}
      />,
    );
    const c = view.container;
    await fillAllButObjectives(c);
    await choose(byLabel<HTMLSelectElement>(c, 'Objectives'), OBJ);
    await click(byRole(c, 'button', 'Save engagement'));
    expect(c.querySelector('#eng-code-error')?.textContent).toContain('this code is already used');

    await click(byRole(c, 'button', 'Save engagement'));
    expect(c.textContent).toContain(
      'Someone else changed this engagement; reload to see their changes — your edits are kept below',
    );
    expect(byLabel(c, 'Title').value).toBe('Maritime domain awareness course');
  });
});
