import type { FramePower } from './fft'
import type { FeatureTables } from './feature-spec'
import { FFT_SIZE, featureTables, HOP, MEL_BANDS, MFCC_COUNT, WINDOW } from './feature-spec'
import { withRoom } from '../with-room'

/** Growable typed-array column, so an hour of frames costs no per-frame allocation. */
class Column {
  data: Float32Array

  constructor(private readonly width: number) {
    this.data = new Float32Array(width * 4096)
  }

  /** Room for `frames` frames, keeping what is written. */
  ensure(frames: number) {
    this.data = withRoom(this.data, frames * this.width)
  }

  result(frames: number): Float32Array {
    return this.data.slice(0, frames * this.width)
  }
}

/** Feature frames of one channel, computed as its 16 kHz samples arrive. */
export class ChannelFrames {
  /** Samples from the next frame's start on; frames start every HOP samples. */
  private pending = new Float64Array(WINDOW + 8192)
  private pendingLength = 0
  private readonly tables: FeatureTables = featureTables()
  private readonly power = new Float64Array(FFT_SIZE / 2 + 1)
  private logMel = new Float64Array(MEL_BANDS)
  private previousMel = new Float64Array(MEL_BANDS)
  /** Band b plus, then minus, its mirror band 23 − b: the two halves the DCT's rows read. */
  private readonly folded = new Float64Array(MEL_BANDS)
  private hasPrevious = false
  frames = 0
  readonly energy = new Column(1)
  readonly highEnergy = new Column(1)
  readonly flux = new Column(1)
  readonly mfcc = new Column(MFCC_COUNT)

  constructor(private readonly spectrum: FramePower) {
    if (spectrum.size !== FFT_SIZE)
      throw new Error(`the frame's FFT has ${spectrum.size} points, not ${FFT_SIZE}`)
  }

  add(values: Float32Array, count: number) {
    this.pending = withRoom(this.pending, this.pendingLength + count, this.pendingLength)
    this.pending.set(values.subarray(0, count), this.pendingLength)
    this.pendingLength += count
    const ready =
      this.pendingLength < WINDOW ? 0 : Math.floor((this.pendingLength - WINDOW) / HOP) + 1
    this.reserve(this.frames + ready)
    let start = 0
    for (let f = 0; f < ready; f++, start += HOP) this.computeFrame(start)
    this.pending.copyWithin(0, start, this.pendingLength)
    this.pendingLength -= start
  }

  /** Pads with silence so that every started hop has a frame: frames = ceil(samples / hop). */
  finish(totalSamples: number) {
    const wanted = Math.ceil(totalSamples / HOP)
    const silence = new Float32Array(HOP)
    // Each hop of silence completes at most one frame.
    while (this.frames < wanted) this.add(silence, HOP)
  }

  private reserve(frames: number) {
    for (const column of [this.energy, this.highEnergy, this.flux, this.mfcc]) column.ensure(frames)
  }

  private computeFrame(start: number) {
    const t = this.tables
    const { pending, spectrum, power: p } = this
    const { hann } = t
    // The frame's last FFT_SIZE − WINDOW points are never written: they stay zero.
    const frame = spectrum.input
    for (let i = 0; i < WINDOW; i++) frame[i] = pending[start + i]! * hann[i]!
    spectrum.power(p)
    const f = this.frames++
    let band = 0
    for (let k = t.bandLow; k <= t.bandHigh; k++) band += p[k]!
    let high = 0
    for (let k = t.highLow; k <= t.highHigh; k++) high += p[k]!
    this.energy.data[f] = 10 * Math.log10(band + 1e-10)
    this.highEnergy.data[f] = 10 * Math.log10(high + 1e-10)
    this.flux.data[f] = this.logMelAndFlux(p)
    this.cepstrum(f * MFCC_COUNT)
  }

  /** Fills `logMel` from the power spectrum; returns the positive flux from the previous frame. */
  private logMelAndFlux(p: Float64Array): number {
    const { melWeights, melOffset, melFirstBin } = this.tables
    const { logMel, previousMel } = this
    let flux = 0
    for (let b = 0; b < MEL_BANDS; b++) {
      const from = melOffset[b]!
      const to = melOffset[b + 1]!
      const bin = melFirstBin[b]! - from
      let sum = 0
      for (let w = from; w < to; w++) sum += melWeights[w]! * p[bin + w]!
      const value = Math.log(sum + 1e-8)
      if (this.hasPrevious) flux += Math.max(0, value - previousMel[b]!)
      logMel[b] = value
    }
    this.hasPrevious = true
    return flux
  }

  /**
   * MFCCs of `logMel` at `at` in the column; then `logMel` becomes the previous frame's. The DCT's
   * rows are even or odd about the middle band, so each row needs only half the bands.
   */
  private cepstrum(at: number) {
    const { halfDct } = this.tables
    const { logMel, folded } = this
    const half = MEL_BANDS / 2
    for (let b = 0; b < half; b++) {
      folded[b] = logMel[b]! + logMel[MEL_BANDS - 1 - b]!
      folded[half + b] = logMel[b]! - logMel[MEL_BANDS - 1 - b]!
    }
    const out = this.mfcc.data
    for (let c = 0; c < MFCC_COUNT; c++) {
      let sum = 0
      const row = c * half
      const from = c % 2 === 0 ? 0 : half
      for (let b = 0; b < half; b++) sum += halfDct[row + b]! * folded[from + b]!
      out[at + c] = sum
    }
    this.logMel = this.previousMel
    this.previousMel = logMel
  }
}
