/**
 * Admin-1 crosswalk: `admin1_alias(country_iso3, alias_key, iso3166_2)` (EVALUATION.md §1.4).
 * The ISO 3166-2 names from `iso-3166` seed the table; `mappings/admin1-aliases.json` adds the
 * source spellings that normalisation alone does not match. Lookups are memoised per
 * (country, name) because sources repeat the same few hundred names millions of times.
 */
import { iso31661Alpha2ToAlpha3, iso31662 } from 'iso-3166';
import aliasTable from '../mappings/admin1-aliases.json' with { type: 'json' };

const DIACRITICS = /\p{M}+/gu;
const SPLIT = /[^\p{L}\p{N}]+/u;
const SUFFIXES = new Set(['province', 'prefecture', 'region', 'state', 'governorate']);

/**
 * `alias_key`: NFKD, diacritics and case removed, punctuation and spaces removed, and trailing
 * administrative suffix words dropped (`Ouaka province` → `ouaka`, `Ombella-M'Poko` → `ombellampoko`).
 */
export function admin1Key(name: string): string {
  const words = name.normalize('NFKD').replace(DIACRITICS, '').toLowerCase().split(SPLIT).filter(Boolean);
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1]!)) words.pop();
  return words.join('');
}

const TABLE = new Map<string, string>();
const ISO_CODES = new Set<string>();
for (const s of iso31662) {
  const a3 = (iso31661Alpha2ToAlpha3 as Record<string, string>)[s.code.slice(0, 2)];
  if (!a3) continue;
  ISO_CODES.add(s.code);
  const key = `${a3}|${admin1Key(s.name)}`;
  // First ISO name wins; a later duplicate (rare homonyms) needs an explicit alias.
  if (!TABLE.has(key)) TABLE.set(key, s.code);
}
for (const a of aliasTable.aliases) {
  if (!ISO_CODES.has(a.code)) throw new Error(`admin1-aliases.json: ${a.code} is not an ISO 3166-2 code`);
  TABLE.set(`${a.country}|${admin1Key(a.name)}`, a.code);
}

const memo = new Map<string, string | null>();

/** ISO 3166-2 code for a source admin-1 name, or null (→ `W_ADMIN1_UNMAPPED`). */
export function admin1Code(countryIso3: string, name: string): string | null {
  const m = `${countryIso3}|${name}`;
  let hit = memo.get(m);
  if (hit === undefined) {
    hit = TABLE.get(`${countryIso3}|${admin1Key(name)}`) ?? null;
    if (memo.size < 100_000) memo.set(m, hit);
  }
  return hit;
}

/** Rows for `admin1_alias` (ISO names plus explicit aliases). */
export function admin1AliasRows(): { countryIso3: string; aliasKey: string; iso3166_2: string }[] {
  return [...TABLE].map(([k, code]) => {
    const [countryIso3, aliasKey] = k.split('|') as [string, string];
    return { countryIso3, aliasKey, iso3166_2: code };
  });
}
