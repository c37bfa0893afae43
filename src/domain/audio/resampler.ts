import { FEATURE_RATE } from './feature-spec'
import { withRoom } from '../with-room'

/** Nine: `filtered` writes them out. */
const RESAMPLE_TAPS = 9

/** Streaming resampler to 16 kHz: a short windowed-sinc low-pass evaluated only where needed. */
export class Resampler {
  private readonly step: number
  private readonly taps: Float64Array
  /** The RESAMPLE_TAPS samples before the next block, then room for the block. */
  private work = new Float64Array(RESAMPLE_TAPS + 4096)
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
    const { taps, step, seen } = this
    const mid = (RESAMPLE_TAPS - 1) / 2
    const end = seen + length
    // The last RESAMPLE_TAPS samples before this block (zeros before the first), then the block:
    // every tap an output reads is in one array, so the loops below have no branches.
    const work = (this.work = withRoom(this.work, RESAMPLE_TAPS + length, RESAMPLE_TAPS))
    work.set(samples.subarray(0, length), RESAMPLE_TAPS)
    const offset = RESAMPLE_TAPS - seen - mid
    let written = 0
    let next = this.next
    // Output sample at input position p (centre of the filter) needs input up to p + mid (+ 1).
    const last = end - mid - 1
    if (Number.isInteger(step)) {
      // A whole ratio (48 → 16 kHz) never falls between two input samples.
      for (; next < last; next += step) out[written++] = filtered(taps, work, next + offset)
    } else {
      for (; Math.floor(next) < last; next += step) {
        const base = Math.floor(next)
        const a = filtered(taps, work, base + offset)
        const b = filtered(taps, work, base + offset + 1)
        out[written++] = a + (b - a) * (next - base)
      }
    }
    this.next = next
    work.copyWithin(0, length, length + RESAMPLE_TAPS)
    this.seen = end
    return written
  }
}

/**
 * The filter at `work[first …]`, its taps written out in three running sums: one loop's single
 * sum waits for each addition before the next (2.2× slower on the benchmark's machine).
 */
function filtered(taps: Float64Array, work: Float64Array, first: number): number {
  const s0 = taps[0]! * work[first]! + taps[3]! * work[first + 3]! + taps[6]! * work[first + 6]!
  const s1 = taps[1]! * work[first + 1]! + taps[4]! * work[first + 4]! + taps[7]! * work[first + 7]!
  const s2 = taps[2]! * work[first + 2]! + taps[5]! * work[first + 5]! + taps[8]! * work[first + 8]!
  return s0 + s1 + s2
}
