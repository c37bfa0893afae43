import type { AlignmentFeatures, ChannelFeatures } from '../audio/features'
import { FEATURE_HOP_S } from '../audio/features'
import { coarseOffset } from './coarse-offset'
import type { LaneMasks } from './coarse-offset'
import { refineOnset } from './onset'
import type { SpeakerModel, VoiceScores } from './speaker'
import {
  callerTailStart,
  fitSpeakers,
  scoreVoices,
  segmentVoice,
  splitAtVoiceChanges,
} from './speaker'
import { fitClock } from './robust-fit'
import type { Segment } from './speech-segments'
import type { SpeechVerdict } from './speech-gate'
import { verdictFor } from './speech-gate'
import { segmentMask, speechSegments, withoutSustainedSound } from './speech-segments'
import type { DpTurn } from './turn-dp'
import { speechTimePriors } from './speech-time'
import type { DpMatch } from './turn-dp'
import { scoredAlignment } from './turn-dp'

export type SpeechLane = 'user' | 'agent'

/** One spoken message as the timestamps place it. */
export interface TurnToAlign {
  id: string
  lane: SpeechLane
  /** Seconds into the recording, from the timestamps. */
  start: number
  end: number
  /** Spoken characters (letters and digits), for the expected duration. */
  chars: number
  interrupted: boolean
  /**
   * How far the timestamps can be trusted: `measured` (metrics, word timings, VAD events),
   * `rough` (`created_at`), `order` (no timestamps: only the order is known).
   */
  clock: 'measured' | 'rough' | 'order'
  /** Corrected by hand: never moved, still used as evidence. */
  fixed: boolean
}

/** Which channel carries which lane; `mono` when one signal carries both voices. */
export type ChannelLayout =
  { kind: 'stereo'; user: number; agent: number } | { kind: 'mono'; channel: number }

/**
 * How well the recording's start is known on the history clock: from file metadata (`known`),
 * from the first speech detected on the caller's channel (`estimated`), or not at all (`guessed`).
 */
export type AnchorCertainty = 'known' | 'estimated' | 'guessed'

export interface AlignOptions {
  anchor: AnchorCertainty
  /** What a speech model said of the long stretches of sound it was asked about. */
  speech?: readonly SpeechVerdict[]
  /** Each channel's speech segments (`channelSegments`), when the caller has found them already. */
  segments?: ReadonlyMap<number, readonly Segment[]>
}

export type AlignStatus = 'matched' | 'unmatched' | 'kept'

export interface AlignedTurn {
  start: number
  end: number
  /** 0..1: how well the speech found fits what the history expects there. */
  confidence: number
  status: AlignStatus
}

export interface CallAlignment {
  turns: Map<string, AlignedTurn>
  /** Seconds added to the timestamp placement by the fitted clock, at the start of the call. */
  offset: number
  /** Fitted clock drift in parts per million; 0 where it was not identifiable. */
  driftPpm: number
  /** Whether the rate was fitted or held at 0. */
  driftFitted: boolean
}

const CHARS_PER_S = 14
const COARSE_LAG_S = 90
const LONG_CALL_S = 600
const RATE_PRIOR = 1e-4
/** A measured clock is moved only when the audio says so clearly (alignment never makes it worse). */
const MEASURED_MAX_MOVE_S = 0.25
const MEASURED_MIN_CONFIDENCE = 0.5
const PASSES = 3
/** Cost per second of a segment, per nat of doubt that it is the turn's voice. */
const SPEAKER_WEIGHT = 1.5
/**
 * How long a caller has been speaking when an agent stops for a barge-in: LiveKit interrupts after
 * `min_interruption_duration` (0.5 s) of caller speech. On a mono mix the overlap itself cannot be
 * heard apart (the agent's voice masks the caller's onset), so the caller's start is put this far
 * before the agent stopped.
 */
const BARGE_IN_LAG_S = 0.5
/** Speech this close to the interrupted reply's end is the same run: the caller began inside it. */
const JOINED_S = 0.15
/** Turns on each side of a doubtful pair that take part in trying it the other way round. */
const PAIR_CONTEXT = 2

