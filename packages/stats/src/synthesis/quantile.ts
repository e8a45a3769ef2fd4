/**
 * Type-7 sample quantile (R's default, Hyndman & Fan 1996): q(p) = x_(⌊h⌋) + (h − ⌊h⌋)(x_(⌊h⌋+1) − x_(⌊h⌋)),
 * h = (n − 1)p on 0-based sorted data. Written here because `simple-statistics`' `quantile`
 * follows a different definition, and §4.7 reports medians and IQRs as type 7.
 */
export function quantile7(values: readonly number[], p: number): number {
  if (values.length === 0 || !(p >= 0 && p <= 1)) return NaN;
  const x = [...values].sort((a, b) => a - b);
  const h = (x.length - 1) * p;
  const lo = Math.floor(h);
  const a = x[lo] as number;
  const b = x[Math.min(lo + 1, x.length - 1)] as number;
  return a + (h - lo) * (b - a);
}
