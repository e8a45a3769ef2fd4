/**
 * Reference countries: every entry of the `world-countries` package (250, none skipped) plus the
 * demo's fictional home nation `XHN` (ISO 3166 user-assigned code). Pure data, no IO.
 */
import worldCountries from 'world-countries/countries.json' with { type: 'json' };

export interface ReferenceCountry {
  iso3: string;
  name: string;
  officialName: string;
  region: string;
  /** '' where the source has none (the Antarctic territories). */
  subregion: string;
  lat: number;
  lon: number;
  unMember: boolean;
  /** Only on the demo's invented states. */
  fictional?: true;
}

export const HOME_NATION_ISO3 = 'XHN';

/**
 * Known errata in `world-countries` v5 for the UN flag. The Holy See is a non-member observer State
 * (https://www.un.org/en/about-us/non-member-states), not one of the 193 Member States.
 */
const UN_MEMBER_ERRATA: Readonly<Record<string, boolean>> = { VAT: false };

const HOME_NATION: ReferenceCountry = {
  iso3: HOME_NATION_ISO3,
  name: 'Home Nation',
  officialName: 'The Home Nation',
  region: 'Europe',
  subregion: 'Western Europe',
  lat: 56.5, // central North Sea: a fictional state needs a place on the map, not a real one
  lon: 3.0,
  unMember: true,
  fictional: true,
};

export const COUNTRIES: readonly ReferenceCountry[] = [
  ...worldCountries.map((c): ReferenceCountry => ({
    iso3: c.cca3,
    name: c.name.common,
    officialName: c.name.official,
    region: c.region,
    subregion: c.subregion ?? '',
    lat: c.latlng[0] ?? 0,
    lon: c.latlng[1] ?? 0,
    unMember: UN_MEMBER_ERRATA[c.cca3] ?? c.unMember,
  })),
  HOME_NATION,
].sort((a, b) => a.iso3.localeCompare(b.iso3));

const BY_ISO3: ReadonlyMap<string, ReferenceCountry> = new Map(COUNTRIES.map((c) => [c.iso3, c]));

/** The country with this ISO 3166-1 alpha-3 code (case-insensitive), or undefined. */
export function countryByIso3(iso3: string): ReferenceCountry | undefined {
  return BY_ISO3.get(iso3.trim().toUpperCase());
}
