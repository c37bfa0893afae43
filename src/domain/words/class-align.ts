import type { BroadClass } from './broad-classes'
import type { FrameClass } from './class-costs'
import { FRAME_CLASSES } from './class-costs'
import type { BoundaryPunctuation } from './word-weight'

/** One word to align: its classes, the punctuation after it, and the duration model's start. */
export interface ClassWord {
  classes: readonly BroadClass[]
  punctuation: BoundaryPunctuation
  /** The fallback's start, frames from the span start: the prior the acoustics move words from. */
  expectedFrame: number
}

export interface ClassAlignment {
  /** First frame of each word (from the span start). */
  starts: number[]
  /** Mean frame cost of each word's frames: a poor fit is high. */
  costs: number[]
}

/** Shortest run of each class, frames (10 ms): what the shortest real segments last. */
const MIN_FRAMES: Record<FrameClass, number> = {
  vowel: 3,
  sonorant: 2,
  fricative: 3,
  stop: 2,
  pause: 6,
}
/** Typical run of each class, frames: sets how dear it is to stay. */
const MEAN_FRAMES: Record<FrameClass, number> = {
  vowel: 10,
  sonorant: 6,
  fricative: 9,
  stop: 6,
  pause: 25,
}
/** Entering a pause after a word with this punctuation costs this much. */
const PAUSE_ENTRY: Record<BoundaryPunctuation, number> = { sentence: 0, clause: 1, none: 3 }
/** The duration model's prior on a word start: a Gaussian of this width, frames. */
const PRIOR_WIDTH_FRAMES = 10
const PRIOR_WEIGHT = 0.5

interface Segment {
  cls: FrameClass
  word: number
  firstOfWord: boolean
  optional: boolean
  entry: number
}

/**
 * Viterbi alignment of the words' broad classes to the span's frames (class costs from
 * `classCosts`): each class a left-to-right run of at least `MIN_FRAMES`, an optional pause
 * between words, each word start pulled towards its expected frame.
 */
export function alignClasses(
  words: readonly ClassWord[],
  costs: Float32Array,
  frames: number,
): ClassAlignment | undefined {
  const segments = segmentsOf(words)
  const stateSegment: number[] = []
  const firstState: number[] = []
  segments.forEach((segment, k) => {
    firstState.push(stateSegment.length)
    for (let i = 0; i < MIN_FRAMES[segment.cls]; i++) stateSegment.push(k)
  })
  const states = stateSegment.length
  if (states > frames) return undefined
  const isLast = (s: number) => stateSegment[s + 1] !== stateSegment[s]
  const classIndex = segments.map((s) => FRAME_CLASSES.indexOf(s.cls))
  const stay = segments.map((s) => -Math.log(1 - 1 / (MEAN_FRAMES[s.cls] - MIN_FRAMES[s.cls] + 1)))
  const leave = segments.map((s) => -Math.log(1 / (MEAN_FRAMES[s.cls] - MIN_FRAMES[s.cls] + 1)))

  let previous = new Float64Array(states).fill(Infinity)
  let current = new Float64Array(states)
  const back = new Int32Array(states * frames)
  const entryCost = (k: number, t: number) => {
    const segment = segments[k]
    if (!segment) return Infinity
    let cost = segment.entry
    const word = words[segment.word]
    if (segment.firstOfWord && segment.word > 0 && word) {
      const d = (t - word.expectedFrame) / PRIOR_WIDTH_FRAMES
      cost += PRIOR_WEIGHT * d * d
    }
    return cost
  }
  for (let s = 0; s < states; s++) {
    const k = stateSegment[s] ?? 0
    const reachable = s === 0 || (s === firstState[1] && segments[0]?.optional)
    previous[s] = reachable
      ? entryCost(k, 0) + frameCost(costs, frames, classIndex[k] ?? 0, 0)
      : Infinity
    back[s] = -1
  }
  for (let t = 1; t < frames; t++) {
    for (let s = 0; s < states; s++) {
      const k = stateSegment[s] ?? 0
      let best = isLast(s) ? (previous[s] ?? Infinity) + (stay[k] ?? 0) : Infinity
      let from = s
      if (s > 0 && stateSegment[s - 1] === k) {
        const chain = previous[s - 1] ?? Infinity
        if (chain < best) {
          best = chain
          from = s - 1
        }
      } else if (k > 0) {
        const entry = entryCost(k, t)
        const before = (firstState[k] ?? 0) - 1
        const step = (previous[before] ?? Infinity) + (leave[k - 1] ?? 0) + entry
        if (step < best) {
          best = step
          from = before
        }
        // Skip the optional pause in front of this segment.
        if (segments[k - 1]?.optional && k > 1) {
          const skipFrom = (firstState[k - 1] ?? 0) - 1
          const skip = (previous[skipFrom] ?? Infinity) + (leave[k - 2] ?? 0) + entry
          if (skip < best) {
            best = skip
            from = skipFrom
          }
        }
      }
      current[s] = best + frameCost(costs, frames, classIndex[k] ?? 0, t)
      back[t * states + s] = from
    }
    ;[previous, current] = [current, previous]
  }
  const lastSegment = segments.length - 1
  let end = states - 1
  if (segments[lastSegment]?.optional) {
    const beforePause = (firstState[lastSegment] ?? 0) - 1
    if ((previous[beforePause] ?? Infinity) < (previous[end] ?? Infinity)) end = beforePause
  }
  if (!Number.isFinite(previous[end] ?? Infinity)) return undefined
  return readPath(words, segments, stateSegment, back, states, frames, end, costs, classIndex)
}

function frameCost(costs: Float32Array, frames: number, cls: number, t: number): number {
  return costs[cls * frames + t] ?? 0
}

/** Leading pause, each word's classes, a pause after each word (all pauses optional). */
function segmentsOf(words: readonly ClassWord[]): Segment[] {
  const segments: Segment[] = [
    { cls: 'pause', word: 0, firstOfWord: false, optional: true, entry: 0 },
  ]
  words.forEach((word, w) => {
    word.classes.forEach((cls, i) =>
      segments.push({ cls, word: w, firstOfWord: i === 0, optional: false, entry: 0 }),
    )
    const entry = w === words.length - 1 ? 0 : PAUSE_ENTRY[word.punctuation]
    segments.push({ cls: 'pause', word: w, firstOfWord: false, optional: true, entry })
  })
  return segments
}

function readPath(
  words: readonly ClassWord[],
  segments: readonly Segment[],
  stateSegment: readonly number[],
  back: Int32Array,
  states: number,
  frames: number,
  end: number,
  costs: Float32Array,
  classIndex: readonly number[],
): ClassAlignment {
  const starts = words.map(() => 0)
  const sums = words.map(() => 0)
  const counts = words.map(() => 0)
  let s = end
  for (let t = frames - 1; t >= 0; t--) {
    const k = stateSegment[s] ?? 0
    const segment = segments[k]
    if (segment && !segment.optional) {
      sums[segment.word] =
        (sums[segment.word] ?? 0) + frameCost(costs, frames, classIndex[k] ?? 0, t)
      counts[segment.word] = (counts[segment.word] ?? 0) + 1
      if (segment.firstOfWord) starts[segment.word] = t
    }
    if (t > 0) s = back[t * states + s] ?? 0
  }
  return { starts, costs: sums.map((sum, w) => sum / Math.max(1, counts[w] ?? 0)) }
}
