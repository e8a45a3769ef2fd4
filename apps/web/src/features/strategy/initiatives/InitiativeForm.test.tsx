// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GateCheck, InitiativeInput, ObjectiveItem } from '@entente/contracts';
import { byLabel, byRole, choose, click, mount, type } from '../../../testing/dom';
import type { Mounted } from '../../../testing/dom';
import { ApiError } from '../../../lib/api';
import { InitiativeForm } from './InitiativeForm';
import { GateChecklist } from './GateChecklist';
import { emptyInitiativeDraft } from './initiativeModel';

const OBJ = '3c9d2f1e-8b7a-4c6d-9e5f-1a2b3c4d5e6f';
const LOE = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const ORG = '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b';
const COM = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';

const objective: ObjectiveItem = {
  id: OBJ,
  code: 'SO-3.1',
  title: 'Regional maritime law enforcement',
  description: '',
  level: 'functional',
  parentId: null,
  priority: 1,
  threatFocus: ['piracy'],
  status: 'active',
  validFrom: '2008-01-01',
  validTo: null,
  portion: 'HO',
  version: 1,
  engagementCount: 0,
  linesOfEffort: [{ id: LOE, code: 'LOE-MLE', title: 'Maritime law enforcement' }],
};

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const render = (onSave: (i: InitiativeInput) => Promise<void>) =>
  mount(
    <InitiativeForm
      title="Propose an initiative"
      initial={emptyInitiativeDraft(COM)}
      objectives={[objective]}
      plans={[]}
      organisations={[{ id: ORG, code: 'XHN-SECCOOP', name: 'Security cooperation', kind: 'ministry_unit' }]}
      communities={[{ id: COM, code: 'all', name: 'Deployment-wide' }]}
      countries={[{ iso3: 'KEN', name: 'Kenya' }]}
      onSave={onSave}
      onCancel={() => {}}
    />,
  );

async function fillBasics(c: HTMLElement) {
  await type(byLabel(c, 'Code'), 'INI-KEN-TST');
  await type(byLabel(c, 'Target partners'), 'ken, syc');
  await type(byLabel(c, 'Title'), 'Kenya Navy boarding capacity');
  await choose(byLabel<HTMLSelectElement>(c, 'Lead organisation'), ORG);
  await type(byLabel(c, 'Start'), '2027-01-01');
  await type(byLabel(c, 'End'), '2029-12-31');
}

