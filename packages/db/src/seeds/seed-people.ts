/**
 * Demo people (DOMAIN.md §2.2): key leaders and focal points of the scenario partners, with a
 * field-labelled contact (record_field, kind 'person'). Names are fictional; positions are the real
 * appointments of each defence establishment. One contact (KEN's Director of Military Intelligence)
 * is home-only under a record released to KEN, so the Kenyan liaison sees the person but not the
 * contact; one KEN person is home-only altogether, so the liaison does not see the person at all.
 */
import { sql } from 'drizzle-orm';
import { person, recordField } from '../schema/index';
import type { Tx } from '../runtime/scope';
import { official, restricted } from './scenarios/helpers';
import type { LabelSpec } from './types';

interface SeedPerson {
  partnerIso3: string;
  name: string;
  rank?: string;
  position: string;
  orgCode: string;
  nationality: string;
  languages: string[];
  focalPoint?: boolean;
  label: LabelSpec;
  contact?: { value: string; label: LabelSpec };
}

export const DEMO_PEOPLE: readonly SeedPerson[] = [
  {
    partnerIso3: 'KEN',
    name: 'Peter Kamau Mwangi',
    rank: 'General',
    position: 'Chief of Defence Forces',
    orgCode: 'KEN-MOD',
    nationality: 'KEN',
    languages: ['English', 'Kiswahili'],
    label: official('KEN'),
    contact: {
      value: 'Office of the CDF, Defence Headquarters, Ulinzi House, Nairobi',
      label: official('KEN'),
    },
  },
  {
    partnerIso3: 'KEN',
    name: 'Grace Achieng Odhiambo',
    rank: 'Rear Admiral',
    position: 'Commander, Kenya Navy',
    orgCode: 'KEN-NAVY',
    nationality: 'KEN',
    languages: ['English', 'Kiswahili'],
    label: official('KEN'),
  },
  {
    partnerIso3: 'KEN',
    name: 'Joseph Kiptoo Rono',
    rank: 'Major General',
    position: 'Director of Military Intelligence',
    orgCode: 'KEN-MOD',
    nationality: 'KEN',
    languages: ['English', 'Kiswahili', 'Somali'],
    label: restricted('KEN'),
    contact: {
      value: 'Direct line via the defence attaché only; personal mobile held by XHN-DEFINT',
      label: restricted(),
    },
  },
  {
    partnerIso3: 'KEN',
    name: 'Daniel Otieno',
    rank: 'Major',
    position: 'Liaison officer to the home ministry (partner focal point)',
    orgCode: 'KEN-MOD',
    nationality: 'KEN',
    languages: ['English', 'Kiswahili'],
    focalPoint: true,
    label: official('KEN'),
    contact: { value: 'daniel.otieno@mod.go.ke.example · +254 700 000 101', label: official('KEN') },
  },
  {
    partnerIso3: 'KEN',
    name: 'Helen Marsh',
    rank: 'Lieutenant Colonel',
    position: 'Defence attaché, Nairobi (home focal point for Kenya)',
    orgCode: 'XHN-SECCOOP',
    nationality: 'XHN',
    languages: ['English', 'Kiswahili'],
    focalPoint: true,
    label: official('KEN'),
    contact: { value: 'Embassy defence section, Nairobi · +254 700 000 202', label: official('KEN') },
  },
  {
    partnerIso3: 'KEN',
    name: 'Samuel Kiprotich Langat',
    rank: 'Brigadier',
    position: 'Commander, Kenya Army Rangers Strike Force (leadership assessment in progress)',
    orgCode: 'KEN-MOD',
    nationality: 'KEN',
    languages: ['English', 'Kiswahili'],
    label: restricted(),
  },
  {
    partnerIso3: 'SEN',
    name: 'Mamadou Lamine Diop',
    rank: 'Général de corps d’armée',
    position: 'Chief of General Staff of the Armed Forces (CEMGA)',
    orgCode: 'SEN-MOD',
    nationality: 'SEN',
    languages: ['French', 'Wolof'],
    label: official('SEN'),
  },
  {
    partnerIso3: 'SEN',
    name: 'Aïssatou Fall',
    rank: 'Colonel',
    position: 'Commander, special forces counter-terrorism unit',
    orgCode: 'SEN-CTUNIT',
    nationality: 'SEN',
    languages: ['French', 'Wolof', 'English'],
    label: restricted('SEN'),
  },
  {
    partnerIso3: 'SEN',
    name: 'Ibrahima Sow',
    rank: 'Commandant',
    position: 'Liaison officer for security cooperation (partner focal point)',
    orgCode: 'SEN-MOD',
    nationality: 'SEN',
    languages: ['French', 'Wolof', 'English'],
    focalPoint: true,
    label: official('SEN'),
    contact: { value: 'ibrahima.sow@forcesarmees.sn.example · +221 77 000 0303', label: official('SEN') },
  },
  {
    partnerIso3: 'FRA',
    name: 'Antoine Lefèvre',
    rank: 'Colonel',
    position: 'Head of the Africa bureau, Armed Forces General Staff (partner focal point)',
    orgCode: 'FRA-MOD',
    nationality: 'FRA',
    languages: ['French', 'English'],
    focalPoint: true,
    label: official('FRA'),
    contact: { value: 'EMA / bureau Afrique, Balard, Paris', label: official('FRA') },
  },
  {
    partnerIso3: 'MDA',
    name: 'Andrei Ciobanu',
    rank: 'Brigadier General',
    position: 'Chief of the General Staff, National Army',
    orgCode: 'MDA-NAU',
    nationality: 'MDA',
    languages: ['Romanian', 'English', 'Russian'],
    label: official('MDA'),
  },
  {
    partnerIso3: 'MDA',
    name: 'Elena Munteanu',
    rank: 'Lieutenant Colonel',
    position: 'Head of the MoD computer emergency response team (partner focal point)',
    orgCode: 'MDA-CERT',
    nationality: 'MDA',
    languages: ['Romanian', 'English'],
    focalPoint: true,
    label: official('MDA'),
    contact: { value: 'cert-mil@army.md.example · +373 22 000 404', label: official('MDA') },
  },
];

