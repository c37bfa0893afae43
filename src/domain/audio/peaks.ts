import { withRoom } from '../with-room'

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
  /** Closed bins per channel; the first `bins` entries are written, the rest is room to grow. */
  private closed: Float32Array[]
  private bins = 0
  private readonly open: Float64Array
  private samples = 0
  private readonly perBin: number

  constructor(
    readonly channels: number,
    readonly sampleRate: number,
  ) {
    this.perBin = sampleRate / PEAKS_PER_SECOND
    this.closed = Array.from({ length: channels }, () => new Float32Array(1024))
    this.open = new Float64Array(channels)
  }

  push(channelData: readonly Float32Array[], length: number) {
    let i = 0
    while (i < length) {
      const binEnd = Math.round((this.bins + 1) * this.perBin)
      const take = Math.min(length - i, binEnd - (this.samples + i))
      for (let c = 0; c < this.channels; c++) {
        const data = channelData[c]
        if (data) this.open[c] = loudest(data, i, i + take, this.open[c]!)
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
    const partial = this.samples > Math.round(this.bins * this.perBin)
    return this.closed.map((c, channel) => {
      const out = new Float32Array(this.bins + (partial ? 1 : 0))
      out.set(c.subarray(0, this.bins))
      if (partial) out[this.bins] = this.open[channel]!
      return out
    })
  }

  private closeBin() {
    if (this.bins === this.closed[0]?.length)
      this.closed = this.closed.map((c) => withRoom(c, this.bins + 1))
    for (let c = 0; c < this.channels; c++) {
      this.closed[c]![this.bins] = this.open[c]!
      this.open[c] = 0
    }
    this.bins++
  }
}

/** The loudest of the bins peaks[from, to) (peaks are never negative): 0 when there are none. */
export function loudestBin(peaks: ArrayLike<number>, from: number, to: number): number {
  let max = 0
  for (let i = from; i < to; i++) {
    const v = peaks[i] as number
    if (v > max) max = v
  }
  return max
}

/** The largest |sample| in data[from, to), or `max` if larger; samples past the end count as 0. */
function loudest(data: Float32Array, from: number, to: number, max: number): number {
  const end = Math.min(to, data.length)
  for (let k = from; k < end; k++) {
    const v = data[k]!
    if (v > max) max = v
    else if (-v > max) max = -v
  }
  return max
}
