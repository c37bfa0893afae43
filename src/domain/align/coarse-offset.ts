import { FEATURE_HOP_S } from '../audio/features'

export interface LaneMasks {
  /** Where speech is expected from the current placement, per frame (may extend past the file). */
  expected: Float32Array
  /** Where the channel carries speech, per frame. */
  detected: Uint8Array
}

export interface CoarseOffset {
  /** Seconds to add to every expected position. */
  offset: number
  /** Normalised correlation at that offset, 0..1. */
  score: number
  /** The best score at least 1 s away, to judge how distinct the peak is. */
  runnerUp: number
}

type Masks = { [K in keyof LaneMasks]: ArrayLike<number> }

/** The correlation runs on 50 ms steps (an hour is then a 2^18-point FFT), then is refined. */
const POOL = 5

/**
 * The shift that best lines the expected speech up with detected speech, summed over lanes, by FFT
 * cross-correlation over ±`maxLagS` (alignment.md §3.3), on 50 ms steps and then refined to the
 * 10 ms frame directly. Masks are mean-removed so that a shift into silence is not rewarded for the
 * lanes' overall density.
 */
export function coarseOffset(lanes: readonly LaneMasks[], maxLagS: number): CoarseOffset {
  const pooled = lanes.map((l) => ({ expected: pool(l.expected), detected: pool(l.detected) }))
  const total = correlation(pooled, maxLagS / (POOL * FEATURE_HOP_S))
  const { size, maxLag } = total
  const at = (lag: number) => total.values[(lag + size) % size]!
  let best = 0
  for (let lag = -maxLag; lag <= maxLag; lag++) if (at(lag) > at(best)) best = lag
  const minApart = Math.round(1 / (POOL * FEATURE_HOP_S))
  let runnerUp = Number.NEGATIVE_INFINITY
  for (let lag = -maxLag; lag <= maxLag; lag++)
    if (Math.abs(lag - best) >= minApart) runnerUp = Math.max(runnerUp, at(lag))
  const scale = total.norm > 0 ? total.norm : 1
  return {
    offset: refined(lanes, best * POOL, POOL) * FEATURE_HOP_S,
    score: Math.max(0, at(best) / scale),
    runnerUp: Number.isFinite(runnerUp) ? Math.max(0, runnerUp / scale) : 0,
  }
}

/** Cross-correlation of detected with expected speech at every lag, by FFT, summed over lanes. */
function correlation(lanes: readonly Masks[], maxLagFrames: number) {
  const frames = Math.max(...lanes.map((l) => Math.max(l.expected.length, l.detected.length)))
  const maxLag = Math.min(Math.round(maxLagFrames), frames)
  let size = 1
  while (size < frames + maxLag + 1) size *= 2
  const values = new Float64Array(size)
  let norm = 0
  for (const lane of lanes) {
    const e = centred(lane.expected, size)
    const d = centred(lane.detected, size)
    norm += Math.sqrt(energyOf(e) * energyOf(d))
    fft(e.re, e.im, false)
    fft(d.re, d.im, false)
    // cc[l] = Σ d[t + l] · e[t]  ⇔  D · conj(E)
    const re = new Float64Array(size)
    const im = new Float64Array(size)
    for (let k = 0; k < size; k++) {
      re[k] = d.re[k]! * e.re[k]! + d.im[k]! * e.im[k]!
      im[k] = d.im[k]! * e.re[k]! - d.re[k]! * e.im[k]!
    }
    fft(re, im, true)
    for (let k = 0; k < size; k++) values[k]! += re[k]! / size
  }
  return { values, size, maxLag, norm }
}

/** The best lag within ±`radius` frames of `around`, by direct correlation on the full masks. */
function refined(lanes: readonly Masks[], around: number, radius: number): number {
  const centredLanes = lanes.map((l) => ({
    e: centred(l.expected, l.expected.length).re,
    d: centred(l.detected, l.detected.length).re,
  }))
  let best = around
  let bestScore = Number.NEGATIVE_INFINITY
  for (let lag = around - radius; lag <= around + radius; lag++) {
    let score = 0
    for (const { e, d } of centredLanes) {
      const from = Math.max(0, -lag)
      const to = Math.min(e.length, d.length - lag)
      for (let t = from; t < to; t++) score += d[t + lag]! * e[t]!
    }
    if (score > bestScore) {
      bestScore = score
      best = lag
    }
  }
  return best
}

/** Means over runs of {@link POOL} frames. */
function pool(values: ArrayLike<number>): Float32Array {
  const out = new Float32Array(Math.ceil(values.length / POOL))
  for (let i = 0; i < values.length; i++) out[Math.floor(i / POOL)]! += values[i]! / POOL
  return out
}

function centred(values: ArrayLike<number>, size: number) {
  let mean = 0
  for (let i = 0; i < values.length; i++) mean += values[i]!
  mean /= Math.max(1, values.length)
  const re = new Float64Array(size)
  for (let i = 0; i < values.length; i++) re[i] = values[i]! - mean
  return { re, im: new Float64Array(size) }
}

function energyOf(v: { re: Float64Array }): number {
  let sum = 0
  for (const x of v.re) sum += x * x
  return sum
}

/** Iterative radix-2 complex FFT, in place; `inverse` conjugates the twiddles (no 1/n scale). */
function fft(re: Float64Array, im: Float64Array, inverse: boolean) {
  const n = re.length
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1
    for (; j & bit; bit >>= 1) j ^= bit
    j ^= bit
    if (i < j) {
      ;[re[i], re[j]] = [re[j]!, re[i]!]
      ;[im[i], im[j]] = [im[j]!, im[i]!]
    }
  }
  const sign = inverse ? 1 : -1
  for (let len = 2; len <= n; len <<= 1) {
    const angle = (sign * 2 * Math.PI) / len
    const wr = Math.cos(angle)
    const wi = Math.sin(angle)
    for (let start = 0; start < n; start += len) {
      let cr = 1
      let ci = 0
      for (let k = 0; k < len / 2; k++) {
        const a = start + k
        const b = a + len / 2
        const tr = cr * re[b]! - ci * im[b]!
        const ti = cr * im[b]! + ci * re[b]!
        re[b] = re[a]! - tr
        im[b] = im[a]! - ti
        re[a] = re[a]! + tr
        im[a] = im[a]! + ti
        const next = cr * wr - ci * wi
        ci = cr * wi + ci * wr
        cr = next
      }
    }
  }
}
