export interface FitPoint {
  /** Where the timestamps put it (recording seconds). */
  x: number
  /** Where the audio put it. */
  y: number
  /** Index of its bias group (a role). */
  group: number
}

export interface ClockFit {
  /** Per-group offsets: y ≈ x + bias[g] + rate·x. */
  bias: number[]
  /** Clock rate error (drift), dimensionless: 100 ppm = 1e-4. */
  rate: number
  /** Robust spread of the residuals (1.4826 · MAD), seconds. */
  spread: number
}

/**
 * `y − x = bias[group] + rate·x`, Huber-reweighted least squares. `ratePrior` (a standard deviation)
 * regularises the rate towards 0: on short calls the rate is not identifiable (alignment.md §3.5).
 */
export function fitClock(
  points: readonly FitPoint[],
  groups: number,
  ratePrior: number,
  iterations = 5,
): ClockFit {
  const weights = new Float64Array(points.length).fill(1)
  let bias = new Array<number>(groups).fill(0)
  let rate = 0
  let spread = 0.25
  const centre = points.reduce((s, p) => s + p.x, 0) / Math.max(1, points.length)
  for (let it = 0; it < iterations; it++) {
    // Solve for per-group intercepts and a shared slope around the centre (normal equations).
    const sw = new Float64Array(groups)
    const sr = new Float64Array(groups)
    const sx = new Float64Array(groups)
    let sxx = 0
    let sxr = 0
    for (const [i, p] of points.entries()) {
      const w = weights[i]!
      const dx = p.x - centre
      sw[p.group]! += w
      sr[p.group]! += w * (p.y - p.x)
      sx[p.group]! += w * dx
      sxx += w * dx * dx
      sxr += w * dx * (p.y - p.x)
    }
    // Eliminate the intercepts: rate = (Σ w dx r − Σ_g sx·sr/sw) / (Σ w dx² − Σ_g sx²/sw + prior).
    let num = sxr
    // The prior counts as one observation of rate 0 with the residuals' own spread.
    let den = sxx + (ratePrior > 0 ? (spread / ratePrior) ** 2 : 0)
    for (let g = 0; g < groups; g++) {
      if (sw[g]! <= 0) continue
      num -= (sx[g]! * sr[g]!) / sw[g]!
      den -= (sx[g]! * sx[g]!) / sw[g]!
    }
    rate = den > 0 ? num / den : 0
    bias = Array.from({ length: groups }, (_, g) =>
      sw[g]! > 0 ? (sr[g]! - rate * sx[g]!) / sw[g]! - rate * centre : 0,
    )
    const residuals = points.map((p) => p.y - p.x - bias[p.group]! - rate * p.x)
    const sorted = residuals.map(Math.abs).sort((a, b) => a - b)
    spread = 1.4826 * (sorted[Math.floor(sorted.length / 2)] ?? 0) + 1e-3
    for (const [i, r] of residuals.entries())
      weights[i] = Math.min(1, (1.5 * spread) / (Math.abs(r) + 1e-9))
  }
  return { bias, rate, spread }
}
