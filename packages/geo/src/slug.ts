/** Letters that NFKD does not decompose into ASCII, found in Natural Earth names (`Øresund`). */
const FOLD: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ł: 'l', þ: 'th', ı: 'i' };

/** Trims, collapses whitespace (the file has `Caribbean  Sea`) and case-folds. */
export function normaliseName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/**
 * Stable id fragment from a name (EVALUATION.md §2): case-folded, diacritics removed, every run of
 * other characters becomes one `-`. `Caribbean  Sea` → `caribbean-sea`, `Øresund` → `oresund`.
 */
export function slug(name: string): string {
  return normaliseName(name)
    .toLowerCase()
    .replace(/[øæœßđłþı]/g, (c) => FOLD[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
