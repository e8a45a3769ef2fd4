// @vitest-environment happy-dom
import { act } from 'react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RouterProvider, createMemoryHistory, createRootRoute, createRouter } from '@tanstack/react-router';
import type { GateCheck } from '@entente/contracts';
import { mount } from '../../../testing/dom';
import type { Mounted } from '../../../testing/dom';
import { GateChecklist } from './GateChecklist';
import { InitiativeForm } from './InitiativeForm';
import { gateFieldOf } from './gateLabels';
import { emptyIndicator, emptyInitiativeDraft } from './initiativeModel';

const ID = '5b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const SOURCE = {
  logicModel: [
    { kind: 'activity', statement: 'Board courses' },
    { kind: 'output', statement: '' },
    { kind: 'outcome', statement: 'Board operations sustained' },
  ],
  capabilityAreas: ['maritime_security', 'logistics'],
};

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

describe('gate field labels', () => {
  it.each([
    [
      'logicModel.2.indicators',
      "Logic model · outcome 'Board operations sustained' · indicators",
      'ini-node-2-indicators',
    ],
    ['logicModel.1.parentIds', 'Logic model · output 2 · leads to', 'ini-node-1-parentIds'],
    ['logicModel', 'Logic model', 'ini-logic'],
    ['capabilityAreas.1', 'Capability areas · logistics', 'ini-areas'],
    ['capabilityAreas', 'Capability areas', 'ini-areas'],
    ['partnerIso3s', 'Target partners', 'ini-partners'],
    ['problemStatement', 'Problem statement', 'ini-problem'],
    ['lineOfEffortIds', 'Lines of effort', 'ini-loes'],
    ['absorptiveCapacity.statement', 'Absorptive capacity', 'ini-absorptive'],
    ['riskAssessment', 'Risk assessment', 'ini-risk'],
    ['riskAssessment.decision', 'Risk assessment · decision', 'ini-risk'],
    ['sustainmentPlan', 'Sustainment plan', 'ini-sustainment'],
    ['evaluationPlan', 'Evaluation plan', 'ini-evaluation'],
    ['code', 'Code', 'ini-code'],
  ])('%s reads "%s" and leads to #%s', (path, label, id) => {
    expect(gateFieldOf(path, SOURCE)).toEqual({ label, id });
  });

  it('names a node that no longer exists by its position', () => {
    expect(gateFieldOf('logicModel.7.indicators', SOURCE).label).toBe('Logic model · node 8 · indicators');
  });
});

const CHECKS: GateCheck[] = [
  {
    gate: 'outcome_baseline',
    title: 'An outcome result with an indicator that has a baseline',
    applies: true,
    met: false,
    problems: [
      { path: 'logicModel.2.indicators', message: 'Give at least one outcome an indicator with a baseline' },
    ],
  },
];

async function inRouter(node: ReactNode) {
  const router = createRouter({
    routeTree: createRootRoute({ component: () => node }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  view = await mount(<RouterProvider router={router} />);
  for (let i = 0; i < 5 && !view.container.textContent; i++)
    await act(async () => new Promise((r) => setTimeout(r, 10)));
  return view.container;
}

describe('approval checklist links', () => {
  it('link each problem to its field in the edit form for a user who may edit', async () => {
    const c = await inRouter(
      <GateChecklist
        met={false}
        checks={CHECKS}
        status="proposed"
        initiative={{ id: ID, ...SOURCE }}
        canEdit
      />,
    );
    const item = c.querySelector('li[data-path="logicModel.2.indicators"]')!;
    expect(item.textContent).toContain(
      "Logic model · outcome 'Board operations sustained' · indicators: Give at least one outcome an indicator with a baseline",
    );
    const link = item.querySelector('a')!;
    expect(link.getAttribute('aria-label')).toBe(
      "Edit Logic model · outcome 'Board operations sustained' · indicators",
    );
    const href = decodeURIComponent(link.getAttribute('href') ?? '');
    expect(href).toContain(`/strategy/initiatives/${ID}/edit`);
    expect(href).toContain('focus=');
    expect(href).toContain('logicModel.2.indicators');
  });

  it('offer no link to a user who may not edit', async () => {
    const c = await inRouter(
      <GateChecklist met={false} checks={CHECKS} status="proposed" initiative={{ id: ID, ...SOURCE }} />,
    );
    expect(c.querySelector('li[data-path] a')).toBeNull();
  });
});

describe('initiative form focus hint', () => {
  const render = (focus: string) => {
    const initial = emptyInitiativeDraft('');
    initial.logicModel = [
      {
        id: 'oc',
        kind: 'outcome',
        statement: 'Board operations sustained',
        parentIds: [],
        objectiveIds: [],
        indicators: [emptyIndicator()],
      },
    ];
    return mount(
      <InitiativeForm
        title="Initiative"
        initial={initial}
        objectives={[]}
        plans={[]}
        organisations={[]}
        communities={[]}
        countries={[]}
        focus={focus}
        onSave={vi.fn(async () => {})}
        onCancel={() => {}}
      />,
    );
  };

  it.each([
    ['logicModel.0.indicators', 'ini-node-0-indicators'],
    ['absorptiveCapacity.statement', 'ini-absorptive'],
    ['evaluationPlan', 'ini-evaluation'],
  ])('focuses %s on opening', async (path, id) => {
    view = await render(path);
    expect(document.activeElement?.id).toBe(id);
  });
});