/** Insert the demo people of the partners that were seeded, owned by the security-cooperation directorate. */
export async function seedPeople(
  tx: Tx,
  partnerIso3s: readonly string[],
  label: (s: LabelSpec) => Promise<string>,
): Promise<number> {
  const r = await tx.execute<{ id: string; code: string }>(sql`SELECT id, code FROM organisation`);
  const orgs = new Map(r.rows.map((x) => [x.code, x.id]));
  const all = (await tx.execute<{ id: string }>(sql`SELECT id FROM community WHERE code = 'all'`)).rows[0]
    ?.id;
  const owner = orgs.get('XHN-SECCOOP');
  if (!all || !owner) throw new Error('seed: no community all or organisation XHN-SECCOOP');
  let n = 0;
  for (const p of DEMO_PEOPLE.filter((x) => partnerIso3s.includes(x.partnerIso3))) {
    const org = orgs.get(p.orgCode);
    if (!org) throw new Error(`seed: unknown organisation '${p.orgCode}'`);
    const ministry = orgs.get(`${p.partnerIso3}-MOD`);
    const row = await tx
      .insert(person)
      .values({
        partnerIso3: p.partnerIso3,
        name: p.name,
        rank: p.rank ?? null,
        position: p.position,
        orgId: org,
        nationality: p.nationality,
        languages: p.languages,
        focalPoint: p.focalPoint ?? false,
        labelId: await label(p.label),
        communityId: all,
        partyOrgIds: [...new Set([owner, org, ...(ministry ? [ministry] : [])])],
        ownerOrgId: owner,
      })
      .returning({ id: person.id });
    if (p.contact)
      await tx.insert(recordField).values({
        recordKind: 'person',
        recordId: (row[0] as { id: string }).id,
        field: 'contact',
        labelId: await label(p.contact.label),
        value: p.contact.value,
      });
    n++;
  }
  return n;
}