describe('initiative form', () => {
  it('adds logic-model nodes by keyboard-reachable buttons and moves focus to what was added', async () => {
    view = await render(vi.fn(async () => {}));
    const c = view.container;
    await click(byRole(c, 'button', 'Add an outcome'));
    expect(document.activeElement?.id).toBe('ini-node-0-statement');
    await click(byRole(c, 'button', 'Add an indicator'));
    expect(document.activeElement?.id).toBe('ini-node-0-indicators-0-title');
    await click(byRole(c, 'button', 'Remove outcome 1'));
    expect(document.activeElement?.id).toBe('ini-add-outcome');
  });

  it('sends the parsed InitiativeInput with the logic model, its upward links and an outcome baseline', async () => {
    const onSave = vi.fn(async (_i: InitiativeInput) => {});
    view = await render(onSave);
    const c = view.container;
    await fillBasics(c);
    await click(c.querySelector<HTMLInputElement>('#ini-loes input')!);
    await click(byRole(c, 'button', 'Add an impact'));
    await type(c.querySelector<HTMLTextAreaElement>('#ini-node-0-statement')!, 'Secure waters');
    await click(c.querySelector<HTMLInputElement>('#ini-node-0-objectiveIds input')!);
    await click(byRole(c, 'button', 'Add an outcome'));
    await type(c.querySelector<HTMLTextAreaElement>('#ini-node-1-statement')!, 'Interdictions in own waters');
    await click(c.querySelector<HTMLInputElement>('#ini-node-1-parentIds input')!);
    await click(c.querySelector<HTMLInputElement>('#ini-node-1-objectiveIds input')!);
    await click(byRole(c, 'button', 'Add an indicator'));
    await type(byLabel(c, 'Indicator'), 'Interdictions per year');
    await type(byLabel(c, 'Baseline date'), '2026-01-01');
    await type(byLabel(c, 'Baseline value'), '4');
    await type(byLabel(c, 'Baseline source'), 'Kenya Navy log');
    await click(byRole(c, 'button', 'Save initiative'));
    expect(onSave).toHaveBeenCalledTimes(1);
    const input = onSave.mock.calls[0]![0];
    expect(input).toMatchObject({
      code: 'INI-KEN-TST',
      partnerIso3s: ['KEN', 'SYC'],
      lineOfEffortIds: [LOE],
      leadOrgId: ORG,
      budget: null,
    });
    // Significance is derived by the server, never sent.
    expect(input).not.toHaveProperty('significance');
    const [impact, outcome] = input.logicModel;
    expect(impact).toMatchObject({ kind: 'impact', parentIds: [], objectiveIds: [OBJ] });
    expect(outcome).toMatchObject({ kind: 'outcome', parentIds: [impact!.id], objectiveIds: [OBJ] });
    expect(outcome!.indicators[0]).toMatchObject({
      title: 'Interdictions per year',
      baseline: { date: '2026-01-01', value: '4', source: 'Kenya Navy log' },
    });
  });

  it("shows the server's field errors next to the logic-model node and in the summary", async () => {
    const onSave = vi.fn(async () => {
      throw new ApiError(400, 'validation', 'The input is not valid.', 'r1', [
        { path: 'logicModel.0.parentIds', message: 'activity links upward to output nodes only' },
      ]);
    });
    view = await render(onSave);
    const c = view.container;
    await fillBasics(c);
    await click(byRole(c, 'button', 'Add an activity'));
    await type(c.querySelector<HTMLTextAreaElement>('#ini-node-0-statement')!, 'Boarding courses');
    await click(byRole(c, 'button', 'Save initiative'));
    expect(onSave).toHaveBeenCalledTimes(1);
    const node = c.querySelector('#ini-node-0-parentIds')!;
    expect(node.textContent).toContain('activity links upward to output nodes only');
    expect(c.textContent).toContain('The input is not valid.');
  });

  it('shows the derived significance read-only, with its reasons, and sends the budget', async () => {
    const onSave = vi.fn(async (_i: InitiativeInput) => {});
    const initial = { ...emptyInitiativeDraft(COM), covers: ['equipment', 'unit_training'] };
    view = await mount(
      <InitiativeForm
        title="Initiative"
        initial={initial}
        objectives={[objective]}
        plans={[]}
        organisations={[
          { id: ORG, code: 'XHN-SECCOOP', name: 'Security cooperation', kind: 'ministry_unit' },
        ]}
        communities={[{ id: COM, code: 'all', name: 'Deployment-wide' }]}
        countries={[{ iso3: 'KEN', name: 'Kenya' }]}
        significance={{
          significance: 'significant',
          reasons: ['Transfers equipment', 'Builds capacity (unit training)'],
          notes: [],
          threshold: { amount: '1000000', currency: 'EUR' },
        }}
        onSave={onSave}
        onCancel={() => {}}
      />,
    );
    const c = view.container;
    const box = c.querySelector('#ini-significance')!;
    expect(box.textContent).toContain('Significant: transfers equipment; builds capacity (unit training)');
    expect(box.textContent).toContain('over 1,000,000 EUR');
    expect(box.querySelectorAll('input')).toHaveLength(0);
    await fillBasics(c);
    await type(byLabel(c, 'Budget'), '2500000');
    expect(box.textContent).toContain('recomputed from the budget and what it covers when you save');
    await click(byRole(c, 'button', 'Save initiative'));
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0]![0].budget).toEqual({ amount: '2500000', currency: 'EUR' });
  });

  it('refuses to send without the required basics, naming each field', async () => {
    const onSave = vi.fn(async () => {});
    view = await render(onSave);
    await click(byRole(view.container, 'button', 'Save initiative'));
    expect(onSave).not.toHaveBeenCalled();
    expect(view.container.querySelector('#ini-code-error')?.textContent).toMatch(/code/);
    expect(view.container.querySelector('#ini-lead-error')?.textContent).toMatch(/lead organisation/);
  });
});

describe('gate checklist', () => {
  it('lists what is missing before approval, with the fields to fix, and what does not apply', async () => {
    const checks: GateCheck[] = [
      { gate: 'problem_statement', title: 'A problem statement', applies: true, met: true, problems: [] },
      {
        gate: 'capability_assessment',
        title: 'An approved capability assessment',
        applies: true,
        met: false,
        problems: [
          { path: 'capabilityAreas.0', message: 'KEN: no approved logistics capability assessment' },
        ],
      },
      {
        gate: 'evaluation_plan',
        title: 'An evaluation plan (the initiative is significant)',
        applies: false,
        met: true,
        problems: [],
      },
    ];
    view = await mount(
      <GateChecklist
        met={false}
        checks={checks}
        status="proposed"
        initiative={{ id: OBJ, logicModel: [], capabilityAreas: ['logistics'] }}
      />,
    );
    const t = view.container.textContent ?? '';
    expect(t).toContain('What is missing before approval');
    expect(t).toContain('1 of 2 gates is not met yet.');
    expect(t).toContain('Missing: An approved capability assessment');
    expect(t).toContain('Capability areas · logistics: KEN: no approved logistics capability assessment');
    expect(t).not.toContain('(capabilityAreas.0)');
    expect(t).toContain('Not needed for this initiative: an evaluation plan');
  });
});
