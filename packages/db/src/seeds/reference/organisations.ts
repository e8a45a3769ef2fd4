/**
 * Reference organisations (DOMAIN.md §2.2): alliances, international and regional organisations,
 * standing forums, and missions/operations as children of their parent organisation.
 *
 * Dates are ISO `YYYY-MM-DD`. `foundedOn` is the founding instrument's date or, for a mission, the
 * date it was established or launched (noted per row). `endedOn` is the published end date (the
 * day a mission was terminated or handed over), set only for bodies that have closed. `sourceUrl`
 * is the organisation's official page.
 */

export type ReferenceOrgKind = 'alliance' | 'international_org' | 'regional_org';

export interface ReferenceOrganisation {
  code: string; // uppercase, stable: the key memberships and scenarios use
  name: string;
  acronym: string;
  kind: ReferenceOrgKind;
  foundedOn: string;
  sourceUrl: string;
  parentCode?: string;
  endedOn?: string;
}

export const REFERENCE_ORGANISATIONS: readonly ReferenceOrganisation[] = [
  // ── Alliances and coalitions ─────────────────────────────────────────────────────────────────
  {
    code: 'NATO',
    name: 'North Atlantic Treaty Organization',
    acronym: 'NATO',
    kind: 'alliance',
    foundedOn: '1949-04-04', // North Atlantic Treaty signed in Washington
    sourceUrl: 'https://www.nato.int/',
  },
  {
    code: 'NATO-OCEAN-SHIELD',
    name: 'Operation Ocean Shield (NATO counter-piracy operation off the Horn of Africa)',
    acronym: 'Ocean Shield',
    kind: 'alliance',
    foundedOn: '2009-08-17',
    endedOn: '2016-12-15', // terminated 15 December 2016
    parentCode: 'NATO',
    sourceUrl: 'https://www.nato.int/cps/en/natohq/topics_48815.htm',
  },
  {
    code: 'NATO-RSM',
    name: 'Resolute Support Mission (NATO train, advise and assist mission in Afghanistan)',
    acronym: 'RSM',
    kind: 'alliance',
    foundedOn: '2015-01-01',
    endedOn: '2021-09-01', // withdrawal completed 30 August 2021, terminated September 2021 (day approximate)
    parentCode: 'NATO',
    sourceUrl: 'https://www.nato.int/cps/en/natohq/topics_113694.htm',
  },
  {
    code: 'CMF',
    name: 'Combined Maritime Forces',
    acronym: 'CMF',
    kind: 'alliance',
    // CMF describes itself as "established in 2001"; the headquarters in Bahrain stood up in
    // early 2002. The day is not published: 2001-10-01 is an approximation.
    foundedOn: '2001-10-01',
    sourceUrl: 'https://combinedmaritimeforces.com/',
  },

  // ── United Nations family ────────────────────────────────────────────────────────────────────
  {
    code: 'UN',
    name: 'United Nations',
    acronym: 'UN',
    kind: 'international_org',
    foundedOn: '1945-10-24', // Charter entered into force
    sourceUrl: 'https://www.un.org/',
  },
  {
    code: 'MINUSCA',
    name: 'United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic',
    acronym: 'MINUSCA',
    kind: 'international_org',
    // Established by UNSC resolution 2149 (2014) on 10 April 2014; took over authority from
    // the AU-led MISCA on 15 September 2014.
    foundedOn: '2014-04-10',
    parentCode: 'UN',
    sourceUrl: 'https://peacekeeping.un.org/en/mission/minusca',
  },
  {
    code: 'MINUSMA',
    name: 'United Nations Multidimensional Integrated Stabilization Mission in Mali',
    acronym: 'MINUSMA',
    kind: 'international_org',
    // UNSC resolution 2100 (2013) of 25 April 2013; took over from AFISMA on 1 July 2013;
    // mandate terminated by resolution 2690 (2023), withdrawal completed 31 December 2023.
    foundedOn: '2013-04-25',
    endedOn: '2023-12-31',
    parentCode: 'UN',
    sourceUrl: 'https://peacekeeping.un.org/en/mission/minusma',
  },
  {
    code: 'UNSOM',
    name: 'United Nations Assistance Mission in Somalia',
    acronym: 'UNSOM',
    kind: 'international_org',
    // UNSC resolution 2102 (2013) of 2 May 2013, established 3 June 2013. Succeeded by the
    // UN Transitional Assistance Mission in Somalia (UNTMIS) from 31 October 2024 (res. 2753).
    foundedOn: '2013-06-03',
    endedOn: '2024-10-31',
    parentCode: 'UN',
    sourceUrl: 'https://unsom.unmissions.org/',
  },
  {
    code: 'IMO',
    name: 'International Maritime Organization',
    acronym: 'IMO',
    kind: 'international_org',
    // Convention adopted in Geneva on 6 March 1948; entered into force 17 March 1958.
    foundedOn: '1958-03-17',
    sourceUrl: 'https://www.imo.org/',
  },
  {
    code: 'IMO-DCOC',
    name: 'Djibouti Code of Conduct (Code of Conduct concerning the Repression of Piracy and Armed Robbery against Ships in the Western Indian Ocean and the Gulf of Aden)',
    acronym: 'DCoC',
    kind: 'international_org',
    foundedOn: '2009-01-29', // adopted in Djibouti under IMO auspices; Jeddah Amendment 12 January 2017
    parentCode: 'IMO',
    sourceUrl: 'https://www.imo.org/en/OurWork/Security/Pages/DCoC.aspx',
  },
  {
    code: 'CGPCS',
    name: 'Contact Group on Piracy off the Coast of Somalia',
    acronym: 'CGPCS',
    kind: 'international_org',
    foundedOn: '2009-01-14', // created in New York pursuant to UNSC resolution 1851 (2008)
    // No standing secretariat; this is the (archived) US State Department fact sheet.
    sourceUrl: 'https://2009-2017.state.gov/t/pm/rls/fs/2016/255175.htm',
  },

  // ── European Union and CSDP missions/operations ──────────────────────────────────────────────
  {
    code: 'EU',
    name: 'European Union',
    acronym: 'EU',
    kind: 'regional_org',
    foundedOn: '1993-11-01', // Maastricht Treaty entered into force
    sourceUrl: 'https://european-union.europa.eu/',
  },
  {
    code: 'EUNAVFOR-ATALANTA',
    name: 'European Union Naval Force Somalia – Operation Atalanta',
    acronym: 'EUNAVFOR Atalanta',
    kind: 'regional_org',
    foundedOn: '2008-12-08', // launched; Council Joint Action 2008/851/CFSP of 10 November 2008
    parentCode: 'EU',
    sourceUrl: 'https://eunavfor.eu/',
  },
  {
    code: 'EUCAP-SOMALIA',
    name: 'EU Capacity Building Mission in Somalia (EUCAP Nestor until 2016)',
    acronym: 'EUCAP Somalia',
    kind: 'regional_org',
    foundedOn: '2012-07-16', // Council Decision 2012/389/CFSP
    parentCode: 'EU',
    sourceUrl: 'https://www.eucap-som.eu/',
  },
  {
    code: 'EUFOR-RCA',
    name: 'EU military operation in the Central African Republic',
    acronym: 'EUFOR RCA',
    kind: 'regional_org',
    // Established by Council Decision 2014/73/CFSP (10 February 2014), launched 1 April 2014,
    // ended 15 March 2015 (succeeded by the advisory mission EUMAM RCA).
    foundedOn: '2014-04-01',
    endedOn: '2015-03-15',
    parentCode: 'EU',
    sourceUrl: 'https://eur-lex.europa.eu/eli/dec/2014/73/oj',
  },
  {
    code: 'EUTM-RCA',
    name: 'EU Training Mission in the Central African Republic',
    acronym: 'EUTM RCA',
    kind: 'regional_org',
    foundedOn: '2016-07-16', // launched; Council Decision (CFSP) 2016/610 of 19 April 2016
    parentCode: 'EU',
    sourceUrl: 'https://www.eeas.europa.eu/eutm-rca_en',
  },
  {
    code: 'EUTM-MALI',
    name: 'EU Training Mission in Mali',
    acronym: 'EUTM Mali',
    kind: 'regional_org',
    foundedOn: '2013-02-18', // launched; Council Decision 2013/34/CFSP of 17 January 2013
    endedOn: '2024-05-18', // mandate expired
    parentCode: 'EU',
    sourceUrl: 'https://www.eeas.europa.eu/eutm-mali_en',
  },

  // ── African organisations and AU-led missions ────────────────────────────────────────────────
  {
    code: 'AU',
    name: 'African Union',
    acronym: 'AU',
    kind: 'regional_org',
    foundedOn: '2002-07-09', // launched in Durban, succeeding the OAU (1963)
    sourceUrl: 'https://au.int/',
  },
  {
    code: 'MISCA',
    name: 'African-led International Support Mission to the Central African Republic',
    acronym: 'MISCA',
    kind: 'regional_org',
    // Took over from ECCAS's MICOPAX on 19 December 2013 (authorised by UNSC res. 2127);
    // handed over to MINUSCA on 15 September 2014.
    foundedOn: '2013-12-19',
    endedOn: '2014-09-15',
    parentCode: 'AU',
    sourceUrl: 'https://www.peaceau.org/en/',
  },
  {
    code: 'AMISOM',
    name: 'African Union Mission in Somalia',
    acronym: 'AMISOM',
    kind: 'regional_org',
    // Authorised by the PSC on 19 January 2007; reconfigured as ATMIS on 1 April 2022.
    foundedOn: '2007-01-19',
    endedOn: '2022-03-31',
    parentCode: 'AU',
    sourceUrl: 'https://www.peaceau.org/en/',
  },
  {
    code: 'ECOWAS',
    name: 'Economic Community of West African States',
    acronym: 'ECOWAS',
    kind: 'regional_org',
    foundedOn: '1975-05-28', // Treaty of Lagos
    sourceUrl: 'https://www.ecowas.int/',
  },
  {
    code: 'ECCAS',
    name: 'Economic Community of Central African States',
    acronym: 'ECCAS',
    kind: 'regional_org',
    foundedOn: '1983-10-18', // treaty signed in Libreville
    sourceUrl: 'https://ceeac-eccas.org/',
  },
  {
    code: 'SADC',
    name: 'Southern African Development Community',
    acronym: 'SADC',
    kind: 'regional_org',
    foundedOn: '1992-08-17', // SADC Treaty, Windhoek (succeeding SADCC, 1980)
    sourceUrl: 'https://www.sadc.int/',
  },
  {
    code: 'IGAD',
    name: 'Intergovernmental Authority on Development',
    acronym: 'IGAD',
    kind: 'regional_org',
    foundedOn: '1996-03-21', // agreement establishing IGAD (succeeding IGADD, 1986)
    sourceUrl: 'https://igad.int/',
  },
  {
    code: 'G5-SAHEL',
    name: 'G5 Sahel',
    acronym: 'G5 Sahel',
    kind: 'regional_org',
    // Created in Nouakchott on 16 February 2014. Mali left in 2022, Burkina Faso and Niger in
    // December 2023; the remaining members announced its dissolution on 6 December 2023.
    foundedOn: '2014-02-16',
    sourceUrl: 'https://www.g5sahel.org/',
  },
  {
    code: 'ACCRA-INIT',
    name: 'Accra Initiative',
    acronym: 'Accra Initiative',
    kind: 'regional_org',
    // Launched in Accra in September 2017 by Benin, Burkina Faso, Côte d'Ivoire, Ghana and Togo;
    // the day is not published (2017-09-01 is an approximation). It has no website of its own:
    // the source is a Togolese presidency page on an Accra Initiative summit.
    foundedOn: '2017-09-01',
    sourceUrl: 'https://presidence.gouv.tg/2019/02/22/le-togo-pour-une-synergie-daction-contre-linsecurite',
  },

  // ── Other regions ────────────────────────────────────────────────────────────────────────────
  {
    code: 'ASEAN',
    name: 'Association of Southeast Asian Nations',
    acronym: 'ASEAN',
    kind: 'regional_org',
    foundedOn: '1967-08-08', // Bangkok Declaration
    sourceUrl: 'https://asean.org/',
  },
  {
    code: 'GCC',
    name: 'Cooperation Council for the Arab States of the Gulf',
    acronym: 'GCC',
    kind: 'regional_org',
    foundedOn: '1981-05-25', // Charter signed in Abu Dhabi
    sourceUrl: 'https://www.gcc-sg.org/',
  },
  {
    code: 'OSCE',
    name: 'Organization for Security and Co-operation in Europe',
    acronym: 'OSCE',
    kind: 'regional_org',
    foundedOn: '1995-01-01', // CSCE (Helsinki Final Act, 1975) renamed OSCE
    sourceUrl: 'https://www.osce.org/',
  },
];

const BY_CODE: ReadonlyMap<string, ReferenceOrganisation> = new Map(
  REFERENCE_ORGANISATIONS.map((o) => [o.code, o]),
);

/** The reference organisation with this code, or undefined. */
export function organisationByCode(code: string): ReferenceOrganisation | undefined {
  return BY_CODE.get(code);
}
