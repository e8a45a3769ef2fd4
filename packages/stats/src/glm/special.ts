/**
 * ψ(x), the digamma function, for x > 0: recurrence up to x ≥ 10, then the asymptotic series.
 * @stdlib's digamma is not among our pinned dependencies, and the α score needs only x > 0.
 * The first omitted series term is < 1e-16 at x ≥ 10.
 */
export function digamma(x: number): number {
  let acc = 0;
  let v = x;
  while (v < 10) {
    acc -= 1 / v;
    v += 1;
  }
  const f = 1 / (v * v);
  const series =
    f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f * (1 / 132 - f * (691 / 32760 - f / 12))))));
  return acc + Math.log(v) - 0.5 / v - series;
}

/**
 * ψ(y + θ) − ψ(θ). For integer counts it is the exact finite sum Σ_{j<y} 1/(θ + j), which keeps
 * full precision when θ is huge (α → 0) where the digamma difference would cancel. Large counts
 * with moderate θ (no cancellation) use ψ directly, which is O(1).
 */
export function digammaDiff(y: number, theta: number): number {
  if (Number.isInteger(y) && y >= 0 && (y <= 50 || (theta > 1e6 && y <= 100_000))) {
    let s = 0;
    for (let j = 0; j < y; j++) s += 1 / (theta + j);
    return s;
  }
  return digamma(y + theta) - digamma(theta);
}
