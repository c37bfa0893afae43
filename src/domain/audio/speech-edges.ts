import { PEAKS_PER_SECOND } from './peaks'

/** Where speech starts and stops on one channel, in seconds, ascending. */
export interface SpeechEdges {
  onsets: number[]
  offsets: number[]
}

/** A bin is speech above this share of the channel's loudest peak (and above −46 dBFS). */
const RELATIVE_LEVEL = 0.12
const ABSOLUTE_LEVEL = 0.005
/** Shorter bursts are clicks; shorter pauses are between words of one phrase. */
const MIN_SOUND_BINS = 5
const MIN_PAUSE_BINS = 15

/** Starts and ends of speech runs: what a dragged edge snaps to. */
export function speechEdges(peaks: Float32Array): SpeechEdges {
  let max = 0
  for (const v of peaks) if (v > max) max = v
  const level = Math.max(ABSOLUTE_LEVEL, max * RELATIVE_LEVEL)
  const runs: [number, number][] = []
  let start = -1
  for (let b = 0; b <= peaks.length; b++) {
    const loud = b < peaks.length && (peaks[b] ?? 0) >= level
    if (loud && start === -1) start = b
    if (!loud && start !== -1) {
      if (b - start >= MIN_SOUND_BINS) runs.push([start, b])
      start = -1
    }
  }
  const merged: [number, number][] = []
  for (const run of runs) {
    const previous = merged.at(-1)
    if (previous && run[0] - previous[1] < MIN_PAUSE_BINS) previous[1] = run[1]
    else merged.push([run[0], run[1]])
  }
  return {
    onsets: merged.map(([a]) => a / PEAKS_PER_SECOND),
    offsets: merged.map(([, b]) => b / PEAKS_PER_SECOND),
  }
}

/** The candidate nearest `t` within `tolerance` seconds, else `t` itself. */
export function snapTime(t: number, candidates: readonly number[], tolerance: number): number {
  let lo = 0
  let hi = candidates.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((candidates[mid] ?? Infinity) < t) lo = mid + 1
    else hi = mid
  }
  let best = t
  let bestDistance = tolerance
  for (const i of [lo - 1, lo]) {
    const c = candidates[i]
    if (c !== undefined && Math.abs(c - t) <= bestDistance) {
      best = c
      bestDistance = Math.abs(c - t)
    }
  }
  return best
}
