import { FEATURE_HOP_S } from '../audio/features'
import type { BoundaryPunctuation } from './word-weight'
import { trailingPunctuation, wordWeight } from './word-weight'

/**
 * Word starts from energy alone (alignment.md §3.7a, about 120 ms mean): pauses of ≥ 90 ms inside
 * the message are assigned to word boundaries by DP (a pause prefers to follow punctuation), the
 * words of each stretch between pauses are spread by syllable weight, and each boundary inside a
 * stretch snaps to the energy minimum within ±60 ms.
 */
export interface FallbackInput {
  /** The words heard in the span, in order. */
  words: readonly string[]
  /** Frames [startFrame, endFrame) of the message's span in the channel's features. */
  startFrame: number
  endFrame: number
  /** Band energy per frame, dB (`ChannelFeatures.energy`). */
  energy: Float32Array
  /** A frame whose smoothed energy reaches this level is speech: `speechLevels(energy).off`. */
  speechLevelDb: number
}

const MIN_PAUSE_FRAMES = 9
const SNAP_FRAMES = 6
const SNAP_DISTANCE_COST = 0.3
/** A pause left inside a stretch (not a word boundary) costs this much. */
const UNUSED_PAUSE_COST = 2
/**
 * The word before a pause is drawn out (phrase-final lengthening): without it the inner words of a
 * stretch came out 90 ms late on average on the generated calls; 1.6 would fit them best, 1.3 also
 * suits the demo call's word-by-word speech (word-timing.md).
 */
export const PHRASE_FINAL_LENGTHENING = 1.3
const BOUNDARY_COST: Record<BoundaryPunctuation, number> = { sentence: -1.5, clause: -1, none: 0.5 }

/** Word starts in seconds on the features' clock (frame f starts at f × 10 ms). */
export function fallbackWordStarts(input: FallbackInput): number[] {
  const { words, startFrame, endFrame } = input
  if (words.length === 0) return []
  if (endFrame - startFrame < 2) return words.map(() => startFrame * FEATURE_HOP_S)
  const smoothed = smooth3(input.energy, startFrame, endFrame)
  const pauses = findPauses(smoothed, startFrame, endFrame, input.speechLevelDb).map((pause) =>
    tightenPause(pause, input.energy, input.speechLevelDb),
  )
  const weights = words.map(wordWeight)
  const stretches = assignPauses(words, weights, pauses, startFrame, endFrame)
  const starts = new Array<number>(words.length).fill(startFrame)
  const stretchStarts = new Set<number>()
  for (const stretch of stretches) {
    stretchStarts.add(stretch.firstWord)
    spread(stretch, weights, starts)
  }
  for (let w = 1; w < words.length; w++) {
    if (stretchStarts.has(w)) continue
    starts[w] = snapToDip(smoothed, startFrame, endFrame, starts[w] ?? startFrame)
  }
  return starts.map((frame) => frame * FEATURE_HOP_S)
}

interface Pause {
  start: number
  end: number
}

/** A run of words between used pauses; `runs` are its speech parts (unused pauses cut out). */
interface Stretch {
  firstWord: number
  endWord: number
  runs: Pause[]
}

function smooth3(energy: Float32Array, from: number, to: number): Float32Array {
  const out = new Float32Array(energy.length)
  for (let f = from; f < to; f++) {
    const lo = Math.max(from, f - 1)
    const hi = Math.min(to - 1, f + 1)
    let sum = 0
    for (let g = lo; g <= hi; g++) sum += energy[g] ?? 0
    out[f] = sum / (hi - lo + 1)
  }
  return out
}

/** Quiet runs of ≥ 90 ms that have speech on both sides inside the span. */
function findPauses(smoothed: Float32Array, from: number, to: number, level: number): Pause[] {
  const pauses: Pause[] = []
  let quietFrom: number | undefined
  let heardSpeech = false
  for (let f = from; f < to; f++) {
    const speech = (smoothed[f] ?? 0) >= level
    if (!speech) {
      if (heardSpeech) quietFrom ??= f
      continue
    }
    if (quietFrom !== undefined && f - quietFrom >= MIN_PAUSE_FRAMES)
      pauses.push({ start: quietFrom, end: f })
    quietFrom = undefined
    heardSpeech = true
  }
  return pauses
}

/** Smoothing widens speech by a frame on each side; the raw energy puts the pause edges back. */
function tightenPause(pause: Pause, energy: Float32Array, level: number): Pause {
  let { start, end } = pause
  while (start > 0 && (energy[start - 1] ?? level) < level) start--
  while (end < energy.length && (energy[end] ?? level) < level) end++
  return { start, end }
}

/**
 * DP over (last used pause, first word of the next stretch): each used pause ends a stretch after
 * some word; a stretch's speech duration should match its words' share of the speaking rate.
 */