type Scored = ReturnType<typeof scoredAlignment>
/** The DP over some turns, in this order, and segments [from, to) of their lane. */
type Run = (order: readonly number[], from?: number, to?: number) => Scored

interface Lane {
  key: SpeechLane | 'both'
  channel: ChannelFeatures
  segments: Segment[]
  turns: number[]
  voices: () => Float64Array[]
  voiceCache?: Float64Array[] | undefined
  /** Mixed recordings: how much each segment sounds like each voice, once learnt. */
  scores?: VoiceScores | undefined
  model?: SpeakerModel | undefined
  split?: boolean
}

/**
 * Aligns every spoken turn to the speech in the recording (alignment.md §3): speech segments per
 * channel, a coarse shift by cross-correlation, then a monotonic DP per lane with the clock
 * (per-lane bias and drift) refitted between passes, and onsets refined to the first audible frame.
 */
export function alignCall(
  turns: readonly TurnToAlign[],
  features: AlignmentFeatures,
  layout: ChannelLayout,
  options: AlignOptions,
): CallAlignment {
  const lanes = buildLanes(turns, features, layout, options)
  const duration = features.frames * FEATURE_HOP_S
  const tight = turns.map((t) => t.clock === 'measured' || t.fixed)
  const expectedDuration = turns.map((t, i) =>
    tight[i] ? Math.max(0.1, t.end - t.start) : Math.max(0.3, t.chars / CHARS_PER_S),
  )
  // With a known anchor only the rough clocks move as a block; otherwise everything does.
  const shared = options.anchor !== 'known'
  const maxLag = options.anchor === 'guessed' ? Math.max(COARSE_LAG_S, duration) : COARSE_LAG_S
  const coarse = coarseShift(turns, expectedDuration, lanes, features.frames, maxLag, shared)
  let prior = turns.map((t, i) => (tight[i] && !shared ? t.start : t.start + coarse))
  let sigma = turns.map((t, i) => initialSigma(t, tight[i]!, shared, duration))
  const orderOnly = turns.length > 0 && turns.every((t) => t.clock === 'order')
  if (orderOnly) {
    // Only the order is known: lay the turns out on the speech actually heard.
    const laid = speechTimePriors(
      expectedDuration,
      lanes.flatMap((l) => l.segments),
    )
    prior = laid.map((p) => p.start)
    sigma = laid.map((p) => p.sigma)
  }
  const rate: Record<SpeechLane, number> = { user: CHARS_PER_S, agent: CHARS_PER_S }
  let starts: (number | undefined)[] = []
  let ends: (number | undefined)[] = []
  let fit = { bias: [coarse, coarse], rate: 0, spread: 1 }
  const fitRate = duration >= LONG_CALL_S || tight.some(Boolean)
  const doubtful = (i: number, lane: Lane, match: DpMatch) =>
    !match || Math.abs(lane.segments[match.first]!.start - prior[i]!) > 1.5 * sigma[i]!
  /**
   * Two neighbouring turns by different speakers may be heard in the other order than the history
   * gives (a barge-in sorts after the reply it cut into; a late transcript after the reply to it):
   * where either match sits far from its prior, the swapped order is tried on the stretch of speech
   * around the pair and kept when cheaper there.
   */
  const reorderDoubtfulPairs = (lane: Lane, found: Scored, run: Run): Scored => {
    const { matches } = found
    let swapped = false
    for (let q = 0; q + 1 < lane.turns.length; q++) {
      const [a, b] = [lane.turns[q]!, lane.turns[q + 1]!]
      // Only rough clocks reorder: measured ones are right, and with none the order is all we know.
      if (turns[a]!.lane === turns[b]!.lane || turns[a]!.clock !== 'rough') continue
      if (turns[b]!.clock !== 'rough') continue
      if (!doubtful(a, lane, matches[q]) && !doubtful(b, lane, matches[q + 1])) continue
      if (Math.abs(prior[a]! - prior[b]!) > 2 * (sigma[a]! + sigma[b]!)) continue
      const [lo, hi] = [
        Math.max(0, q - PAIR_CONTEXT),
        Math.min(matches.length, q + 2 + PAIR_CONTEXT),
      ]
      const from = (matches.slice(0, lo).findLast((m) => m)?.last ?? -1) + 1
      const to = matches.slice(hi).find((m) => m)?.first ?? lane.segments.length
      const order = lane.turns.slice(lo, hi)
      const kept = run(order, from, to).cost
      order.splice(q - lo, 2, b, a)
      if (run(order, from, to).cost < kept) {
        lane.turns.splice(q, 2, b, a)
        swapped = true
      }
    }
    return swapped ? run(lane.turns) : found
  }
  for (let pass = 0; pass < PASSES; pass++) {
    starts = new Array<number | undefined>(turns.length)
    ends = new Array<number | undefined>(turns.length)
    for (const lane of lanes) {
      const run: Run = (order, from = 0, to = lane.segments.length) => {
        const dpTurns: DpTurn[] = order.map((i) => ({
          prior: prior[i]!,
          sigma: sigma[i]!,
          duration: tight[i] ? expectedDuration[i]! : turns[i]!.chars / rate[turns[i]!.lane],
          interrupted: turns[i]!.interrupted,
        }))
        const voices = lane.scores
        const segmentCost = voices
          ? (q: number, k: number) => {
              const segment = lane.segments[from + k]!
              const log = turns[order[q]!]!.lane === 'agent' ? voices.logAgent : voices.logUser
              return -SPEAKER_WEIGHT * Math.min(3, segment.end - segment.start) * log[from + k]!
            }
          : undefined
        const segments = lane.segments.slice(from, to)
        return scoredAlignment(segments, dpTurns, segmentCost ? { segmentCost } : {})
      }
      const found = run(lane.turns)
      const { matches } = lane.key === 'both' ? reorderDoubtfulPairs(lane, found, run) : found
      const labels = new Array<0 | 1 | undefined>(lane.segments.length)
      for (const [q, match] of matches.entries()) {
        if (!match) continue
        const i = lane.turns[q]!
        starts[i] = lane.segments[match.first]!.start
        ends[i] = lane.segments[match.last]!.end
        if (Math.abs(starts[i] - prior[i]!) <= 2 * sigma[i]!)
          for (let k = match.first; k <= match.last; k++)
            labels[k] = turns[i]!.lane === 'agent' ? 1 : 0
      }
      // On a mixed recording the voices tell the turns apart: learnt from this pass's matches.
      if (lane.key === 'both') {
        const model = fitSpeakers(lane.voices(), labels)
        if (model && !lane.split) {
          lane.split = true
          lane.segments = splitAtVoiceChanges(lane.channel, lane.segments, model)
          lane.voiceCache = undefined
        }
        lane.scores = model ? scoreVoices(model, lane.voices()) : undefined
        lane.model = model
      }
    }
    const points = turns.flatMap((t, i) =>
      starts[i] === undefined || t.clock === 'order'
        ? []
        : [{ x: t.start, y: starts[i], group: t.lane === 'user' ? 0 : 1 }],
    )
    if (points.length >= 3) {
      fit = fitClock(points, 2, fitRate ? Number.POSITIVE_INFINITY : RATE_PRIOR)
      const floor = (i: number) => (tight[i] ? 0.06 : 0.25)
      prior = turns.map((t, i) =>
        t.clock === 'order'
          ? prior[i]!
          : t.start + fit.bias[t.lane === 'user' ? 0 : 1]! + fit.rate * t.start,
      )
      sigma = turns.map((t, i) =>
        t.clock === 'order' ? sigma[i]! : Math.max(floor(i), 2 * fit.spread),
      )
    }
    // Order-only turns among timed ones: once their neighbours are placed, the gaps between them
    // bound the prior. With no timestamps at all, the layout on speech time stays the prior: a
    // pass's own matches would only confirm themselves, while the voices learnt meanwhile can
    // correct them.
    const order = orderPriors(turns, starts, prior)
    for (const [i, t] of turns.entries()) {
      if (t.clock !== 'order' || orderOnly) continue
      prior[i] = order[i]!
      sigma[i] = Math.max(1, sigma[i]! / 3)
    }
    for (const lane of ['user', 'agent'] as const) {
      const observed = turns.flatMap((t, i) =>
        t.lane === lane && !t.interrupted && starts[i] !== undefined && t.chars > 0
          ? [t.chars / Math.max(0.2, ends[i]! - starts[i])]
          : [],
      )
      if (observed.length >= 3) rate[lane] = median(observed)
    }
  }
  const heardBefore = new Map<number, number>()
  for (const lane of lanes)
    lane.turns.forEach((i, q) => q > 0 && heardBefore.set(i, lane.turns[q - 1]!))
  /** For a caller who cut into an interrupted reply on a mono mix: when that reply stopped. */
  const replyCutAt = (i: number, lane: Lane): { reply: number; at: number } | undefined => {
    const p = heardBefore.get(i)
    if (p === undefined || lane.key !== 'both') return undefined
    const [before, turn] = [turns[p]!, turns[i]!]
    const start = starts[i]
    const end = ends[p]
    if (!before.interrupted || before.lane !== 'agent' || turn.lane !== 'user') return undefined
    if (start === undefined || end === undefined) return undefined
    if (Math.abs(start - end) <= JOINED_S) return { reply: p, at: end }
    const last = lane.segments.find((s) => s.end === end)
    const tail = last && lane.model ? callerTailStart(lane.channel, last, lane.model) : undefined
    return tail === undefined ? undefined : { reply: p, at: tail }
  }
  const result = new Map<string, AlignedTurn>()
  for (const [i, turn] of turns.entries()) {
    const lane = lanes.find((l) => l.turns.includes(i))
    const start = starts[i]
    // A clock left where it is still gets its lane's fitted bias: the audio measured that much.
    const held = prior[i]!
    if (start === undefined || !lane) {
      result.set(turn.id, {
        start: held,
        end: held + (turn.end - turn.start),
        confidence: 0,
        status: turn.fixed ? 'kept' : 'unmatched',
      })
      continue
    }
    const cut = replyCutAt(i, lane)
    const onset =
      cut === undefined
        ? refineOnset(lane.channel, start)
        : Math.max(starts[cut.reply]! + 0.2, cut.at - BARGE_IN_LAG_S)
    const confidence = matchConfidence(
      onset,
      ends[i]!,
      prior[i]!,
      sigma[i]!,
      expectedDuration[i]!,
      turn,
    )
    const aligned: AlignedTurn = {
      start: onset,
      end: Math.max(onset + 0.05, ends[i]!),
      confidence,
      status: 'matched',
    }
    if (turn.fixed) aligned.status = 'kept'
    else if (tight[i]) {
      // A measured clock moves only where the audio is clear and close to where the clock says.
      const trusted =
        Math.abs(onset - prior[i]!) <= MEASURED_MAX_MOVE_S && confidence >= MEASURED_MIN_CONFIDENCE
      if (!trusted)
        Object.assign(aligned, {
          start: held,
          end: held + turn.end - turn.start,
          status: shared ? 'matched' : 'kept',
        })
    }
    result.set(turn.id, aligned)
  }
  return {
    turns: result,
    offset: fit.bias[turns.some((t) => t.lane === 'agent') ? 1 : 0]!,
    driftPpm: fitRate ? fit.rate * 1e6 : 0,
    driftFitted: fitRate,
  }
}

