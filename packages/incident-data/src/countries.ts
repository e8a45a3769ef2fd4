/**
 * Country crosswalk (EVALUATION.md §1.4): every source code becomes ISO 3166-1 alpha-3 (plus
 * the ISO 3166-3 former codes and the non-ISO `XKX`). ISO numeric and alpha-3 come from
 * `iso-3166`; Gleditsch–Ward and GTD come from reviewed hand-written tables in `mappings/`.
 * Lookups return null for an unknown code; the caller turns that into `E_COUNTRY_UNKNOWN`
 * (never a silent null).
 */
import { iso31661, iso31661Alpha2ToAlpha3, iso31661NumericToAlpha2, iso31663 } from 'iso-3166';
import gwTable from '../mappings/country-gleditsch-ward.json' with { type: 'json' };
import gtdTable from '../mappings/country-gtd.json' with { type: 'json' };
import special from '../mappings/country-special.json' with { type: 'json' };

export type CodeSystem = 'iso_alpha3' | 'iso_numeric' | 'gleditsch_ward' | 'gtd';

interface Bounded {
  iso3: string;
  from: string | null;
  to: string | null;
  note: string | null;
}

const FORMER = new Set(iso31663.map((e) => e.from.alpha3));
const ALPHA3 = new Set<string>(iso31661.map((e) => e.alpha3));
for (const c of special.formerCodes) {
  if (!FORMER.has(c)) throw new Error(`country-special.json: ${c} is not an ISO 3166-3 former code`);
  ALPHA3.add(c);
}
const NON_ISO = new Set(special.codes.filter((c) => c.nonIso).map((c) => c.iso3));
for (const c of special.codes) ALPHA3.add(c.iso3);

const GW = new Map<string, Bounded[]>();
for (const e of gwTable.entries as {
  code: string;
  iso3: string;
  validFrom?: string;
  validTo?: string;
  note?: string;
}[]) {
  if (!ALPHA3.has(e.iso3)) throw new Error(`country-gleditsch-ward.json: unknown alpha-3 ${e.iso3}`);
  const list = GW.get(e.code) ?? [];
  list.push({ iso3: e.iso3, from: e.validFrom ?? null, to: e.validTo ?? null, note: e.note ?? null });
  GW.set(e.code, list);
}

const GTD = new Map<string, { iso3: string; name: string }>();
for (const e of gtdTable.entries) {
  if (!ALPHA3.has(e.iso3)) throw new Error(`country-gtd.json: unknown alpha-3 ${e.iso3}`);
  GTD.set(e.code, { iso3: e.iso3, name: e.name });
}

/** True for a code accepted as `country_iso3` (assigned, former, or special). */
export function isKnownAlpha3(code: string): boolean {
  return ALPHA3.has(code);
}

/** `XKX` and any other user-assigned code the product accepts but ISO does not define. */
export function isNonIsoCountry(iso3: string): boolean {
  return NON_ISO.has(iso3);
}

/** ISO numeric, as an integer or a string: padded to three digits (`4` → `004`). */
export function isoNumericToAlpha3(code: string): string | null {
  const t = code.trim();
  if (!/^\d{1,3}$/.test(t)) return null;
  const a2 = (iso31661NumericToAlpha2 as Record<string, string>)[t.padStart(3, '0')];
  return a2 ? ((iso31661Alpha2ToAlpha3 as Record<string, string>)[a2] ?? null) : null;
}

/** Gleditsch–Ward code valid on `date` (`YYYY-MM-DD`; validFrom inclusive, validTo exclusive). */
export function gleditschWardToAlpha3(code: string, date: string): string | null {
  const list = GW.get(code.trim());
  if (!list) return null;
  for (const e of list)
    if ((e.from === null || date >= e.from) && (e.to === null || date < e.to)) return e.iso3;
  return null;
}

export function gtdCountry(code: string): { iso3: string; name: string } | null {
  return GTD.get(code.trim()) ?? null;
}

/** Rows for `country_code_xwalk(system, code, iso3, valid_from, valid_to, note)`. */
export function countryXwalkRows(): {
  system: CodeSystem;
  code: string;
  iso3: string;
  validFrom: string | null;
  validTo: string | null;
  note: string | null;
}[] {
  const rows: ReturnType<typeof countryXwalkRows> = [];
  for (const e of iso31661) {
    rows.push({
      system: 'iso_alpha3',
      code: e.alpha3,
      iso3: e.alpha3,
      validFrom: null,
      validTo: null,
      note: null,
    });
    rows.push({
      system: 'iso_numeric',
      code: e.numeric,
      iso3: e.alpha3,
      validFrom: null,
      validTo: null,
      note: null,
    });
  }
  for (const c of special.codes) {
    rows.push({
      system: 'iso_alpha3',
      code: c.iso3,
      iso3: c.iso3,
      validFrom: null,
      validTo: null,
      note: 'non-ISO',
    });
  }
  for (const [code, list] of GW) {
    for (const e of list)
      rows.push({
        system: 'gleditsch_ward',
        code,
        iso3: e.iso3,
        validFrom: e.from,
        validTo: e.to,
        note: e.note,
      });
  }
  for (const [code, e] of GTD)
    rows.push({ system: 'gtd', code, iso3: e.iso3, validFrom: null, validTo: null, note: e.name });
  return rows;
}
