import { FEATURE_RATE } from './feature-spec'

const RESAMPLE_TAPS = 9

/** Streaming resampler to 16 kHz: a short windowed-sinc low-pass evaluated only where needed. */
export class Resampler {
  private readonly step: number
  private readonly taps: Float64Array
  private readonly history: Float64Array
  /** Input samples seen so far, and the next output position in input samples. */
  private seen = 0
  private next = 0

  constructor(private readonly inputRate: number) {
    this.step = inputRate / FEATURE_RATE
    const cutoff = Math.min(1, 1 / this.step) * 0.45
    this.taps = new Float64Array(RESAMPLE_TAPS)
    const mid = (RESAMPLE_TAPS - 1) / 2
    let sum = 0
    for (let i = 0; i < RESAMPLE_TAPS; i++) {
      const x = i - mid
      const sinc = x === 0 ? 1 : Math.sin(2 * Math.PI * cutoff * x) / (Math.PI * x * 2 * cutoff)
      const hann = 0.5 - 0.5 * Math.cos((2 * Math.PI * (i + 1)) / (RESAMPLE_TAPS + 1))
      this.taps[i] = sinc * hann
      sum += sinc * hann
    }
    for (let i = 0; i < RESAMPLE_TAPS; i++) this.taps[i]! /= sum
    this.history = new Float64Array(RESAMPLE_TAPS)
  }

  /** Most 16 kHz samples `length` input samples can complete. */
  capacity(length: number): number {
    return Math.ceil(length / this.step) + 2
  }

  /** Feeds `length` samples; writes every 16 kHz sample now complete to `out`, returns how many. */
  push(samples: Float32Array, length: number, out: Float32Array): number {
    if (this.inputRate === FEATURE_RATE) {
      out.set(samples.subarray(0, length))
      return length
    }
    const { taps, history, step, seen } = this
    const mid = (RESAMPLE_TAPS - 1) / 2
    const end = seen + length
    let written = 0
    let next = this.next
    // Output sample at input position p (centre of the filter) needs input up to p + mid (+ 1).
    while (Math.floor(next) + mid + 1 < end) {
      const base = Math.floor(next)
      const frac = next - base
      const first = base - mid - seen
      let a = 0
      let b = 0
      if (first >= 0) {
        // The whole window is in this block (all but the first few outputs of a block).
        for (let t = 0; t < RESAMPLE_TAPS; t++) a += taps[t]! * samples[first + t]!
        if (frac > 0)
          for (let t = 0; t < RESAMPLE_TAPS; t++) b += taps[t]! * samples[first + t + 1]!
      } else {
        for (let t = 0; t < RESAMPLE_TAPS; t++) {
          const index = base - mid + t
          if (index < 0) continue
          const w = taps[t]!
          a += w * (index >= seen ? samples[index - seen]! : history[RESAMPLE_TAPS + index - seen]!)
          if (frac > 0) {
            const after = index + 1
            b +=
              w * (after >= seen ? samples[after - seen]! : history[RESAMPLE_TAPS + after - seen]!)
          }
        }
      }
      out[written++] = frac > 0 ? a + (b - a) * frac : a
      next += step
    }
    this.next = next
    // Keep the last RESAMPLE_TAPS input samples for the next call.
    if (length >= RESAMPLE_TAPS) {
      for (let i = 0; i < RESAMPLE_TAPS; i++) history[i] = samples[length - RESAMPLE_TAPS + i]!
    } else {
      history.copyWithin(0, length)
      for (let i = 0; i < length; i++) history[RESAMPLE_TAPS - length + i] = samples[i]!
    }
    this.seen = end
    return written
  }
}
