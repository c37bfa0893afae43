import { FEATURE_HOP_S } from '../audio/features'

/** Seconds into the recording. */
export interface Segment {
  start: number
  end: number
}

const MERGE_GAP_S = 0.12
const DIGITAL_SILENCE_DB = -90
const MIN_SPEECH_S = 0.08
/** A frame's energy describes the middle of its 25 ms window. */
export const FRAME_CENTRE_S = 0.0125

export function percentile(values: Float32Array | Float64Array, p: number): number {
  if (values.length === 0) return 0
  const sorted = values.slice().sort()
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
}

export interface SpeechLevels {
  floor: number
  on: number
  off: number
}

/** Hysteresis levels from the channel's own distribution (alignment.md §3.2), in dB. */
export function speechLevels(energy: Float32Array): SpeechLevels {
  // Digital silence (an agent channel between turns, padding) says nothing about the noise floor.
  const audible = energy.filter((e) => e > DIGITAL_SILENCE_DB)
  const floor = percentile(audible, 0.1)
  const top = percentile(audible, 0.97)
  const range = top - floor
  return { floor, on: floor + Math.max(10, 0.3 * range), off: floor + Math.max(6, 0.18 * range) }
}

/**
 * Sound segments of one channel by energy hysteresis: on above `on`, off below `off`, each onset
 * extended back to where the energy first rose above `off`, gaps ≤ 120 ms merged, blips dropped.
 * A channel with less than 10 dB between its floor and its loudest frames has no speech.
 */
export function speechSegments(energy: Float32Array, levels = speechLevels(energy)): Segment[] {
  const n = energy.length
  const silent = !energy.some((e) => e > DIGITAL_SILENCE_DB)
  if (silent || percentile(energy, 0.99) - levels.floor < 10) return []
  const smooth = new Float32Array(n)
  for (let i = 0; i < n; i++) {
    const a = energy[Math.max(0, i - 1)]!
    const b = energy[i]!
    const c = energy[Math.min(n - 1, i + 1)]!
    smooth[i] = (a + b + c) / 3
  }
  const runs: [number, number][] = []
  let onAt = -1
  for (let i = 0; i <= n; i++) {
    const v = i < n ? smooth[i]! : Number.NEGATIVE_INFINITY
    if (onAt < 0 && v > levels.on) {
      let start = i
      while (start > 0 && smooth[start - 1]! > levels.off) start--
      onAt = start
    } else if (onAt >= 0 && v < levels.off) {
      const last = runs.at(-1)
      if (last && onAt - last[1] <= MERGE_GAP_S / FEATURE_HOP_S) last[1] = i
      else runs.push([onAt, i])
      onAt = -1
    }
  }
  return runs
    .filter(([a, b]) => (b - a) * FEATURE_HOP_S >= MIN_SPEECH_S)
    .map(([a, b]) => ({
      start: a * FEATURE_HOP_S + FRAME_CENTRE_S,
      end: b * FEATURE_HOP_S + FRAME_CENTRE_S,
    }))
}

/** 1 for frames inside a segment. */
export function segmentMask(segments: readonly Segment[], frames: number): Uint8Array {
  const mask = new Uint8Array(frames)
  for (const s of segments) {
    const a = Math.max(0, Math.round((s.start - FRAME_CENTRE_S) / FEATURE_HOP_S))
    const b = Math.min(frames, Math.round((s.end - FRAME_CENTRE_S) / FEATURE_HOP_S))
    mask.fill(1, a, Math.max(a, b))
  }
  return mask
}

const STATIONARY_MIN_S = 3
/** Speech dips between syllables and words; sustained sound (music, tones) hardly ever does. */
const DIP_DB = 12
const MIN_DIP_SHARE = 0.08

/** Share of a segment's frames more than 12 dB below its loud (90th percentile) level. */
export function dipShare(energy: Float32Array, segment: Segment): number {
  const [a, b] = segmentFrames(segment, energy.length)
  if (b <= a) return 0
  const loud = percentile(energy.subarray(a, b), 0.9)
  let dips = 0
  for (let i = a; i < b; i++) if (energy[i]! < loud - DIP_DB) dips++
  return dips / (b - a)
}

/**
 * Drops long, sustained sound (hold music, tones, ringback): speech is modulated by its syllables,
 * so a stretch of 3 s or more with almost no dips of 12 dB is not speech. Where the speech model
 * judged a stretch (`speech-gate.ts`), its verdict wins over this heuristic.
 */
export function withoutSustainedSound(
  segments: readonly Segment[],
  energy: Float32Array,
  modelSaysSpeech: (segment: Segment) => boolean | undefined = () => undefined,
): Segment[] {
  return segments.filter(
    (s) =>
      modelSaysSpeech(s) ??
      (s.end - s.start < STATIONARY_MIN_S || dipShare(energy, s) >= MIN_DIP_SHARE),
  )
}

/** The frames [a, b) a segment covers, within the `frames` a channel has. */
export function segmentFrames(segment: Segment, frames: number): [number, number] {
  return [
    Math.max(0, Math.round((segment.start - FRAME_CENTRE_S) / FEATURE_HOP_S)),
    Math.min(frames, Math.round((segment.end - FRAME_CENTRE_S) / FEATURE_HOP_S)),
  ]
}
