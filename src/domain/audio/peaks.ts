/** Waveform resolution: 100 bins a second is enough for any zoom a reviewer uses (performance.md §1.4). */
export const PEAKS_PER_SECOND = 100
/** A bin louder than this (about −34 dBFS) counts as sound when looking for the first speech. */
const ONSET_LEVEL = 0.02
const ONSET_BINS = 5

export function binPeaks(samples: Float32Array, sampleRate: number): Float32Array {
  const perBin = sampleRate / PEAKS_PER_SECOND
  const bins = Math.ceil(samples.length / perBin)
  const out = new Float32Array(bins)
  for (let b = 0; b < bins; b++) {
    let max = 0
    const end = Math.min(samples.length, Math.round((b + 1) * perBin))
    for (let i = Math.round(b * perBin); i < end; i++) {
      const v = Math.abs(samples[i] ?? 0)
      if (v > max) max = v
    }
    out[b] = max
  }
  return out
}

/** Start of the first run of `ONSET_BINS` loud bins, in seconds. */
export function firstOnset(peaks: Float32Array): number | undefined {
  let run = 0
  for (let b = 0; b < peaks.length; b++) {
    run = (peaks[b] ?? 0) >= ONSET_LEVEL ? run + 1 : 0
    if (run === ONSET_BINS) return (b - ONSET_BINS + 1) / PEAKS_PER_SECOND
  }
  return undefined
}
