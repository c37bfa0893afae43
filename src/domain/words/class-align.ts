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
  /** The class index (`FRAME_CLASSES`) the path gives each frame. */
  frameClass: Int8Array
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
const PAUSE_ENTRY: Record<BoundaryPunctuation, number> = { sentence: 0, clause: 0.5, none: 1.5 }
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
 * between words, each word start pulled towards its expected frame and kept within `BAND_FRAMES`
 * of it (the guard would reject a word moved further, so those paths are not searched).
 */
export function alignClasses(
  words: readonly ClassWord[],
  costs: Float32Array,
  frames: number,
): ClassAlignment | undefined {
  const graph = stateGraph(words, frames)
  const states = graph.segmentOf.length
  if (states > frames) return undefined
  let previous = new Float64Array(states).fill(Infinity)
  let current = new Float64Array(states).fill(Infinity)
  const back = backSteps(states * frames)
  // The state range each of the two buffers last held: what leaves it is reset to Infinity.
  const writtenFrom = [0, 0]
  const writtenTo = [-1, -1]
  const { stay, enterFrom, enterCost, skipFrom, skipCost, priorWord, lo, hi } = graph
  const costRow = Int32Array.from(graph.classOf, (cls) => cls * frames)
  const expected = Float64Array.from(priorWord, (w) => (w < 0 ? 0 : (words[w]?.expectedFrame ?? 0)))
  const prior = (s: number, t: number) => {
    if ((priorWord[s] ?? -1) < 0) return 0
    const d = (t - (expected[s] ?? t)) / PRIOR_WIDTH_FRAMES
    return PRIOR_WEIGHT * d * d
  }
  previous[0] = costs[costRow[0] ?? 0] ?? 0
  const afterLeadingPause = graph.firstAfterLeadingPause
  previous[afterLeadingPause] =
    prior(afterLeadingPause, 0) + (costs[costRow[afterLeadingPause] ?? 0] ?? 0)
  let first = 0
  let last = 0
  for (let t = 1; t < frames; t++) {
    while (first < states && (hi[first] ?? 0) < t) first++
    while (last + 1 < states && (lo[last + 1] ?? 0) <= t) last++
    const staleTo = Math.min(first, (writtenTo[t % 2] ?? -1) + 1)
    for (let s = writtenFrom[t % 2] ?? 0; s < staleTo; s++) current[s] = Infinity
    writtenFrom[t % 2] = first
    writtenTo[t % 2] = last
    const row = t * states
    for (let s = first; s <= last; s++) {
      let best = (previous[s] ?? Infinity) + (stay[s] ?? Infinity)
      let from = s
      // The state before: the same run's (free), or the previous run's last (its leaving cost).
      const enter = enterFrom[s] ?? -1
      const step = (previous[enter] ?? Infinity) + (enterCost[s] ?? 0) + prior(s, t)
      if (step < best) {
        best = step
        from = enter
      }
      const skip = skipFrom[s] ?? -1
      if (skip >= 0) {
        const skipped = (previous[skip] ?? Infinity) + (skipCost[s] ?? 0) + prior(s, t)
        if (skipped < best) {
          best = skipped
          from = skip
        }
      }
      current[s] = best + (costs[(costRow[s] ?? 0) + t] ?? 0)
      back[row + s] = s - from
    }
    ;[previous, current] = [current, previous]
  }
  let end = states - 1
  const beforeTrailingPause = graph.lastBeforeTrailingPause
  if ((previous[beforeTrailingPause] ?? Infinity) < (previous[end] ?? Infinity))
    end = beforeTrailingPause
  if (!Number.isFinite(previous[end] ?? Infinity)) return undefined
  return readPath(words, graph, back, frames, end, costs)
}

let backBuffer = new Uint8Array(0)

/**
 * Back pointers as steps back in the state list (0 stay, 1 the state before, a pause's length + 1
 * to skip it), in one buffer reused across messages: a 10 s turn needs about 300 k of them.
 */
function backSteps(size: number): Uint8Array {
  if (backBuffer.length < size) backBuffer = new Uint8Array(Math.max(size, 2 * backBuffer.length))
  return backBuffer
}

