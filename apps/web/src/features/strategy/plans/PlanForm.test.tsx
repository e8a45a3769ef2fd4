// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Organisation, PlanContentInput, PlanDetail, PlanInput } from '@entente/contracts';
import { byLabel, byRole, choose, click, mount, type } from '../../../testing/dom';
import type { Mounted } from '../../../testing/dom';
import { ApiError } from '../../../lib/api';
import { PlanActions } from './PlanActions';
import { PlanForm } from './PlanForm';
import { draftFromPlan, emptyPlanDraft, validateNewPlan } from './planModel';

const MOD = '11111111-1111-4111-8111-111111111111';
const SEN = '22222222-2222-4222-8222-222222222222';
const OBJ = '33333333-3333-4333-8333-333333333333';
const COM = '44444444-4444-4444-8444-444444444444';
const org = (id: string, code: string, kind: string, iso3: string): Organisation => ({
  id,
  code,
  name: code,
  acronym: null,
  kind,
  iso3,
  parentCode: null,
  foundedOn: null,
  sourceUrl: null,
  memberCount: 0,
});
const organisations = [
  org(MOD, 'XHN-MOD', 'ministry_unit', 'XHN'),
  org(SEN, 'SEN-MOD', 'partner_body', 'SEN'),
];
const objectives = [{ id: OBJ, code: 'SO-3.WA.2', title: 'Coastal states prevent spillover' }];
const countries = [{ iso3: 'SEN', name: 'Senegal' }];
const communities = [{ id: COM, code: 'wa-ct', name: 'West Africa CT' }];

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const mountCreate = (onSave: (i: PlanInput) => Promise<void>) =>
  mount(
    <PlanForm
      mode="create"
      initial={emptyPlanDraft(MOD, COM)}
      organisations={organisations}
      objectives={objectives}
      countries={countries}
      communities={communities}
      onSave={onSave}
    />,
  );

async function fill(c: HTMLElement, to = '2028-12-31') {
  await type(byLabel(c, 'Code'), 'WA-PLAN-SEN-2029');
  await type(byLabel(c, 'Title'), 'XHN–Senegal plan 2024–2028');
  await choose(byLabel<HTMLSelectElement>(c, 'Partners'), 'SEN');
  await type(byLabel(c, 'From'), '2024-01-01');
  await type(byLabel(c, 'To'), to);
  await type(byLabel<HTMLTextAreaElement>(c, 'Partner priorities'), 'Border security\nForensics');
  await type(byLabel(c, 'Goal 1 code'), 'G1');
  await type(byLabel(c, 'Goal 1 title'), 'Border posts built and manned');
  await choose(byLabel<HTMLSelectElement>(c, 'Goal 1 objectives'), OBJ);
  await type(byLabel(c, 'Goal 1 target date'), '2027-06-30');
}

describe('plan form', () => {
  it('sends the parsed PlanInput with the ministry as owner', async () => {
    const onSave = vi.fn(async (_i: PlanInput) => {});
    view = await mountCreate(onSave);
    const c = view.container;
    await fill(c);
    const sen = [...c.querySelectorAll('label')].find((l) => l.textContent?.includes('SEN-MOD'));
    await click(sen!.querySelector('input')!);
    await choose(byLabel<HTMLSelectElement>(c, 'Goal 1 partner priorities served'), '1');
    await click(byRole(c, 'button', 'Create plan'));
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({
      code: 'WA-PLAN-SEN-2029',
      ownerOrgIds: [MOD, SEN],
      partnerIso3s: ['SEN'],
      reviewCycleMonths: 24,
      partnerPriorities: ['Border security', 'Forensics'],
      goals: [{ code: 'G1', objectiveIds: [OBJ], targetDate: '2027-06-30', partnerPriorityRefs: [1] }],
      communityId: COM,
    });
  });

  it('refuses a plan longer than five years and a goal without objectives, next to their fields', async () => {
    const onSave = vi.fn(async () => {});
    view = await mountCreate(onSave);
    const c = view.container;
    await fill(c, '2029-06-30');
    await click(byRole(c, 'button', 'Add a goal'));
    await type(byLabel(c, 'Goal 2 code'), 'G2');
    await type(byLabel(c, 'Goal 2 title'), 'Forensic laboratory in Dakar');
    await type(byLabel(c, 'Goal 2 target date'), '2028-06-30');
    await click(byRole(c, 'button', 'Create plan'));
    expect(onSave).not.toHaveBeenCalled();
    expect(c.querySelector('#plan-to-error')?.textContent).toContain('at most 5 years (until 2029-01-01)');
    expect(c.querySelector('#plan-goal-1-objectives-error')?.textContent).toContain(
      'at least one of our objectives',
    );
    expect(byLabel(c, 'To').getAttribute('aria-invalid')).toBe('true');
    expect(c.querySelector('.error-summary a[href="#plan-goal-1-objectives"]')?.textContent).toBe(
      'Goal 2: objectives',
    );
  });

  it("shows the server's field error next to its field and clears it on edit", async () => {
    const onSave = vi.fn(async () => {
      throw new ApiError(400, 'validation', 'The plan is not valid.', 'r1', [
        {
          path: 'ownerOrgIds',
          message: 'your ministry (your organisation or one above it) must be an owner',
        },
      ]);
    });
    view = await mountCreate(onSave);
    const c = view.container;
    await fill(c);
    await click(byRole(c, 'button', 'Create plan'));
    expect(c.querySelector('#plan-owners-error')?.textContent).toContain('your ministry');
    const sen = [...c.querySelectorAll('label')].find((l) => l.textContent?.includes('SEN-MOD'));
    await click(sen!.querySelector('input')!);
    expect(c.querySelector('#plan-owners-error')).toBeNull();
  });

  it('validates duplicate goal codes and goals outside the period without a browser', () => {
    const d = {
      ...emptyPlanDraft(MOD, COM),
      code: 'P-1',
      title: 'Plan one',
      partnerIso3s: ['SEN'],
      from: '2024-01-01',
      to: '2026-12-31',
    };
    const goal = {
      key: 'a',
      code: 'G1',
      title: 'First goal',
      objectiveIds: [OBJ],
      targetDate: '2025-01-01',
      partnerPriorityRefs: [],
    };
    const r = validateNewPlan({
      ...d,
      goals: [goal, { ...goal, key: 'b', code: 'g1', targetDate: '2027-01-01' }],
    });
    expect(r.ok).toBe(false);
    expect(Object.keys(r.errors).sort()).toEqual(['goals.1.code', 'goals.1.targetDate']);
    expect(validateNewPlan({ ...d, goals: [goal] }).ok).toBe(true);
  });
});

