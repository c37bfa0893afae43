import type { AlignmentFeatures } from '../audio/features'
import type { Segment } from './speech-segments'
import { dipShare } from './speech-segments'

/**
 * Which long stretches of sound a speech model should judge, and how its answers decide. Energy
 * finds speech with the best timing but also takes music and tones for speech (alignment.md §2.1);
 * the model rejects them. It is slow, so it listens only to a few short probes of the stretches
 * where sound goes on for seconds with few of the dips syllables make.
 */

/** A stretch shorter than this is left to the energy rule: too short to swallow a turn. */
const CANDIDATE_MIN_S = 2
/** Speech (even phone-band) dips 12 dB between syllables on over a quarter of its frames. */
const CANDIDATE_MAX_DIP_SHARE = 0.2
export const PROBE_S = 0.5
const PROBE_EVERY_S = 2
const MAX_PROBES = 4
/** A stretch is speech when this share of its probes' frames is (speech gives 80–100 %). */
const SPEECH_FRAME_SHARE = 0.35
const SPEECH_PROBABILITY = 0.5

export interface GateCandidate {
  channel: number
  segment: Segment
  /** Start times (recording seconds) of the probes to listen to, each `PROBE_S` long. */
  probes: number[]
}

/** The model's verdict on one candidate stretch. */
export interface SpeechVerdict {
  channel: number
  segment: Segment
  speech: boolean
}

export function gateCandidates(
  channel: number,
  energy: Float32Array,
  segments: readonly Segment[],
): GateCandidate[] {
  return segments
    .filter(
      (s) => s.end - s.start >= CANDIDATE_MIN_S && dipShare(energy, s) < CANDIDATE_MAX_DIP_SHARE,
    )
    .map((segment) => ({ channel, segment, probes: probeStarts(segment) }))
}

/** Probes spread evenly from the stretch's start to its end; a short one gets one in the middle. */
function probeStarts({ start, end }: Segment): number[] {
  const room = end - start - PROBE_S
  const count = Math.min(MAX_PROBES, 1 + Math.floor(room / PROBE_EVERY_S))
  const step = count > 1 ? room / (count - 1) : 0
  return Array.from({ length: count }, (_, k) => start + (count > 1 ? k * step : room / 2))
}

/**
 * Speech when enough of all its probes' frames are: one probe the model hears as speech (a chord
 * change can sound like a vowel to it) does not make minutes of music speech.
 */
export function verdict(
  candidate: GateCandidate,
  probabilities: readonly Float32Array[],
): SpeechVerdict {
  let frames = 0
  let speaking = 0
  for (const probe of probabilities)
    for (const p of probe) {
      frames++
      if (p >= SPEECH_PROBABILITY) speaking++
    }
  const speech = frames > 0 && speaking / frames >= SPEECH_FRAME_SHARE
  return { channel: candidate.channel, segment: candidate.segment, speech }
}

/** Each candidate's verdict from the model's frames for all probes, in the candidates' order. */
export function verdicts(
  candidates: readonly GateCandidate[],
  probabilities: readonly Float32Array[],
): SpeechVerdict[] {
  let at = 0
  return candidates.map((c) => verdict(c, probabilities.slice(at, (at += c.probes.length))))
}

/** The model's verdict on `segment`, when it gave one. */
export function verdictFor(
  verdicts: readonly SpeechVerdict[] | undefined,
  channel: number,
  segment: Segment,
): boolean | undefined {
  return verdicts?.find(
    (v) =>
      v.channel === channel &&
      Math.abs(v.segment.start - segment.start) < 1e-6 &&
      Math.abs(v.segment.end - segment.end) < 1e-6,
  )?.speech
}

/** The candidates of every channel, from its speech segments (`channelSegments`). */
export function callGateCandidates(
  features: AlignmentFeatures,
  segments: ReadonlyMap<number, readonly Segment[]>,
): GateCandidate[] {
  return [...segments].flatMap(([channel, found]) => {
    const energy = features.channels[channel]?.energy
    return energy ? gateCandidates(channel, energy, found) : []
  })
}