/** The left-to-right states of the segments, with what each may come from and its frame band. */
interface StateGraph {
  segmentOf: Int32Array
  segments: Segment[]
  classOf: Int32Array
  /** Cost of staying in the state (Infinity: a run's inner frames move on). */
  stay: Float64Array
  /** The state entered from (s − 1 inside a run, the previous run's last state at its start). */
  enterFrom: Int32Array
  enterCost: Float64Array
  /** At a run after an optional pause: the state before the pause, to skip it. */
  skipFrom: Int32Array
  skipCost: Float64Array
  /** The word whose start this state is (its prior applies on entry), else −1. */
  priorWord: Int32Array
  lo: Int32Array
  hi: Int32Array
  firstAfterLeadingPause: number
  lastBeforeTrailingPause: number
}

const BAND_FRAMES = 45

function stateGraph(words: readonly ClassWord[], frames: number): StateGraph {
  const segments = segmentsOf(words)
  const firstState: number[] = []
  let count = 0
  for (const segment of segments) {
    firstState.push(count)
    count += MIN_FRAMES[segment.cls]
  }
  const graph: StateGraph = {
    segmentOf: new Int32Array(count),
    segments,
    classOf: new Int32Array(count),
    stay: new Float64Array(count).fill(Infinity),
    enterFrom: new Int32Array(count).fill(-1),
    enterCost: new Float64Array(count),
    skipFrom: new Int32Array(count).fill(-1),
    skipCost: new Float64Array(count),
    priorWord: new Int32Array(count).fill(-1),
    lo: new Int32Array(count),
    hi: new Int32Array(count),
    firstAfterLeadingPause: firstState[1] ?? 0,
    lastBeforeTrailingPause: (firstState[segments.length - 1] ?? count) - 1,
  }
  const expected = (w: number) => (w >= words.length ? frames : (words[w]?.expectedFrame ?? 0))
  const leave = (k: number) => {
    const cls = segments[k]?.cls ?? 'pause'
    return -Math.log(1 / (MEAN_FRAMES[cls] - MIN_FRAMES[cls] + 1))
  }
  segments.forEach((segment, k) => {
    const from = firstState[k] ?? 0
    const to = from + MIN_FRAMES[segment.cls]
    const loopCost = -Math.log(1 - 1 / (MEAN_FRAMES[segment.cls] - MIN_FRAMES[segment.cls] + 1))
    const leading = k === 0
    for (let s = from; s < to; s++) {
      graph.segmentOf[s] = k
      graph.classOf[s] = FRAME_CLASSES.indexOf(segment.cls)
      graph.lo[s] = leading ? 0 : Math.max(0, expected(segment.word) - BAND_FRAMES)
      graph.hi[s] = Math.min(frames, expected(segment.word + 1) + BAND_FRAMES)
      if (s > from) {
        graph.enterFrom[s] = s - 1
        continue
      }
      if (k === 0) continue
      graph.enterFrom[s] = from - 1
      graph.enterCost[s] = leave(k - 1) + segment.entry
      if (segment.firstOfWord && segment.word > 0) graph.priorWord[s] = segment.word
      if (segments[k - 1]?.optional && k > 1) {
        graph.skipFrom[s] = (firstState[k - 1] ?? 0) - 1
        graph.skipCost[s] = leave(k - 2) + segment.entry
      }
    }
    graph.stay[to - 1] = loopCost
  })
  return graph
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
  graph: StateGraph,
  back: Uint8Array,
  frames: number,
  end: number,
  costs: Float32Array,
): ClassAlignment {
  const states = graph.segmentOf.length
  const starts = words.map(() => 0)
  const sums = words.map(() => 0)
  const counts = words.map(() => 0)
  const frameClass = new Int8Array(frames)
  let s = end
  for (let t = frames - 1; t >= 0; t--) {
    frameClass[t] = graph.classOf[s] ?? 0
    const segment = graph.segments[graph.segmentOf[s] ?? 0]
    if (segment && !segment.optional) {
      sums[segment.word] =
        (sums[segment.word] ?? 0) + (costs[(graph.classOf[s] ?? 0) * frames + t] ?? 0)
      counts[segment.word] = (counts[segment.word] ?? 0) + 1
      if (segment.firstOfWord) starts[segment.word] = t
    }
    if (t > 0) s -= back[t * states + s] ?? 0
  }
  return { starts, costs: sums.map((sum, w) => sum / Math.max(1, counts[w] ?? 0)), frameClass }
}
