/**
 * Funding sources an engagement's cost is charged to (SeedEngagement.fundingSourceCode).
 * The XHN sources are fictional; the others name real instruments. `validFrom`/`expiry` are ISO
 * dates: the first day the source can fund, and the last (absent = open-ended).
 */

export interface FundingSource {
  code: string;
  name: string;
  legalAuthority: string;
  validFrom?: string;
  expiry?: string;
}

export const FUNDING_SOURCES: readonly FundingSource[] = [
  {
    code: 'XHN-DEF-BUDGET',
    name: 'Home Nation defence budget – security cooperation line',
    legalAuthority: 'Annual Defence Appropriation Act, security cooperation budget line (fictional)',
  },
  {
    code: 'XHN-MFA-PEACE',
    name: 'Home Nation Ministry of Foreign Affairs – Peace and Stability Fund',
    legalAuthority: 'Foreign Affairs Appropriation Act, Peace and Stability Fund (fictional)',
  },
  {
    code: 'XHN-MOD-OPS',
    name: 'Home Nation defence budget – operations and missions line',
    legalAuthority: 'Annual Defence Appropriation Act, operations and missions budget line (fictional)',
  },
  {
    code: 'NATO-TF',
    name: 'NATO trust funds (Defence and Related Security Capacity Building Initiative)',
    legalAuthority:
      'NATO Defence and Related Security Capacity Building (DCB) Initiative, Wales Summit Declaration (2014); NATO trust fund arrangements with the lead nations',
  },
  {
    code: 'EU-APF',
    name: 'African Peace Facility',
    legalAuthority:
      'Decision No 3/2003 of the ACP-EC Council of Ministers, financed from the European Development Fund',
    validFrom: '2004-01-01', // operational in 2004 (approximate day)
    expiry: '2021-03-21', // replaced by the European Peace Facility
  },
  {
    code: 'EU-EPF',
    name: 'European Peace Facility',
    legalAuthority:
      'Council Decision (CFSP) 2021/509 of 22 March 2021 establishing a European Peace Facility',
    validFrom: '2021-03-22',
  },
  {
    code: 'EU-ICSP',
    name: 'Instrument contributing to Stability and Peace',
    legalAuthority: 'Regulation (EU) No 230/2014 of the European Parliament and of the Council',
    validFrom: '2014-01-01', // the Regulation applies from 1 January 2014 to 31 December 2020
    expiry: '2020-12-31', // then folded into NDICI–Global Europe
  },
  {
    code: 'UN-TF',
    name: 'United Nations trust fund',
    legalAuthority:
      'Financial Regulations and Rules of the United Nations (ST/SGB/2013/4), trust fund terms of reference',
  },
  {
    code: 'PARTNER-COFUND',
    name: 'Partner co-funding',
    legalAuthority: 'Cost-sharing provisions of the bilateral agreement or arrangement with the partner',
  },
];

const BY_CODE: ReadonlyMap<string, FundingSource> = new Map(FUNDING_SOURCES.map((f) => [f.code, f]));

/** The funding source with this code, or undefined. */
export function fundingSourceByCode(code: string): FundingSource | undefined {
  return BY_CODE.get(code);
}
