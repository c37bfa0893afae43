import { RealFft } from './fft'

/**
 * Alignment features computed in the same pass as the waveform peaks (alignment.md §3.1):
 * 16 kHz, 10 ms hop, 25 ms window, per channel. Typed arrays only, so they transfer out of a
 * worker and into a cache as they are.
 */
export const FEATURE_RATE = 16_000
export const FEATURE_HOP_S = 0.01
export const MFCC_COUNT = 13

export interface ChannelFeatures {
  /** 150–4000 Hz band energy per frame, dB. */
  energy: Float32Array
  /** 2–6 kHz (fricative) band energy per frame, dB. */
  highEnergy: Float32Array
  /** Positive spectral flux per frame. */
  flux: Float32Array
  /** `MFCC_COUNT` coefficients per frame, frame-major (frame f starts at f × MFCC_COUNT). */
  mfcc: Float32Array
}

export interface AlignmentFeatures {
  /** Frames per channel; frame f covers [f × 10 ms, f × 10 ms + 25 ms). */
  frames: number
  channels: ChannelFeatures[]
}

const WINDOW = 400
const HOP = 160
const FFT_SIZE = 512
const MEL_BANDS = 24
const MEL_LOW_HZ = 100
const MEL_HIGH_HZ = 7000
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
    // Output sample at input position p (centre of the filter) needs input up to p + mid (+ 1).
    while (Math.floor(this.next) + mid + 1 < end) {
      const base = Math.floor(this.next)
      const frac = this.next - base
      let a = 0
      let b = 0
      for (let t = 0; t < RESAMPLE_TAPS; t++) {
        const index = base - mid + t
        if (index < 0) continue
        const w = taps[t]!
        a += w * (index >= seen ? samples[index - seen]! : history[RESAMPLE_TAPS + index - seen]!)
        if (frac > 0) {
          const next = index + 1
          b += w * (next >= seen ? samples[next - seen]! : history[RESAMPLE_TAPS + next - seen]!)
        }
      }
      out[written++] = frac > 0 ? a + (b - a) * frac : a
      this.next += step
    }
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

interface FeatureTables {
  hann: Float64Array
  melWeights: Float64Array[]
  melFirstBin: Uint16Array
  dct: Float64Array
  bandLow: number
  bandHigh: number
  highLow: number
  highHigh: number
}

let tables: FeatureTables | undefined

function featureTables(): FeatureTables {
  if (tables) return tables
  const binHz = FEATURE_RATE / FFT_SIZE
  const hann = new Float64Array(WINDOW)
  for (let i = 0; i < WINDOW; i++) hann[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (WINDOW - 1))
  const mel = (hz: number) => 2595 * Math.log10(1 + hz / 700)
  const hzOf = (m: number) => 700 * (10 ** (m / 2595) - 1)
  const edges = Array.from({ length: MEL_BANDS + 2 }, (_, i) =>
    hzOf(mel(MEL_LOW_HZ) + ((mel(MEL_HIGH_HZ) - mel(MEL_LOW_HZ)) * i) / (MEL_BANDS + 1)),
  )
  const melWeights: Float64Array[] = []
  const melFirstBin = new Uint16Array(MEL_BANDS)
  for (let b = 0; b < MEL_BANDS; b++) {
    const [lo, centre, hi] = [edges[b]!, edges[b + 1]!, edges[b + 2]!]
    const first = Math.ceil(lo / binHz)
    const last = Math.floor(hi / binHz)
    const weights = new Float64Array(Math.max(0, last - first + 1))
    for (let k = first; k <= last; k++) {
      const hz = k * binHz
      weights[k - first] = Math.max(
        0,
        Math.min((hz - lo) / (centre - lo), (hi - hz) / (hi - centre)),
      )
    }
    melWeights.push(weights)
    melFirstBin[b] = first
  }
  const dct = new Float64Array(MFCC_COUNT * MEL_BANDS)
  for (let c = 0; c < MFCC_COUNT; c++)
    for (let b = 0; b < MEL_BANDS; b++)
      dct[c * MEL_BANDS + b] =
        Math.cos((Math.PI * c * (b + 0.5)) / MEL_BANDS) * Math.sqrt(2 / MEL_BANDS)
  tables = {
    hann,
    melWeights,
    melFirstBin,
    dct,
    bandLow: Math.ceil(150 / binHz),
    bandHigh: Math.floor(4000 / binHz),
    highLow: Math.ceil(2000 / binHz),
    highHigh: Math.floor(6000 / binHz),
  }
  return tables
}

/** Growable typed-array column, so an hour of frames costs no per-frame allocation. */
class Column {
  data: Float32Array
  length = 0

  constructor(private readonly width: number) {
    this.data = new Float32Array(width * 4096)
  }

