import type { ChannelFeatures } from '../audio/features'
import { FEATURE_HOP_S, MFCC_COUNT } from '../audio/features'
import { FRAME_CENTRE_S, percentile, segmentFrames } from './speech-segments'
import type { Segment } from './speech-segments'

/** A segment's voice: mean MFCCs 1–12 (timbre, not loudness) and the fricative-band tilt. */
export function segmentVoice(channel: ChannelFeatures, segment: Segment): Float64Array {
  const [a, b] = segmentFrames(segment, channel.energy.length)
  const voice = new Float64Array(MFCC_COUNT)
  // Only the louder half of the frames: pauses inside the segment carry the noise, not the voice.
  const loud = loudFrames(channel.energy, a, b)
  for (const f of loud) {
    for (let c = 1; c < MFCC_COUNT; c++) voice[c - 1]! += channel.mfcc[f * MFCC_COUNT + c]!
    voice[MFCC_COUNT - 1]! += channel.highEnergy[f]! - channel.energy[f]!
  }
  for (let c = 0; c < MFCC_COUNT; c++) voice[c]! /= Math.max(1, loud.length)
  return voice
}

function loudFrames(energy: Float32Array, a: number, b: number): number[] {
  const frames = Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i)
  const sorted = frames.map((f) => energy[f]!).sort((x, y) => x - y)
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0
  return frames.filter((f) => energy[f]! >= median)
}

export interface SpeakerModel {
  /** log p(agent) − log p(user) for a voice vector, tempered. */
  ratio: (voice: ArrayLike<number>) => number
}

export interface VoiceScores {
  /** Log-probability that each segment is the agent's voice, and the caller's. */
  logAgent: Float64Array
  logUser: Float64Array
}

export function scoreVoices(model: SpeakerModel, voices: readonly Float64Array[]): VoiceScores {
  const logAgent = new Float64Array(voices.length)
  const logUser = new Float64Array(voices.length)
  voices.forEach((v, k) => {
    const pAgent = 1 / (1 + Math.exp(-model.ratio(v)))
    logAgent[k] = Math.log(Math.max(1e-3, pAgent))
    logUser[k] = Math.log(Math.max(1e-3, 1 - pAgent))
  })
  return { logAgent, logUser }
}

/**
 * Two voices, a Gaussian each (diagonal, pooled variance), fitted on segments already matched with
 * confidence: the agent's TTS voice is very consistent, the caller's is phone-band and noisy.
 * Undefined when either voice has too few examples to say anything.
 */
export function fitSpeakers(
  voices: readonly Float64Array[],
  labels: readonly (0 | 1 | undefined)[],
): SpeakerModel | undefined {
  const dims = voices[0]?.length ?? 0
  const sums = [new Float64Array(dims), new Float64Array(dims)]
  const counts = [0, 0]
  voices.forEach((v, k) => {
    const label = labels[k]
    if (label === undefined) return
    counts[label]!++
    for (let d = 0; d < dims; d++) sums[label]![d]! += v[d]!
  })
  if (counts[0]! < 3 || counts[1]! < 3) return undefined
  const means = sums.map((sum, g) => sum.map((x) => x / counts[g]!))
  const variance = new Float64Array(dims)
  voices.forEach((v, k) => {
    const label = labels[k]
    if (label === undefined) return
    for (let d = 0; d < dims; d++) variance[d]! += (v[d]! - means[label]![d]!) ** 2
  })
  for (let d = 0; d < dims; d++) variance[d] = variance[d]! / (counts[0]! + counts[1]!) + 1e-3
  const ratio = (v: ArrayLike<number>) => {
    let user = 0
    let agent = 0
    for (let d = 0; d < dims; d++) {
      user -= (v[d]! - means[0]![d]!) ** 2 / (2 * variance[d]!)
      agent -= (v[d]! - means[1]![d]!) ** 2 / (2 * variance[d]!)
    }
    // Tempered: the dimensions are far from independent.
    return Math.max(-30, Math.min(30, (agent - user) / 4))
  }
  return { ratio }
}

const SPLIT_MIN_S = 1.2
const SPLIT_SMOOTH_FRAMES = 25
const SPLIT_HOLD_FRAMES = 40

