import worldCountries from 'world-countries';
import { describe, expect, it } from 'vitest';
import {
  COUNTRIES,
  FUNDING_SOURCES,
  HOME_NATION_ISO3,
  REFERENCE_MEMBERSHIPS,
  REFERENCE_ORGANISATIONS,
  countryByIso3,
  findMembershipConflicts,
  fundingSourceByCode,
  isMemberOn,
  membersOn,
  membershipOn,
  organisationsOf,
  type ReferenceMembership,
} from './index';

const HTTPS = /^https:\/\/[^\s/]+\.[^\s/]+(\/\S*)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const duplicates = (values: readonly string[]) => values.filter((v, i) => values.indexOf(v) !== i);

describe('countries', () => {
  it('has every world-countries entry plus XHN, with unique iso3 codes', () => {
    expect(worldCountries).toHaveLength(250);
    expect(COUNTRIES).toHaveLength(251);
    expect(duplicates(COUNTRIES.map((c) => c.iso3))).toEqual([]);
    for (const c of worldCountries) expect(countryByIso3(c.cca3)?.name).toBe(c.name.common);
  });

  it('has the fictional home nation in the North Sea', () => {
    const xhn = countryByIso3(HOME_NATION_ISO3);
    expect(xhn).toMatchObject({
      iso3: 'XHN',
      region: 'Europe',
      subregion: 'Western Europe',
      fictional: true,
    });
    expect(COUNTRIES.filter((c) => c.fictional)).toHaveLength(1);
    expect(countryByIso3('xhn')).toBe(xhn);
    expect(countryByIso3('ZZZ')).toBeUndefined();
  });

  it('has finite coordinates and a name for every country', () => {
    for (const c of COUNTRIES) {
      expect(c.iso3).toMatch(/^[A-Z]{3}$/);
      expect(c.name.length).toBeGreaterThan(0);
      expect(Number.isFinite(c.lat) && Math.abs(c.lat) <= 90).toBe(true);
      expect(Number.isFinite(c.lon) && Math.abs(c.lon) <= 180).toBe(true);
    }
  });

  it('flags exactly the 193 UN Member States plus XHN, consistent with the UN membership rows', () => {
    expect(countryByIso3('VAT')?.unMember).toBe(false); // corrected erratum: Holy See is an observer
    const flagged = COUNTRIES.filter((c) => c.unMember)
      .map((c) => c.iso3)
      .sort();
    expect(flagged).toHaveLength(194);
    expect(flagged).toEqual(membersOn('UN', '2025-06-01'));
  });
});

describe('organisations', () => {
  const codes = REFERENCE_ORGANISATIONS.map((o) => o.code);

  it('has unique, uppercase, stable codes including every code scenarios rely on', () => {
    expect(duplicates(codes)).toEqual([]);
    for (const code of codes) expect(code).toMatch(/^[A-Z0-9]+(-[A-Z0-9]+)*$/);
    const required = [
      'NATO',
      'EU',
      'UN',
      'AU',
      'ASEAN',
      'ECOWAS',
      'GCC',
      'CMF',
      'MINUSCA',
      'EUNAVFOR-ATALANTA',
      'NATO-OCEAN-SHIELD',
      'NATO-RSM',
      'CGPCS',
      'G5-SAHEL',
      'ACCRA-INIT',
      'IMO',
      'IMO-DCOC',
      'EUTM-RCA',
      'EUFOR-RCA',
      'EUCAP-SOMALIA',
      'EUTM-MALI',
      'MINUSMA',
      'MISCA',
      'UNSOM',
      'ECCAS',
      'SADC',
      'IGAD',
      'OSCE',
    ];
    expect(required.filter((c) => !codes.includes(c))).toEqual([]);
  });

  it('has an https source, ISO dates and a known parent on every row', () => {
    for (const o of REFERENCE_ORGANISATIONS) {
      expect(o.sourceUrl, o.code).toMatch(HTTPS);
      expect(o.foundedOn, o.code).toMatch(ISO_DATE);
      if (o.endedOn !== undefined) expect(o.endedOn > o.foundedOn, o.code).toBe(true);
      if (o.parentCode !== undefined) {
        expect(codes, o.code).toContain(o.parentCode);
        expect(o.parentCode).not.toBe(o.code);
      }
    }
  });

  it('pins founding dates and parents from DOMAIN.md', () => {
    const by = (code: string) => REFERENCE_ORGANISATIONS.find((o) => o.code === code);
    expect(by('NATO')?.foundedOn).toBe('1949-04-04');
    expect(by('EU')?.foundedOn).toBe('1993-11-01');
    expect(by('AU')?.foundedOn).toBe('2002-07-09');
    expect(by('ASEAN')?.foundedOn).toBe('1967-08-08');
    expect(by('UN')?.foundedOn).toBe('1945-10-24');
    expect(by('ECOWAS')?.foundedOn).toBe('1975-05-28');
    expect(by('GCC')?.foundedOn).toBe('1981-05-25');
    expect(by('MINUSCA')).toMatchObject({ parentCode: 'UN', foundedOn: '2014-04-10' });
    expect(by('IMO-DCOC')).toMatchObject({ parentCode: 'IMO', foundedOn: '2009-01-29' });
    expect(by('EUNAVFOR-ATALANTA')).toMatchObject({ parentCode: 'EU', foundedOn: '2008-12-08' });
    expect(by('NATO-OCEAN-SHIELD')?.parentCode).toBe('NATO');
    expect(by('NATO-RSM')?.parentCode).toBe('NATO');
    expect(by('MISCA')?.parentCode).toBe('AU');
    expect(by('CGPCS')?.foundedOn).toBe('2009-01-14');
    expect(by('G5-SAHEL')?.foundedOn).toBe('2014-02-16');
  });
});