function assignPauses(
  words: readonly string[],
  weights: readonly number[],
  pauses: readonly Pause[],
  startFrame: number,
  endFrame: number,
): Stretch[] {
  const n = words.length
  const p = pauses.length
  const paused = pauses.reduce((sum, x) => sum + x.end - x.start, 0)
  const cumulative = [0]
  for (const w of weights) cumulative.push((cumulative.at(-1) ?? 0) + w)
  const framesPerWeight = Math.max(1, endFrame - startFrame - paused) / (cumulative.at(-1) ?? 1)
  const punctuation = words.map(trailingPunctuation)
  // Boundary u (0..p+1): u = 0 is the span start, 1..p the pauses, p + 1 the span end.
  const edgeEnd = (u: number) => (u === 0 ? startFrame : (pauses[u - 1]?.end ?? endFrame))
  const edgeStart = (u: number) => (u === p + 1 ? endFrame : (pauses[u - 1]?.start ?? startFrame))
  const runsBetween = (u: number, v: number): Pause[] => {
    const runs: Pause[] = []
    let from = edgeEnd(u)
    for (let k = u + 1; k < v; k++) {
      const pause = pauses[k - 1]
      if (!pause) continue
      runs.push({ start: from, end: pause.start })
      from = pause.end
    }
    runs.push({ start: from, end: edgeStart(v) })
    return runs
  }
  const speechFrames = (runs: readonly Pause[]) => runs.reduce((s, r) => s + r.end - r.start, 0)

  const states = p + 2
  const cost = new Float64Array(states * (n + 1)).fill(Infinity)
  const back = new Int32Array(states * (n + 1)).fill(-1)
  cost[0] = 0
  for (let u = 0; u <= p; u++) {
    for (let m0 = 0; m0 < n; m0++) {
      const here = cost[u * (n + 1) + m0] ?? Infinity
      if (here === Infinity) continue
      for (let v = u + 1; v <= p + 1; v++) {
        const duration = speechFrames(runsBetween(u, v))
        const skipped = (v - u - 1) * UNUSED_PAUSE_COST
        const lastWord = v === p + 1 ? n : n - 1
        const firstWord = v === p + 1 ? n : m0 + 1
        for (let m1 = firstWord; m1 <= lastWord; m1++) {
          const expected = ((cumulative[m1] ?? 0) - (cumulative[m0] ?? 0)) * framesPerWeight
          const misfit = (duration - expected) / (0.25 * expected + 8)
          const boundary = v === p + 1 ? 0 : BOUNDARY_COST[punctuation[m1 - 1] ?? 'none']
          const total = here + 0.5 * misfit * misfit + skipped + boundary
          const at = v * (n + 1) + m1
          if (total < (cost[at] ?? Infinity)) {
            cost[at] = total
            back[at] = u * (n + 1) + m0
          }
        }
      }
    }
  }
  const stretches: Stretch[] = []
  let at = (p + 1) * (n + 1) + n
  if (back[at] === -1)
    return [{ firstWord: 0, endWord: n, runs: [{ start: startFrame, end: endFrame }] }]
  while (at > 0) {
    const from = back[at] ?? 0
    const v = Math.floor(at / (n + 1))
    const u = Math.floor(from / (n + 1))
    stretches.unshift({ firstWord: from % (n + 1), endWord: at % (n + 1), runs: runsBetween(u, v) })
    at = from
  }
  return stretches
}

/** Word starts spread over the stretch's speech frames in proportion to the word weights. */
function spread(stretch: Stretch, weights: readonly number[], starts: number[]) {
  const total = stretch.runs.reduce((s, r) => s + r.end - r.start, 0)
  const weightOf = (w: number) =>
    (weights[w] ?? 0) * (w === stretch.endWord - 1 ? PHRASE_FINAL_LENGTHENING : 1)
  let weightSum = 0
  for (let w = stretch.firstWord; w < stretch.endWord; w++) weightSum += weightOf(w)
  let before = 0
  for (let w = stretch.firstWord; w < stretch.endWord; w++) {
    starts[w] = frameAtSpeechOffset(stretch.runs, (before / weightSum) * total)
    before += weightOf(w)
  }
}

/** The frame `offset` speech frames into the runs; an offset on a run's end goes to the next run. */
function frameAtSpeechOffset(runs: readonly Pause[], offset: number): number {
  let left = offset
  for (const run of runs) {
    const length = run.end - run.start
    if (left < length) return run.start + left
    left -= length
  }
  return runs.at(-1)?.end ?? 0
}

/** The frame after the quietest frame within ±60 ms, nearer frames preferred. */
function snapToDip(smoothed: Float32Array, from: number, to: number, frame: number): number {
  const centre = Math.round(frame)
  const lo = Math.max(from, centre - SNAP_FRAMES)
  const hi = Math.min(to - 1, centre + SNAP_FRAMES)
  if (hi <= lo) return frame
  let best = lo
  let bestScore = Infinity
  for (let f = lo; f <= hi; f++) {
    const score = (smoothed[f] ?? 0) + SNAP_DISTANCE_COST * Math.abs(f - centre)
    if (score < bestScore) {
      bestScore = score
      best = f
    }
  }
  return best + 1
}