/**
 * For turns known only by their order: each unmatched one is put between its placed neighbours,
 * in proportion to its index; a matched one keeps its match.
 */
function orderPriors(
  turns: readonly TurnToAlign[],
  starts: readonly (number | undefined)[],
  prior: readonly number[],
): number[] {
  const out = [...prior]
  let previous = -1
  for (let i = 0; i <= turns.length; i++) {
    if (i < turns.length && starts[i] === undefined) continue
    const from = previous >= 0 ? starts[previous]! : undefined
    const to = i < turns.length ? starts[i]! : undefined
    for (let q = previous + 1; q < i; q++) {
      if (from !== undefined && to !== undefined)
        out[q] = from + ((to - from) * (q - previous)) / (i - previous)
    }
    if (i < turns.length) out[i] = starts[i]!
    previous = i
  }
  return out
}

function initialSigma(
  turn: TurnToAlign,
  tight: boolean,
  shared: boolean,
  duration: number,
): number {
  if (tight) return shared ? 0.5 : 0.15
  if (turn.clock === 'rough') return 1
  return Math.max(10, 0.25 * duration)
}

function matchConfidence(
  start: number,
  end: number,
  prior: number,
  sigma: number,
  expected: number,
  turn: TurnToAlign,
): number {
  const z = turn.clock === 'order' ? 0 : (start - prior) / sigma
  let ratio = Math.log(Math.max(0.05, end - start) / Math.max(0.1, expected))
  if (turn.interrupted && ratio < 0) ratio *= 0.3
  return Math.exp(-0.5 * z * z * 0.25) * Math.exp(-0.5 * (ratio / 0.5) ** 2)
}

