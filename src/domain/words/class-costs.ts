import { percentile } from '../align/speech-segments'
import { MFCC_COUNT } from '../audio/features'
import type { BroadClass } from './broad-classes'

/** The classes a frame can be: the word classes, and a pause between words. */
export type FrameClass = BroadClass | 'pause'

export const FRAME_CLASSES: readonly FrameClass[] = [
  'vowel',
  'sonorant',
  'fricative',
  'stop',
  'pause',
]

/** One channel's features over a span (`ChannelFeatures`), frames [startFrame, endFrame). */
export interface SpanFeatures {
  /** 150–4000 Hz band energy, dB. */
  energy: Float32Array
  /** 2–6 kHz band energy, dB. */
  highEnergy: Float32Array
  /** MFCC c1…c3 per frame, frame-major (`spectralShape`), if the caller has them. */
  shape?: Float32Array
  startFrame: number
  endFrame: number
}

/** Where a class sits in the two normalised features, and how wide. */
interface ClassTarget {
  loudness: number
  loudnessWidth: number
  /** Robust z of high band minus low band; `undefined`: the class says nothing about it. */
  hiss?: number
}

/**
 * Targets on per-span normalised axes, set from phonetics, not fitted to a voice: loudness 0 is
 * the span's floor and 1 its loud end; hiss is 0 at the span's median and ±1 a scaled MAD.
 */
const TARGETS: Record<FrameClass, ClassTarget> = {
  vowel: { loudness: 0.85, loudnessWidth: 0.2, hiss: -0.5 },
  sonorant: { loudness: 0.6, loudnessWidth: 0.2, hiss: -0.5 },
  fricative: { loudness: 0.4, loudnessWidth: 0.25, hiss: 1.5 },
  stop: { loudness: 0.15, loudnessWidth: 0.2 },
  pause: { loudness: 0, loudnessWidth: 0.12 },
}
const HISS_WIDTH = 1.2
const SILENCE_DB = -90
const LOUD_FRACTION = 0.3
/** From a vowel's peak down to the softest consonants. */
const SPEECH_RANGE_DB = 40
const MIN_RANGE_DB = 20

/** Normalised features of a span, frame-major, `SPAN_DIMENSIONS` per frame. */
export interface SpanFrames {
  frames: number
  values: Float32Array
}

export const SHAPE_COEFFICIENTS = 3
/**
 * loudness, hiss, high-band loudness (the per-span Gaussians only: the phonetic targets say
 * nothing of it), then MFCC c1…c3 with per-span mean and variance normalisation.
 */
const HIGH_LOUDNESS = 2
const SHAPE_FROM = 3
export const SPAN_DIMENSIONS = SHAPE_FROM + SHAPE_COEFFICIENTS

/** MFCC c1…c3 of each frame out of `ChannelFeatures.mfcc`: the spectral shape, a quarter the size. */
export function spectralShape(mfcc: Float32Array): Float32Array {
  const frames = Math.floor(mfcc.length / MFCC_COUNT)
  const shape = new Float32Array(frames * SHAPE_COEFFICIENTS)
  for (let f = 0; f < frames; f++)
    for (let c = 0; c < SHAPE_COEFFICIENTS; c++)
      shape[f * SHAPE_COEFFICIENTS + c] = mfcc[f * MFCC_COUNT + 1 + c] ?? 0
  return shape
}

