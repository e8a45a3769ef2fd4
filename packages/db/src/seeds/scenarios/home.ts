/**
 * The home nation's ministry (XHN, a fictional NATO, EU and UN member) and the national
 * objective roots that every reference scenario hangs its regional, functional and partner
 * objectives under.
 */
import type { SeedObjective, SeedOrganisation } from '../types';

const unit = (code: string, name: string, acronym: string): SeedOrganisation => ({
  code,
  name,
  acronym,
  kind: 'ministry_unit',
  iso3: 'XHN',
  parentCode: 'XHN-MOD',
});

export const HOME_ORGANISATIONS: SeedOrganisation[] = [
  { code: 'XHN-MOD', name: 'Ministry of Defence', acronym: 'MOD', kind: 'ministry_unit', iso3: 'XHN', foundedOn: '1949-06-01' },
  unit('XHN-SECCOOP', 'Security Cooperation Directorate', 'SCD'),
  unit('XHN-NAVY', 'Navy Command', 'NAVY'),
  unit('XHN-ARMY', 'Army Command', 'ARMY'),
  unit('XHN-AIRFORCE', 'Air Force Command', 'AF'),
  unit('XHN-CYBERCOM', 'Cyber Command', 'CYBERCOM'),
  unit('XHN-DEFINT', 'Defence Intelligence', 'DI'),
  unit('XHN-SOF', 'Special Operations Forces Command', 'SOFCOM'),
  unit('XHN-STAFFCOLLEGE', 'Joint Staff College', 'JSC'),
  unit('XHN-ENGINEERS', 'Engineer Corps', 'ENG'),
  unit('XHN-LOGCOM', 'Joint Logistics Command', 'JLC'),
  unit('XHN-POLICY', 'Defence Policy Directorate', 'DPD'),
];

export const NATIONAL_OBJECTIVES: SeedObjective[] = [
  {
    code: 'SO-1',
    title: 'Stability and peacekeeping',
    description:
      'Contribute to international peace and security by supporting UN, EU, NATO and AU stabilisation and peacekeeping efforts in fragile regions that affect the security of XHN and its allies, including the protection of civilians and support to political settlements.',
    level: 'national',
    priority: 1,
    threatFocus: ['instability', 'conflict'],
    regionCodes: ['AFRICA', 'CENTRAL-ASIA', 'MIDDLE-EAST'],
    validFrom: '2008-01-01',
    status: 'active',
  },
  {
    code: 'SO-2',
    title: 'Countering transnational threats',
    description:
      'Reduce the threat to XHN citizens, shipping and infrastructure from terrorism, piracy, trafficking, organised crime and cyberattacks, working with allies and partners closest to the source of the threat.',
    level: 'national',
    priority: 1,
    threatFocus: ['terrorism', 'piracy', 'trafficking', 'cyber'],
    regionCodes: ['AFRICA', 'WESTERN-INDIAN-OCEAN', 'EUROPE-EAST', 'GLOBAL'],
    validFrom: '2008-01-01',
    status: 'active',
  },
  {
    code: 'SO-3',
    title: "Strengthening partners' defensive capabilities",
    description:
      'Help partner states build defence and security institutions and forces that are capable, accountable, under civilian control and sustainable without permanent external support.',
    level: 'national',
    priority: 2,
    threatFocus: ['partner_capability'],
    regionCodes: ['AFRICA', 'CENTRAL-ASIA', 'EUROPE-EAST'],
    validFrom: '2008-01-01',
    status: 'active',
  },
];