function buildLanes(
  turns: readonly TurnToAlign[],
  features: AlignmentFeatures,
  layout: ChannelLayout,
  { speech, segments: found }: AlignOptions,
): Lane[] {
  const indices = (lane?: SpeechLane) =>
    turns.flatMap((t, i) => (lane === undefined || t.lane === lane ? [i] : []))
  const lane = (key: Lane['key'], channel: number, which?: SpeechLane): Lane | undefined => {
    const channelFeatures = features.channels[channel]
    if (!channelFeatures) return undefined
    const segments = withoutSustainedSound(
      found?.get(channel) ?? speechSegments(channelFeatures.energy),
      channelFeatures.energy,
      (segment) => verdictFor(speech, channel, segment),
    )
    const lane: Lane = {
      key,
      channel: channelFeatures,
      segments,
      turns: indices(which),
      voices: () =>
        (lane.voiceCache ??= lane.segments.map((s) => segmentVoice(channelFeatures, s))),
    }
    return lane
  }
  const built =
    layout.kind === 'stereo'
      ? [lane('user', layout.user, 'user'), lane('agent', layout.agent, 'agent')]
      : [lane('both', layout.channel)]
  return built.filter((l): l is Lane => l !== undefined)
}

/** Speech segments of every channel the layout listens to, by channel. */
export function channelSegments(
  features: AlignmentFeatures,
  layout: ChannelLayout,
): Map<number, Segment[]> {
  const channels = layout.kind === 'stereo' ? [layout.user, layout.agent] : [layout.channel]
  const out = new Map<number, Segment[]>()
  for (const channel of channels) {
    const energy = features.channels[channel]?.energy
    if (energy && !out.has(channel)) out.set(channel, speechSegments(energy))
  }
  return out
}

/** The coarse shift for the rough clocks, from every lane's expected and detected speech. */
function coarseShift(
  turns: readonly TurnToAlign[],
  expectedDuration: readonly number[],
  lanes: readonly Lane[],
  frames: number,
  maxLagS: number,
  shared: boolean,
): number {
  const movable = turns.some((t) => t.clock !== 'measured' && !t.fixed)
  if (!movable && !shared) return 0
  const origin = Math.min(0, ...turns.map((t) => t.start))
  const toFrame = (t: number) => Math.round((t - origin) / FEATURE_HOP_S)
  const length = Math.max(
    frames,
    ...turns.map((t, i) => toFrame(t.start + expectedDuration[i]!) + 1),
  )
  const masks: LaneMasks[] = lanes.map((lane) => {
    const expected = new Float32Array(length)
    for (const i of lane.turns) {
      const t = turns[i]!
      expected.fill(
        1,
        Math.max(0, toFrame(t.start)),
        Math.min(length, toFrame(t.start + expectedDuration[i]!)),
      )
    }
    return { expected, detected: segmentMask(lane.segments, frames) }
  })
  const { offset } = coarseOffset(masks, maxLagS)
  return offset - origin
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}
