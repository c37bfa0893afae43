/**
 * The alignment features' frame (alignment.md §3.1): 16 kHz, 10 ms hop, 25 ms Hann window,
 * 512-point power spectrum, two band energies, 24 mel bands and 13 MFCCs. The tables are built
 * once, on first use.
 */
export const FEATURE_RATE = 16_000
export const FEATURE_HOP_S = 0.01
export const MFCC_COUNT = 13

export const WINDOW = 400
export const HOP = 160
export const FFT_SIZE = 512
export const MEL_BANDS = 24
const MEL_LOW_HZ = 100
const MEL_HIGH_HZ = 7000

export interface FeatureTables {
  hann: Float64Array
  /** Band b's nonzero triangle weights are `melWeights[melOffset[b] … melOffset[b + 1])`. */
  melWeights: Float64Array
  melOffset: Uint16Array
  /** Spectrum bin of band b's first weight. */
  melFirstBin: Uint16Array
  /** `halfDct[c × MEL_BANDS / 2 + b]`, b < 12: DCT-II row c (orthonormal) up to the middle band. */
  halfDct: Float64Array
  /** Inclusive bin bounds of the 150–4000 Hz and 2–6 kHz bands. */
  bandLow: number
  bandHigh: number
  highLow: number
  highHigh: number
}

let tables: FeatureTables | undefined

export function featureTables(): FeatureTables {
  tables ??= buildTables()
  return tables
}

function buildTables(): FeatureTables {
  const binHz = FEATURE_RATE / FFT_SIZE
  const hann = new Float64Array(WINDOW)
  for (let i = 0; i < WINDOW; i++) hann[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (WINDOW - 1))
  const { weights, offset, firstBin } = melFilterbank(binHz)
  const half = MEL_BANDS / 2
  const halfDct = new Float64Array(MFCC_COUNT * half)
  for (let c = 0; c < MFCC_COUNT; c++)
    for (let b = 0; b < half; b++)
      halfDct[c * half + b] =
        Math.cos((Math.PI * c * (b + 0.5)) / MEL_BANDS) * Math.sqrt(2 / MEL_BANDS)
  return {
    hann,
    melWeights: weights,
    melOffset: offset,
    melFirstBin: firstBin,
    halfDct,
    bandLow: Math.ceil(150 / binHz),
    bandHigh: Math.floor(4000 / binHz),
    highLow: Math.ceil(2000 / binHz),
    highHigh: Math.floor(6000 / binHz),
  }
}

/** Triangles on the mel scale, kept sparse: only the bins where a band's weight is above zero. */
function melFilterbank(binHz: number) {
  const mel = (hz: number) => 2595 * Math.log10(1 + hz / 700)
  const hzOf = (m: number) => 700 * (10 ** (m / 2595) - 1)
  const edges = Array.from({ length: MEL_BANDS + 2 }, (_, i) =>
    hzOf(mel(MEL_LOW_HZ) + ((mel(MEL_HIGH_HZ) - mel(MEL_LOW_HZ)) * i) / (MEL_BANDS + 1)),
  )
  const all: number[] = []
  const offset = new Uint16Array(MEL_BANDS + 1)
  const firstBin = new Uint16Array(MEL_BANDS)
  for (let b = 0; b < MEL_BANDS; b++) {
    const [lo, centre, hi] = [edges[b]!, edges[b + 1]!, edges[b + 2]!]
    const weight = (k: number) =>
      Math.max(0, Math.min((k * binHz - lo) / (centre - lo), (hi - k * binHz) / (hi - centre)))
    let first = Math.ceil(lo / binHz)
    let last = Math.floor(hi / binHz)
    while (first <= last && weight(first) === 0) first++
    while (last >= first && weight(last) === 0) last--
    offset[b] = all.length
    firstBin[b] = first
    for (let k = first; k <= last; k++) all.push(weight(k))
  }
  offset[MEL_BANDS] = all.length
  return { weights: Float64Array.from(all), offset, firstBin }
}
