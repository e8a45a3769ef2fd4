/**
 * Demo due items (DOMAIN.md §3.4) for each scenario, in every state the Due items page and the
 * dashboard show: open and due soon, due today, overdue, escalated (14+ days overdue), submitted on
 * time, submitted late and waived. Dates are offsets in days from the day the demo is seeded, so the
 * states hold on first start; the same seed day always gives the same rows.
 */
import type { SeedDueItem } from '../types';

export const SCENARIO_DUE_ITEMS: Readonly<Record<string, readonly SeedDueItem[]>> = {
  'counter-piracy-hoa': [
    {
      kind: 'review',
      subject: { kind: 'agreement', code: 'AGR-KEN-DCA' },
      title: 'Annual review of the XHN–Kenya defence cooperation agreement',
      ownerOrgCode: 'XHN-SECCOOP',
      dueIn: 4,
      outcome: { state: 'open' },
    },
    {
      kind: 'renewal',
      subject: { kind: 'agreement', code: 'AGR-DJI-SOFA' },
      title: 'Open renewal talks on the status-of-forces agreement with Djibouti',
      ownerOrgCode: 'XHN-SECCOOP',
      dueIn: 60,
      outcome: { state: 'open' },
    },
    {
      kind: 'closure',
      subject: { kind: 'engagement', code: 'HOA-ST-2013-KEN' },
      title: 'Close HOA-ST-2013-KEN: agreed minutes and outcome summary',
      ownerOrgCode: 'XHN-SECCOOP',
      dueIn: -40,
      outcome: { state: 'submitted', daysAfterDue: 7 },
    },
    {
      kind: 'closure',
      subject: { kind: 'engagement', code: 'HOA-OV-2013-KEN' },
      title: 'Close HOA-OV-2013-KEN: visit report',
      ownerOrgCode: 'XHN-NAVY',
      dueIn: -180,
      outcome: { state: 'submitted', daysAfterDue: -5 },
    },
  ],
  'ct-west-africa': [
    {
      kind: 'review',
      subject: { kind: 'agreement', code: 'WA-AGR-SOFA-NER' },
      title: 'Review the suspension of WA-AGR-SOFA-NER after the July 2023 coup',
      ownerOrgCode: 'XHN-SECCOOP',
      dueIn: -21,
      outcome: { state: 'open' },
    },
    {
      kind: 'review',
      subject: { kind: 'agreement', code: 'WA-AGR-EUU-NER' },
      title: 'Review the suspension of WA-AGR-EUU-NER: whereabouts of the counter-IED kits',
      ownerOrgCode: 'XHN-SECCOOP',
      dueIn: -9,
      outcome: { state: 'open' },
    },
    {
      kind: 'renewal',
      subject: { kind: 'agreement', code: 'WA-AGR-TA-GHA' },
      title: 'Renew WA-AGR-TA-GHA: training teams in Ghana',
      ownerOrgCode: 'XHN-SECCOOP',
      dueIn: 2,
      outcome: { state: 'open' },
    },
    {
      kind: 'closure',
      subject: { kind: 'engagement', code: 'WA-JE-2025-FLINTLOCK' },
      title: 'Close WA-JE-2025-FLINTLOCK: after-action report',
      ownerOrgCode: 'XHN-SOF',
      dueIn: -150,
      outcome: { state: 'submitted', daysAfterDue: -2 },
    },
    {
      kind: 'closure',
      subject: { kind: 'engagement', code: 'WA-JE-2023-FLINTLOCK' },
      title: 'Close WA-JE-2023-FLINTLOCK: after-action report',
      ownerOrgCode: 'XHN-SOF',
      dueIn: -400,
      outcome: {
        state: 'waived',
        reason: 'Folded into the combined Flintlock 2022–2023 lessons report agreed with the partner.',
      },
    },
  ],
  'alliance-train-advise-assist': [
    {
      kind: 'inventory',
      subject: { kind: 'agreement', code: 'AF-AGR-EUU' },
      title: 'End-use inventory: armoured ambulances and counter-IED kits donated to Afghanistan',
      ownerOrgCode: 'XHN-SECCOOP',
      dueIn: 0,
      outcome: { state: 'open' },
    },
    {
      kind: 'closure',
      subject: { kind: 'engagement', code: 'AF-MA-2018-ANATF' },
      title: 'Close AF-MA-2018-ANATF: contribution report to NATO',
      ownerOrgCode: 'XHN-SECCOOP',
      dueIn: -90,
      outcome: { state: 'submitted', daysAfterDue: 10 },
    },
    {
      kind: 'closure',
      subject: { kind: 'engagement', code: 'AF-ST-2020-VTC' },
      title: 'Close AF-ST-2020-VTC: staff talks record',
      ownerOrgCode: 'XHN-SECCOOP',
      dueIn: -1500,
      outcome: {
        state: 'waived',
        reason: 'Mission ended in August 2021; the talks record was transferred to the archive.',
      },
    },
  ],
  'pko-car': [
    {
      kind: 'renewal',
      subject: { kind: 'agreement', code: 'CF-AGR-MINUSCA-RENEWALS' },
      title: 'MINUSCA mandate renewal: confirm the XHN engineer contribution',
      ownerOrgCode: 'XHN-SECCOOP',
      dueIn: 6,
      outcome: { state: 'open' },
    },
    {
      kind: 'renewal',
      subject: { kind: 'agreement', code: 'CF-AGR-CAF-TA' },
      title: 'Renew CF-AGR-CAF-TA: technical arrangement with the Central African Republic',
      ownerOrgCode: 'XHN-SECCOOP',
      dueIn: -16,
      outcome: { state: 'open' },
    },
    {
      kind: 'review',
      subject: { kind: 'agreement', code: 'CF-AGR-DCA' },
      title: 'Review the XHN–CAR defence cooperation agreement',
      ownerOrgCode: 'XHN-SECCOOP',
      dueIn: 25,
      outcome: { state: 'open' },
    },
    {
      kind: 'closure',
      subject: { kind: 'engagement', code: 'CF-LOG-2022-PLANT' },
      title: 'Close CF-LOG-2022-PLANT: delivery and hand-over record',
      ownerOrgCode: 'XHN-LOGCOM',
      dueIn: -30,
      outcome: { state: 'submitted', daysAfterDue: -2 },
    },
  ],
  'cyber-partner': [
    {
      kind: 'closure',
      subject: { kind: 'engagement', code: 'CY-JE-2026-LS' },
      title: 'Close CY-JE-2026-LS: Locked Shields 2026 after-action report',
      ownerOrgCode: 'XHN-CYBERCOM',
      dueIn: 5,
      outcome: { state: 'open' },
    },
    {
      kind: 'review',
      subject: { kind: 'agreement', code: 'CY-AGR-MDA-SOIA' },
      title: 'Review the XHN–Moldova security of information agreement',
      ownerOrgCode: 'XHN-SECCOOP',
      dueIn: -4,
      outcome: { state: 'open' },
    },
    {
      kind: 'renewal',
      subject: { kind: 'agreement', code: 'CY-AGR-MDA-TA-SOC-2025' },
      title: 'Renew CY-AGR-MDA-TA-SOC-2025: SOC modernisation',
      ownerOrgCode: 'XHN-SECCOOP',
      dueIn: 120,
      outcome: { state: 'open' },
    },
    {
      kind: 'closure',
      subject: { kind: 'engagement', code: 'CY-JE-2025-LS' },
      title: 'Close CY-JE-2025-LS: Locked Shields 2025 after-action report',
      ownerOrgCode: 'XHN-CYBERCOM',
      dueIn: -200,
      outcome: { state: 'submitted', daysAfterDue: 0 },
    },
    {
      kind: 'renewal',
      subject: { kind: 'agreement', code: 'CY-AGR-MDA-TA-SOC-2020' },
      title: 'Renew CY-AGR-MDA-TA-SOC-2020: sensors and SOC',
      ownerOrgCode: 'XHN-SECCOOP',
      dueIn: -400,
      outcome: { state: 'waived', reason: 'Superseded by CY-AGR-MDA-TA-SOC-2025.' },
    },
  ],
};