const detail: PlanDetail = {
  id: '55555555-5555-4555-8555-555555555555',
  code: 'WA-PLAN-SEN-2024',
  title: 'XHN–Senegal plan',
  kind: 'bilateral',
  status: 'in_consultation',
  from: '2024-01-01',
  to: '2028-12-31',
  reviewCycleMonths: 24,
  partnerIso3s: ['SEN'],
  partnerPriorities: ['Border'],
  version: 3,
  planVersion: 2,
  portion: '(HO//REL TO XHN, SEN)',
  owners: [
    { id: MOD, code: 'XHN-MOD', name: 'MoD', approval: null },
    { id: SEN, code: 'SEN-MOD', name: 'MoD SEN', approval: null },
  ],
  goals: [
    {
      code: 'G1',
      title: 'Border posts',
      targetDate: '2027-06-30',
      objectives: [{ id: OBJ, code: 'SO-3.WA.2', title: 'x' }],
      partnerPriorityRefs: [0],
    },
  ],
  contributions: [
    {
      org: { id: MOD, code: 'XHN-MOD', name: 'MoD' },
      pledged: { amount: '100.00', currency: 'EUR' },
      personDays: null,
    },
  ],
  versions: [],
  can: { edit: true, approve: true, transitions: ['closed'] },
};

describe('plan edit and actions', () => {
  it('edits the content of an existing plan, keeping its goals and contributions', async () => {
    const onSave = vi.fn(async (_i: PlanContentInput) => {});
    view = await mount(
      <PlanForm
        mode="edit"
        initial={draftFromPlan(detail)}
        organisations={organisations}
        objectives={objectives}
        countries={countries}
        onSave={onSave}
      />,
    );
    const c = view.container;
    expect(c.querySelector('#plan-code')).toBeNull();
    await type(byLabel(c, 'Title'), 'XHN–Senegal plan (revised)');
    await click(byRole(c, 'button', 'Save changes'));
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({
      title: 'XHN–Senegal plan (revised)',
      ownerOrgIds: [MOD, SEN],
      goals: [{ code: 'G1', objectiveIds: [OBJ], partnerPriorityRefs: [0] }],
      contributions: [{ orgId: MOD, pledged: { amount: '100.00', currency: 'EUR' } }],
    });
  });

  it('shows Approve only when allowed, and asks a reason before closing', async () => {
    const onApprove = vi.fn(async () => {});
    const onTransition = vi.fn(async () => {});
    view = await mount(<PlanActions plan={detail} onApprove={onApprove} onTransition={onTransition} />);
    const c = view.container;
    await click(byRole(c, 'button', 'Approve version 2'));
    expect(onApprove).toHaveBeenCalledTimes(1);
    await click(byRole(c, 'button', 'Close the plan'));
    expect(onTransition).not.toHaveBeenCalled();
    await type(byLabel(c, 'Reason'), 'Replaced by the 2029 plan');
    await click(byRole(c, 'button', 'Confirm'));
    expect(onTransition).toHaveBeenCalledWith('closed', 'Replaced by the 2029 plan');
    view.unmount();
    view = await mount(
      <PlanActions
        plan={{ ...detail, can: { edit: false, approve: false, transitions: [] } }}
        onApprove={onApprove}
        onTransition={onTransition}
      />,
    );
    expect(view.container.querySelectorAll('button')).toHaveLength(0);
  });
});
