import type { ReferenceWord } from './reference-align'

/** Where a word's time comes from: the capture, the audio by reference alignment, or an estimate. */
export type WordKind = 'captured' | 'aligned' | 'estimated'

export interface WordStart {
  start: number
  kind: Extract<WordKind, 'aligned' | 'estimated'>
}

/** A reference word this far from the fallback is more likely a path error than a correction. */
export const MAX_SHIFT_FROM_FALLBACK_S = 0.25
const OUTLIER_MADS = 3
/** Short words match worse than long ones; a spread below this share of the median is noise. */
const MIN_SPREAD_OF_MEDIAN = 0.15
const MIN_WORDS_FOR_OUTLIERS = 4

/**
 * alignment.md §3.7: keep the reference word unless the path is implausible there (its cost is an
 * outlier among the message's words, or it moved > 250 ms from the fallback, or the recording
 * stopped before it); then keep the fallback. Starts never go backwards.
 */
export function guardWordStarts(
  fallback: readonly number[],
  aligned: readonly ReferenceWord[] | undefined,
): WordStart[] {
  const limit = aligned ? costLimit(aligned) : Infinity
  let previous = -Infinity
  return fallback.map((estimate, w) => {
    const candidate = aligned?.[w]
    const trusted =
      candidate?.start !== undefined &&
      candidate.cost <= limit &&
      Math.abs(candidate.start - estimate) <= MAX_SHIFT_FROM_FALLBACK_S
    const word: WordStart =
      trusted && candidate.start !== undefined
        ? { start: candidate.start, kind: 'aligned' }
        : { start: estimate, kind: 'estimated' }
    word.start = Math.max(word.start, previous)
    previous = word.start
    return word
  })
}

/**
 * Median + 3 scaled MADs of the finite word costs, the MAD at least 15 % of the median's size
 * (the class method's Gaussian costs are below 0 where a clean voice fits its classes closely).
 */
function costLimit(words: readonly ReferenceWord[]): number {
  const costs = words
    .map((w) => w.cost)
    .filter(Number.isFinite)
    .sort((a, b) => a - b)
  if (costs.length < MIN_WORDS_FOR_OUTLIERS) return Infinity
  const median = middle(costs)
  const deviations = costs.map((c) => Math.abs(c - median)).sort((a, b) => a - b)
  const spread = Math.max(middle(deviations), MIN_SPREAD_OF_MEDIAN * Math.abs(median), 1e-6)
  return median + OUTLIER_MADS * 1.4826 * spread
}

function middle(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}