describe('memberships', () => {
  const orgCodes = new Set(REFERENCE_ORGANISATIONS.map((o) => o.code));

  it('refers only to known organisations and countries', () => {
    expect(REFERENCE_MEMBERSHIPS.filter((r) => !orgCodes.has(r.orgCode))).toEqual([]);
    expect(REFERENCE_MEMBERSHIPS.filter((r) => countryByIso3(r.memberIso3)?.iso3 !== r.memberIso3)).toEqual(
      [],
    );
  });

  it('has an https sourceUrl and ISO dates on every row', () => {
    for (const r of REFERENCE_MEMBERSHIPS) {
      expect(r.sourceUrl, `${r.orgCode}/${r.memberIso3}`).toMatch(HTTPS);
      expect(r.from).toMatch(ISO_DATE);
      if (r.to !== undefined) expect(r.to).toMatch(ISO_DATE);
    }
  });

  it('never overlaps intervals for the same (org, member)', () => {
    expect(findMembershipConflicts(REFERENCE_MEMBERSHIPS)).toEqual([]);
  });

  it('detects overlaps and empty intervals', () => {
    const base = { orgCode: 'NATO', memberIso3: 'FIN', sourceUrl: 'https://x.example/' } as const;
    const bad: ReferenceMembership[] = [
      { ...base, status: 'member', from: '2020-01-01' },
      { ...base, status: 'suspended', from: '2021-01-01', to: '2022-01-01' },
      { ...base, memberIso3: 'SWE', status: 'member', from: '2022-01-01', to: '2022-01-01' },
    ];
    expect(findMembershipConflicts(bad)).toHaveLength(2);
  });

  it('pins current-member counts on 2025-06-01', () => {
    const on = '2025-06-01';
    const counts = Object.fromEntries(
      ['NATO', 'EU', 'UN', 'AU', 'ECOWAS', 'GCC', 'ASEAN', 'CMF'].map((org) => [
        org,
        membersOn(org, on).length,
      ]),
    );
    expect(counts).toEqual({ NATO: 33, EU: 28, UN: 194, AU: 50, ECOWAS: 12, GCC: 6, ASEAN: 10, CMF: 46 });
    expect(membersOn('AU', on, REFERENCE_MEMBERSHIPS, 'suspended')).toEqual([
      'BFA',
      'GIN',
      'MLI',
      'NER',
      'SDN',
    ]);
  });

  it('counts each founding/accession wave correctly', () => {
    expect(membersOn('NATO', '1949-04-04')).toHaveLength(13); // 12 founders + XHN
    expect(membersOn('EU', '2020-01-31')).toHaveLength(29); // 28 + XHN, the UK's last day
    expect(membersOn('EU', '2020-02-01')).toHaveLength(28);
    expect(membersOn('UN', '1945-10-24').length).toBeLessThan(51); // several originals ratified later
    // 51 original Members, less Czechoslovakia and Yugoslavia (recorded as CZE 1993 and SRB 2000), + XHN
    expect(membersOn('UN', '1945-12-31')).toHaveLength(50);
    expect(membersOn('AU', '2002-07-09')).toHaveLength(53);
    expect(membersOn('AU', '2002-07-09')).toContain('ESH');
    expect(membersOn('GCC', '1981-05-24')).toEqual([]);
  });

  it('counts today’s membership, not a list literal (ACCESS.md §3 step 4)', () => {
    expect(isMemberOn('NATO', 'FIN', '2023-04-03')).toBe(false);
    expect(isMemberOn('NATO', 'FIN', '2023-04-04')).toBe(true);
    expect(isMemberOn('NATO', 'SWE', '2024-03-07')).toBe(true);
    expect(isMemberOn('EU', 'HRV', '2013-07-01')).toBe(true);
    expect(membershipOn('EU', 'HRV', '2013-06-30')?.status).toBe('candidate');
    expect(isMemberOn('EU', 'GBR', '2020-01-31')).toBe(true);
    expect(isMemberOn('EU', 'GBR', '2020-02-01')).toBe(false);
    expect(isMemberOn('ECOWAS', 'MLI', '2024-06-01')).toBe(true);
    expect(isMemberOn('ECOWAS', 'MLI', '2025-06-01')).toBe(false);
    for (const iso3 of ['MLI', 'BFA', 'NER']) {
      expect(isMemberOn('ECOWAS', iso3, '2025-01-28')).toBe(true);
      expect(membershipOn('ECOWAS', iso3, '2025-01-29')).toBeUndefined();
    }
    expect(isMemberOn('ECOWAS', 'MRT', '1999-06-01')).toBe(true);
    expect(isMemberOn('ECOWAS', 'MRT', '2010-06-01')).toBe(false);
  });

  it('models AU suspensions as intervals that split membership', () => {
    expect(membershipOn('AU', 'MLI', '2020-09-01')?.status).toBe('suspended');
    expect(membershipOn('AU', 'MLI', '2021-01-01')?.status).toBe('member');
    expect(membershipOn('AU', 'MLI', '2021-06-01')?.status).toBe('suspended');
    expect(membershipOn('AU', 'CAF', '2014-01-01')?.status).toBe('suspended');
    expect(isMemberOn('AU', 'CAF', '2016-04-06')).toBe(true);
    expect(isMemberOn('AU', 'GAB', '2024-06-01')).toBe(false);
    expect(isMemberOn('AU', 'GAB', '2025-04-30')).toBe(true);
    expect(isMemberOn('AU', 'MAR', '2017-01-29')).toBe(false);
    expect(isMemberOn('AU', 'MAR', '2017-01-30')).toBe(true);
    expect(
      REFERENCE_MEMBERSHIPS.filter((r) => r.orgCode === 'AU' && r.status === 'suspended').every(
        (r) => r.from > '2002-07-09',
      ),
    ).toBe(true);
  });

  it('admits Timor-Leste to ASEAN as its 11th member on 2025-10-26', () => {
    expect(membershipOn('ASEAN', 'TLS', '2025-06-01')?.status).toBe('observer');
    expect(membersOn('ASEAN', '2025-10-26')).toHaveLength(11);
  });

  it('places XHN in NATO, the EU, the UN and CMF', () => {
    expect(organisationsOf('XHN', '2025-06-01')).toEqual(['CMF', 'EU', 'NATO', 'UN']);
    expect(organisationsOf('XHN', '2009-01-07')).toEqual(['EU', 'NATO', 'UN']);
  });

  it('rejects malformed dates instead of answering', () => {
    expect(() => membersOn('NATO', '2025-6-1')).toThrow(RangeError);
    expect(() => membershipOn('NATO', 'FIN', 'today')).toThrow(RangeError);
  });
});

describe('funding sources', () => {
  it('has the codes engagements use, unique, with a legal authority each', () => {
    const codes = FUNDING_SOURCES.map((f) => f.code);
    expect(duplicates(codes)).toEqual([]);
    for (const code of [
      'XHN-DEF-BUDGET',
      'XHN-MFA-PEACE',
      'NATO-TF',
      'EU-EPF',
      'EU-APF',
      'UN-TF',
      'PARTNER-COFUND',
    ]) {
      expect(codes).toContain(code);
    }
    for (const f of FUNDING_SOURCES) {
      expect(f.legalAuthority.length).toBeGreaterThan(0);
      if (f.validFrom !== undefined && f.expiry !== undefined) expect(f.validFrom < f.expiry).toBe(true);
    }
    expect(fundingSourceByCode('EU-EPF')?.validFrom).toBe('2021-03-22');
    expect(fundingSourceByCode('EU-APF')?.expiry).toBe('2021-03-21');
  });
});
