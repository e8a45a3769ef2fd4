/** Demo users for every persona, including partner liaison officers of four nations. */
export interface SeedUser {
  username: string;
  displayName: string;
  persona: string;
  orgCode: string;
  nationality: string;
  partner: boolean;
  roles: string[];
  clearance: { level: string; compartments: string[] };
  /** Community codes; 'all' plus scenario communities. '*' means every community. */
  communities: string[];
  mfa: boolean;
}

/** The shared demo password (documented on the login page; change it in any real deployment). */
export const DEMO_PASSWORD = 'entente-demo-2026';

export const DEMO_USERS: SeedUser[] = [
  { username: 'desk.officer', displayName: 'Dana Reyes', persona: 'Country desk officer (East Africa)', orgCode: 'XHN-SECCOOP', nationality: 'XHN', partner: false, roles: ['viewer', 'planner'], clearance: { level: 'HUB-RESTRICTED', compartments: [] }, communities: ['*'], mfa: false },
  { username: 'planner', displayName: 'Sam Okafor', persona: 'Security cooperation planner', orgCode: 'XHN-SECCOOP', nationality: 'XHN', partner: false, roles: ['viewer', 'planner'], clearance: { level: 'HUB-RESTRICTED', compartments: [] }, communities: ['*'], mfa: false },
  { username: 'approver', displayName: 'Col. Alex Brandt', persona: 'Head of security cooperation (approver)', orgCode: 'XHN-SECCOOP', nationality: 'XHN', partner: false, roles: ['viewer', 'planner', 'approver', 'releasing_officer'], clearance: { level: 'HUB-CONFIDENTIAL', compartments: ['CT'] }, communities: ['*'], mfa: true },
  // The second releasing officer of XHN-SECCOOP (the demo engagements' originator): a downgrade needs two (ACCESS.md §3 step 7).
  { username: 'release.officer', displayName: 'Maj. Kim Sato', persona: 'Releasing officer (security cooperation)', orgCode: 'XHN-SECCOOP', nationality: 'XHN', partner: false, roles: ['viewer', 'releasing_officer'], clearance: { level: 'HUB-CONFIDENTIAL', compartments: [] }, communities: ['*'], mfa: true },
  { username: 'analyst', displayName: 'Dr. Mira Holm', persona: 'Assessment analyst', orgCode: 'XHN-POLICY', nationality: 'XHN', partner: false, roles: ['viewer', 'analyst', 'evaluator'], clearance: { level: 'HUB-SECRET', compartments: ['CT', 'CYBER', 'SOURCES'] }, communities: ['*'], mfa: true },
  { username: 'resources', displayName: 'Jo Lindqvist', persona: 'Programme and resource manager', orgCode: 'XHN-SECCOOP', nationality: 'XHN', partner: false, roles: ['viewer', 'planner'], clearance: { level: 'HUB-RESTRICTED', compartments: [] }, communities: ['*'], mfa: false },
  { username: 'intel.liaison', displayName: 'Cdr. Ruth Achterberg', persona: 'Intelligence liaison officer', orgCode: 'XHN-DEFINT', nationality: 'XHN', partner: false, roles: ['viewer', 'analyst', 'releasing_officer'], clearance: { level: 'HUB-SECRET', compartments: ['CT', 'CYBER', 'SOURCES'] }, communities: ['*'], mfa: true },
  { username: 'leader', displayName: 'Gen. Pat Morrow', persona: 'Leadership', orgCode: 'XHN-MOD', nationality: 'XHN', partner: false, roles: ['viewer'], clearance: { level: 'HUB-SECRET', compartments: ['CT', 'CYBER'] }, communities: ['*'], mfa: true },
  { username: 'admin', displayName: 'Lee Varga', persona: 'Administrator and security officer', orgCode: 'XHN-MOD', nationality: 'XHN', partner: false, roles: ['viewer', 'admin', 'security_officer', 'auditor'], clearance: { level: 'HUB-SECRET', compartments: ['CT', 'CYBER', 'SOURCES'] }, communities: ['*'], mfa: true },
  { username: 'fra.liaison', displayName: 'Lt-Col. Claire Dubois', persona: 'Partner liaison — France', orgCode: 'FRA-MOD', nationality: 'FRA', partner: true, roles: ['partner_reporter'], clearance: { level: 'HUB-CONFIDENTIAL', compartments: [] }, communities: ['*'], mfa: true },
  { username: 'sen.liaison', displayName: 'Cdt. Awa Ndiaye', persona: 'Partner liaison — Senegal', orgCode: 'SEN-MOD', nationality: 'SEN', partner: true, roles: ['partner_reporter'], clearance: { level: 'HUB-RESTRICTED', compartments: [] }, communities: ['*'], mfa: true },
  { username: 'ken.liaison', displayName: 'Maj. Daniel Otieno', persona: 'Partner liaison — Kenya', orgCode: 'KEN-MOD', nationality: 'KEN', partner: true, roles: ['partner_reporter'], clearance: { level: 'HUB-RESTRICTED', compartments: [] }, communities: ['*'], mfa: true },
  { username: 'mda.liaison', displayName: 'Cpt. Ion Rusu', persona: 'Partner liaison — Moldova', orgCode: 'MDA-MOD', nationality: 'MDA', partner: true, roles: ['partner_reporter'], clearance: { level: 'HUB-RESTRICTED', compartments: [] }, communities: ['*'], mfa: true },
  // Partner co-owners of cooperation plans: they approve plan versions for their ministry (DOMAIN.md §4.2).
  { username: 'fra.approver', displayName: 'Col. Hélène Marchal', persona: 'Partner plan co-owner — France (approves plan versions)', orgCode: 'FRA-MOD', nationality: 'FRA', partner: true, roles: ['partner_approver'], clearance: { level: 'HUB-RESTRICTED', compartments: [] }, communities: ['*'], mfa: true },
  { username: 'sen.approver', displayName: 'Col. Mamadou Sarr', persona: 'Partner plan co-owner — Senegal (approves plan versions)', orgCode: 'SEN-MOD', nationality: 'SEN', partner: true, roles: ['partner_approver'], clearance: { level: 'HUB-RESTRICTED', compartments: [] }, communities: ['*'], mfa: true },
];