export function spanFrames(span: SpanFeatures): SpanFrames {
  const frames = span.endFrame - span.startFrame
  const values = new Float32Array(frames * SPAN_DIMENSIONS)
  const energy = span.energy.subarray(span.startFrame, span.endFrame)
  // The floor is the span's noise, but no lower than speech's own dynamic range below its loud
  // end (a clean TTS channel's digital silence is no level to measure consonants from), and
  // some way below it (a span with no pause: its quietest frames are consonants, not silence).
  const top = percentile(energy, 0.97)
  const noise = percentile(energy, 0.05)
  const floor = Math.min(Math.max(noise, top - SPEECH_RANGE_DB), top - MIN_RANGE_DB)
  const range = Math.max(6, top - floor)
  const hiss = new Float32Array(frames)
  const loud: number[] = []
  for (let t = 0; t < frames; t++) {
    const e = Math.max(SILENCE_DB, energy[t] ?? SILENCE_DB)
    const loudness = Math.min(1.2, Math.max(0, (e - floor) / range))
    values[t * SPAN_DIMENSIONS] = loudness
    hiss[t] = Math.max(SILENCE_DB, span.highEnergy[span.startFrame + t] ?? SILENCE_DB) - e
    if (loudness > LOUD_FRACTION) loud.push(t)
  }
  // The 2–6 kHz band on its own scale: a weak fricative (f, th) is barely over the low band's
  // floor, like a stop's closure, but its high band is well over that band's floor; a closure's is
  // not. Hiss cannot tell them apart there: at the floor it is the noise's own tilt.
  const high = span.highEnergy.subarray(span.startFrame, span.endFrame)
  const highTop = percentile(high, 0.97)
  const highFloor = Math.min(
    Math.max(percentile(high, 0.05), highTop - SPEECH_RANGE_DB),
    highTop - MIN_RANGE_DB,
  )
  for (let t = 0; t < frames; t++) {
    const h = Math.max(SILENCE_DB, high[t] ?? SILENCE_DB)
    values[t * SPAN_DIMENSIONS + HIGH_LOUDNESS] = Math.min(
      1.2,
      Math.max(0, (h - highFloor) / (highTop - highFloor)),
    )
  }
  const heard = Float32Array.from(loud, (t) => hiss[t] ?? 0)
  const centre = percentile(heard, 0.5)
  const spread =
    1.4826 *
      percentile(
        heard.map((h) => Math.abs(h - centre)),
        0.5,
      ) +
    1
  // Digital silence has no spectrum: its hiss and shape are left neutral (0), not read.
  const silent = (t: number) => (energy[t] ?? SILENCE_DB) <= SILENCE_DB
  for (let t = 0; t < frames; t++)
    if (!silent(t)) values[t * SPAN_DIMENSIONS + 1] = ((hiss[t] ?? 0) - centre) / spread
  const shape = span.shape
  if (!shape) return { frames, values }
  for (let c = 0; c < SHAPE_COEFFICIENTS; c++) {
    const of = (t: number) => shape[(span.startFrame + t) * SHAPE_COEFFICIENTS + c] ?? 0
    let sum = 0
    let square = 0
    for (const t of loud) {
      sum += of(t)
      square += of(t) * of(t)
    }
    const mean = sum / Math.max(1, loud.length)
    const deviation = Math.sqrt(Math.max(1e-6, square / Math.max(1, loud.length) - mean * mean))
    for (let t = 0; t < frames; t++)
      if (!silent(t)) values[t * SPAN_DIMENSIONS + SHAPE_FROM + c] = (of(t) - mean) / deviation
  }
  return { frames, values }
}

/** Per-frame cost of each class from the phonetic targets (class-major), lower is likelier. */
export function classCosts(span: SpanFrames): Float32Array {
  const { frames, values } = span
  const costs = new Float32Array(FRAME_CLASSES.length * frames)
  FRAME_CLASSES.forEach((cls, k) => {
    const target = TARGETS[cls]
    for (let t = 0; t < frames; t++) {
      const dl = ((values[t * SPAN_DIMENSIONS] ?? 0) - target.loudness) / target.loudnessWidth
      let cost = 0.5 * dl * dl
      if (target.hiss !== undefined) {
        const dh = ((values[t * SPAN_DIMENSIONS + 1] ?? 0) - target.hiss) / HISS_WIDTH
        cost += 0.5 * dh * dh
      }
      costs[k * frames + t] = cost
    }
  })
  return costs
}

const MIN_ADAPT_FRAMES = 8
const VARIANCE_FLOOR = 0.05

/**
 * Costs re-estimated on the span itself: a diagonal Gaussian per class over all dimensions, from
 * the frames a first path gave that class; a class with too few frames keeps its phonetic target.
 */
export function adaptedCosts(
  span: SpanFrames,
  frameClass: Int8Array,
  prior: Float32Array,
): Float32Array {
  const { frames, values } = span
  const costs = Float32Array.from(prior)
  FRAME_CLASSES.forEach((_, k) => {
    const mean = new Float64Array(SPAN_DIMENSIONS)
    const variance = new Float64Array(SPAN_DIMENSIONS)
    let count = 0
    for (let t = 0; t < frames; t++) {
      if (frameClass[t] !== k) continue
      count++
      for (let d = 0; d < SPAN_DIMENSIONS; d++) {
        const x = values[t * SPAN_DIMENSIONS + d] ?? 0
        mean[d] = (mean[d] ?? 0) + x
        variance[d] = (variance[d] ?? 0) + x * x
      }
    }
    if (count < MIN_ADAPT_FRAMES) return
    let normaliser = 0
    for (let d = 0; d < SPAN_DIMENSIONS; d++) {
      const m = (mean[d] ?? 0) / count
      mean[d] = m
      variance[d] = Math.max(VARIANCE_FLOOR, (variance[d] ?? 0) / count - m * m)
      normaliser += 0.5 * Math.log(variance[d] ?? 1)
    }
    for (let t = 0; t < frames; t++) {
      let cost = normaliser
      for (let d = 0; d < SPAN_DIMENSIONS; d++) {
        const x = (values[t * SPAN_DIMENSIONS + d] ?? 0) - (mean[d] ?? 0)
        cost += (0.5 * x * x) / (variance[d] ?? 1)
      }
      costs[k * frames + t] = cost
    }
  })
  return costs
}