/**
 * Splits segments where the voice changes (alignment.md §3.4 "split candidates"): on a mixed
 * recording a barge-in joins the two voices into one run of speech. Frame voices are smoothed over
 * 250 ms; a split needs the other voice to hold for 400 ms on each side.
 */
export function splitAtVoiceChanges(
  channel: ChannelFeatures,
  segments: readonly Segment[],
  model: SpeakerModel,
): Segment[] {
  const out: Segment[] = []
  for (const segment of segments) {
    const [a, b] = segmentFrames(segment, channel.energy.length)
    if ((b - a) * FEATURE_HOP_S < SPLIT_MIN_S) {
      out.push(segment)
      continue
    }
    const smooth = movingMean(frameRatios(channel, a, b, model), SPLIT_SMOOTH_FRAMES)
    let from = segment.start
    let last = 0
    for (let i = SPLIT_HOLD_FRAMES; i < smooth.length - SPLIT_HOLD_FRAMES; i++) {
      const before = Math.sign(smooth[i - 1]!)
      if (before === 0 || Math.sign(smooth[i]!) === before || i - last < SPLIT_HOLD_FRAMES) continue
      if (
        !holds(smooth, i - SPLIT_HOLD_FRAMES, i, before) ||
        !holds(smooth, i, i + SPLIT_HOLD_FRAMES, -before)
      )
        continue
      // Two voices at once sit between the two: the change began where the first voice faded.
      const settled = percentile(smooth.subarray(i - SPLIT_HOLD_FRAMES, i), 0.5)
      let change = i
      while (change > last + 1 && Math.abs(smooth[change - 1]!) < 0.5 * Math.abs(settled)) change--
      const at = (a + change) * FEATURE_HOP_S + FRAME_CENTRE_S
      out.push({ start: from, end: at })
      from = at
      last = i
    }
    out.push({ start: from, end: segment.end })
  }
  return out
}

const TAIL_SMOOTH_FRAMES = 9
const TAIL_MIN_FRAMES = 10

/**
 * Where the agent's voice gives way to the caller's at the very end of a segment: a caller who cut
 * in and went on briefly after the agent stopped leaves a tail too short to split off. Undefined
 * when the segment ends in the agent's voice.
 */
export function callerTailStart(
  channel: ChannelFeatures,
  segment: Segment,
  model: SpeakerModel,
): number | undefined {
  const [a, b] = segmentFrames(segment, channel.energy.length)
  const smooth = movingMean(frameRatios(channel, a, b, model), TAIL_SMOOTH_FRAMES)
  let change = smooth.length
  while (change > 0 && smooth[change - 1]! < 0) change--
  if (smooth.length - change < TAIL_MIN_FRAMES || change < TAIL_MIN_FRAMES) return undefined
  return (a + change) * FEATURE_HOP_S + FRAME_CENTRE_S
}

/** The speaker model's agent-versus-caller log ratio for each frame in [a, b). */
function frameRatios(
  channel: ChannelFeatures,
  a: number,
  b: number,
  model: SpeakerModel,
): Float64Array {
  const voice = new Float64Array(MFCC_COUNT)
  const out = new Float64Array(Math.max(0, b - a))
  for (let f = a; f < b; f++) {
    for (let c = 1; c < MFCC_COUNT; c++) voice[c - 1] = channel.mfcc[f * MFCC_COUNT + c]!
    voice[MFCC_COUNT - 1] = channel.highEnergy[f]! - channel.energy[f]!
    out[f - a] = model.ratio(voice)
  }
  return out
}

function movingMean(values: Float64Array, width: number): Float64Array {
  const out = new Float64Array(values.length)
  const half = Math.floor(width / 2)
  for (let i = 0; i < values.length; i++) {
    let sum = 0
    let n = 0
    for (let j = Math.max(0, i - half); j <= Math.min(values.length - 1, i + half); j++) {
      sum += values[j]!
      n++
    }
    out[i] = sum / n
  }
  return out
}

function holds(values: Float64Array, from: number, to: number, sign: number): boolean {
  let agree = 0
  for (let i = from; i < to; i++) if (Math.sign(values[i]!) === sign) agree++
  return agree >= 0.8 * (to - from)
}
