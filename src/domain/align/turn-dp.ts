import type { Segment } from './speech-segments'

export interface DpTurn {
  /** Where the timestamps put the start, seconds. */
  prior: number
  /** Standard deviation of that prior, seconds. */
  sigma: number
  /** Expected spoken duration, seconds. */
  duration: number
  /** Cut off: speech may be much shorter than expected, never much longer. */
  interrupted: boolean
}

/** Turn i took segments first..last (inclusive), or none. */
export type DpMatch = { first: number; last: number } | undefined

export interface DpOptions {
  /** Extra cost of segment k for turn i (a speaker or channel term), added per matched segment. */
  segmentCost?: (turn: number, segment: number) => number
}

const UNMATCHED_COST = 8
const DURATION_SIGMA = 0.35
const GAP_FREE_S = 0.6
const GAP_COST_PER_S = 3
const MAX_SEGMENTS_PER_TURN = 40

/** Skipping speech costs more the longer it is, up to a cap (alignment.md §3.4). */
export function skipCost(segment: Segment): number {
  return Math.min(3 * (segment.end - segment.start), 3) + 0.5
}

/**
 * Monotonic semi-Markov alignment of turns to speech segments: each turn takes a run of consecutive
 * segments or none ("unmatched", keeps its prior), segments between turns are skipped at a cost, and
 * no segment is used twice. Costs: start prior, log-duration (one-sided when interrupted), internal
 * gaps over 0.6 s, skipped speech.
 */
export function alignTurns(
  segments: readonly Segment[],
  turns: readonly DpTurn[],
  options: DpOptions = {},
): DpMatch[] {
  return scoredAlignment(segments, turns, options).matches
}

/** {@link alignTurns} with the total cost of its answer, to compare two orders of the turns. */
export function scoredAlignment(
  segments: readonly Segment[],
  turns: readonly DpTurn[],
  options: DpOptions = {},
): { matches: DpMatch[]; cost: number } {
  const m = segments.length
  const n = turns.length
  const cumSkip = new Float64Array(m + 1)
  for (let k = 0; k < m; k++) cumSkip[k + 1] = cumSkip[k]! + skipCost(segments[k]!)
  // best[k]: cost with the turns so far done and the first k segments consumed or skipped.
  let best = Float64Array.from(cumSkip)
  const from: Int32Array[] = []
  const firstOf: Int32Array[] = []
  for (let i = 0; i < n; i++) {
    const turn = turns[i]!
    const next = new Float64Array(m + 1).fill(Number.POSITIVE_INFINITY)
    const back = new Int32Array(m + 1).fill(-1)
    const first = new Int32Array(m + 1).fill(-1)
    for (let k = 0; k <= m; k++) {
      next[k] = best[k]! + UNMATCHED_COST
      back[k] = k
    }
    // Cheapest way to arrive before segment j having skipped everything since: a running minimum.
    const runMin = new Float64Array(m + 1)
    const runArg = new Int32Array(m + 1)
    for (let q = 0; q <= m; q++) {
      const v = best[q]! - cumSkip[q]!
      if (q === 0 || v <= runMin[q - 1]!) {
        runMin[q] = v
        runArg[q] = q
      } else {
        runMin[q] = runMin[q - 1]!
        runArg[q] = runArg[q - 1]!
      }
    }
    const window = 4 * turn.sigma + 0.5
    const last = firstStartAfter(segments, turn.prior + window)
    for (let j = firstStartAfter(segments, turn.prior - window - 1e-9); j < last; j++) {
      const a = segments[j]!.start
      const base = runMin[j]! + cumSkip[j]!
      if (!Number.isFinite(base)) continue
      const startCost = 0.5 * ((a - turn.prior) / turn.sigma) ** 2
      let gap = 0
      let speaker = 0
      for (let k = j; k < Math.min(m, j + MAX_SEGMENTS_PER_TURN); k++) {
        if (k > j)
          gap +=
            Math.max(0, segments[k]!.start - segments[k - 1]!.end - GAP_FREE_S) * GAP_COST_PER_S
        const span = segments[k]!.end - a
        if (span > 3 * turn.duration + 3) break
        let ratio = Math.log(span / Math.max(0.1, turn.duration))
        if (turn.interrupted && ratio < 0) ratio *= 0.3
        const durationCost = 0.5 * (ratio / DURATION_SIGMA) ** 2
        if (options.segmentCost) speaker += options.segmentCost(i, k)
        const cost = base + startCost + durationCost + gap + speaker
        if (cost < next[k + 1]!) {
          next[k + 1] = cost
          back[k + 1] = runArg[j]!
          first[k + 1] = j
        }
      }
    }
    from.push(back)
    firstOf.push(first)
    best = next
  }
  let k = 0
  let total = Number.POSITIVE_INFINITY
  for (let q = 0; q <= m; q++) {
    const v = best[q]! + (cumSkip[m]! - cumSkip[q]!)
    if (v < total) {
      total = v
      k = q
    }
  }
  const matches: DpMatch[] = new Array<DpMatch>(n)
  for (let i = n - 1; i >= 0; i--) {
    const previous = from[i]![k]!
    matches[i] = previous === k ? undefined : { first: firstOf[i]![k]!, last: k - 1 }
    k = previous
  }
  return { matches, cost: total }
}

/** Index of the first segment starting after `t` (segments are in time order). */
function firstStartAfter(segments: readonly Segment[], t: number): number {
  let lo = 0
  let hi = segments.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (segments[mid]!.start <= t) lo = mid + 1
    else hi = mid
  }
  return lo
}