  reserve(): number {
    if ((this.length + 1) * this.width > this.data.length) {
      const grown = new Float32Array(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    return this.length++ * this.width
  }

  result(): Float32Array {
    return this.data.slice(0, this.length * this.width)
  }
}

/** Frames of one channel, computed as the 16 kHz samples arrive. */
class ChannelFrames {
  /** Samples from the next frame's start on; frames start every HOP samples. */
  private pending = new Float64Array(WINDOW + 8192)
  private pendingLength = 0
  private readonly frame = new Float64Array(FFT_SIZE)
  private readonly power = new Float64Array(FFT_SIZE / 2 + 1)
  private readonly logMel = new Float64Array(MEL_BANDS)
  private readonly previousMel = new Float64Array(MEL_BANDS)
  private hasPrevious = false
  readonly energy = new Column(1)
  readonly highEnergy = new Column(1)
  readonly flux = new Column(1)
  readonly mfcc = new Column(MFCC_COUNT)

  constructor(private readonly fft: RealFft) {}

  add(values: Float32Array, count: number) {
    if (this.pendingLength + count > this.pending.length) {
      const grown = new Float64Array((this.pendingLength + count) * 2)
      grown.set(this.pending.subarray(0, this.pendingLength))
      this.pending = grown
    }
    for (let i = 0; i < count; i++) this.pending[this.pendingLength + i] = values[i]!
    this.pendingLength += count
    let start = 0
    while (start + WINDOW <= this.pendingLength) {
      this.computeFrame(start)
      start += HOP
    }
    this.pending.copyWithin(0, start, this.pendingLength)
    this.pendingLength -= start
  }

  /** Pads with silence so that every started hop has a frame: frames = ceil(samples / hop). */
  finish(totalSamples: number) {
    const wanted = Math.ceil(totalSamples / HOP)
    const silence = new Float32Array(HOP)
    // Each hop of silence completes at most one frame.
    while (this.energy.length < wanted) this.add(silence, HOP)
  }

  private computeFrame(start: number) {
    const t = featureTables()
    const { pending } = this
    for (let i = 0; i < WINDOW; i++) this.frame[i] = pending[start + i]! * t.hann[i]!
    this.fft.powerSpectrum(this.frame, this.power)
    const p = this.power
    let band = 0
    for (let k = t.bandLow; k <= t.bandHigh; k++) band += p[k]!
    let high = 0
    for (let k = t.highLow; k <= t.highHigh; k++) high += p[k]!
    this.energy.data[this.energy.reserve()] = 10 * Math.log10(band + 1e-10)
    this.highEnergy.data[this.highEnergy.reserve()] = 10 * Math.log10(high + 1e-10)
    let flux = 0
    for (let b = 0; b < MEL_BANDS; b++) {
      const weights = t.melWeights[b]!
      const first = t.melFirstBin[b]!
      let sum = 0
      for (let k = 0; k < weights.length; k++) sum += weights[k]! * p[first + k]!
      const value = Math.log(sum + 1e-8)
      if (this.hasPrevious) flux += Math.max(0, value - this.previousMel[b]!)
      this.logMel[b] = value
    }
    this.previousMel.set(this.logMel)
    this.hasPrevious = true
    this.flux.data[this.flux.reserve()] = flux
    const at = this.mfcc.reserve()
    for (let c = 0; c < MFCC_COUNT; c++) {
      let sum = 0
      for (let b = 0; b < MEL_BANDS; b++) sum += t.dct[c * MEL_BANDS + b]! * this.logMel[b]!
      this.mfcc.data[at + c] = sum
    }
  }
}

/**
 * Alignment features for audio that arrives in chunks (a streaming decoder): the same frames
 * whatever the chunk sizes, and no PCM kept. Same shape as `PeakAccumulator`.
 */
export class FeatureAccumulator {
  private readonly resamplers: Resampler[]
  private readonly frames: ChannelFrames[]
  private samples16k = 0
  private resampled = new Float32Array(0)

  constructor(
    readonly channels: number,
    readonly sampleRate: number,
  ) {
    const fft = new RealFft(FFT_SIZE)
    this.resamplers = Array.from({ length: channels }, () => new Resampler(sampleRate))
    this.frames = Array.from({ length: channels }, () => new ChannelFrames(fft))
  }

  push(channelData: readonly Float32Array[], length: number) {
    for (let c = 0; c < this.channels; c++) {
      const data = channelData[c] ?? channelData[0]
      const resampler = this.resamplers[c]!
      if (!data) continue
      if (this.resampled.length < resampler.capacity(length))
        this.resampled = new Float32Array(resampler.capacity(length))
      const produced = resampler.push(data, length, this.resampled)
      this.frames[c]!.add(this.resampled, produced)
      if (c === 0) this.samples16k += produced
    }
  }

  result(): AlignmentFeatures {
    for (const frames of this.frames) frames.finish(this.samples16k)
    const channels = this.frames.map((f) => ({
      energy: f.energy.result(),
      highEnergy: f.highEnergy.result(),
      flux: f.flux.result(),
      mfcc: f.mfcc.result(),
    }))
    return { frames: channels[0]?.energy.length ?? 0, channels }
  }
}

/** The buffers to transfer when features leave a worker. */
export function featureBuffers(features: AlignmentFeatures): ArrayBuffer[] {
  return features.channels.flatMap((c) =>
    [c.energy, c.highEnergy, c.flux, c.mfcc].map((a) => a.buffer as ArrayBuffer),
  )
}
