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

/** Only a stereo agent recording has the user alone on the left channel (formats.md §3.2). */
export function stereoUserOnset(peaks: readonly Float32Array[]): number | undefined {
  const left = peaks[0]
  return peaks.length >= 2 && left ? firstOnset(left) : undefined
}

/**
 * `binPeaks` for audio that arrives in chunks (a streaming decoder): the same bins, whatever the
 * chunk sizes, and no PCM kept.
 */
export class PeakAccumulator {
  private readonly closed: number[][]
  private readonly open: number[]
  private samples = 0
  private readonly perBin: number

  constructor(
    readonly channels: number,
    readonly sampleRate: number,
  ) {
    this.perBin = sampleRate / PEAKS_PER_SECOND
    this.closed = Array.from({ length: channels }, () => [])
    this.open = new Array<number>(channels).fill(0)
  }

  push(channelData: readonly Float32Array[], length: number) {
    let i = 0
    while (i < length) {
      const bin = this.closed[0]?.length ?? 0
      const binEnd = Math.round((bin + 1) * this.perBin)
      const take = Math.min(length - i, binEnd - (this.samples + i))
      for (let c = 0; c < this.channels; c++) {
        const data = channelData[c]
        let max = this.open[c] ?? 0
        for (let k = i; k < i + take; k++) {
          const v = Math.abs(data?.[k] ?? 0)
          if (v > max) max = v
        }
        this.open[c] = max
      }
      i += take
      if (this.samples + i >= binEnd) this.closeBin()
    }
    this.samples += length
  }

  get duration(): number {
    return this.samples / this.sampleRate
  }

  /** The peaks so far, with the last partial bin. */
  result(): Float32Array[] {
    const bins = this.closed[0]?.length ?? 0
    const partial = this.samples > Math.round(bins * this.perBin)
    return this.closed.map((c, channel) =>
      Float32Array.from(partial ? [...c, this.open[channel] ?? 0] : c),
    )
  }

  private closeBin() {
    for (let c = 0; c < this.channels; c++) {
      this.closed[c]?.push(this.open[c] ?? 0)
      this.open[c] = 0
    }
  }
}
