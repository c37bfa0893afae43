import type { PlacedItem } from '../timeline'
import { PEAKS_PER_SECOND } from './peaks'

export interface LanePeaks {
  user: Float32Array
  agent: Float32Array
}

export interface OffsetSuggestion {
  /** Seconds to add to the global offset. */
  offset: number
  /** How well the spoken spans match speech on their channels at that offset, 0..1. */
  match: number
  /** The same measure with no extra offset, to compare. */
  matchNow: number
}

const MAX_SHIFT_S = 3
const COARSE_BINS = 5
/** Speech is a bin above this share of the channel's loudest peak (and above −46 dBFS). */
const RELATIVE_LEVEL = 0.12
const ABSOLUTE_LEVEL = 0.005

/** 1 where a channel carries sound, per peak bin; prefix sums make span queries O(1). */
function activityPrefix(peaks: Float32Array): Uint32Array {
  let max = 0
  for (const v of peaks) if (v > max) max = v
  const level = Math.max(ABSOLUTE_LEVEL, max * RELATIVE_LEVEL)
  const prefix = new Uint32Array(peaks.length + 1)
  for (let i = 0; i < peaks.length; i++)
    prefix[i + 1] = (prefix[i] ?? 0) + ((peaks[i] ?? 0) >= level ? 1 : 0)
  return prefix
}

function activeBins(prefix: Uint32Array, from: number, to: number): number {
  const last = prefix.length - 1
  const a = Math.min(last, Math.max(0, from))
  const b = Math.min(last, Math.max(0, to))
  return (prefix[b] ?? 0) - (prefix[a] ?? 0)
}

/**
 * The global shift that best lines the spoken spans up with sound on their own channels: for each
 * shift within ±3 s, the cosine between the span mask and the activity mask of each lane.
 * A stereo recording is needed: on a mono mix both lanes would match anything.
 */
export function suggestOffset(
  items: readonly PlacedItem[],
  peaks: LanePeaks,
): OffsetSuggestion | undefined {
  const lanes = [
    { prefix: activityPrefix(peaks.user), spans: spansOf(items, 'user') },
    { prefix: activityPrefix(peaks.agent), spans: spansOf(items, 'agent') },
  ]
  const spanBins = lanes.reduce((n, l) => n + l.spans.reduce((m, [a, b]) => m + (b - a), 0), 0)
  const activeTotal = lanes.reduce((n, l) => n + (l.prefix[l.prefix.length - 1] ?? 0), 0)
  if (spanBins === 0 || activeTotal === 0) return undefined
  const norm = Math.sqrt(spanBins * activeTotal)
  const matchAt = (shift: number) => {
    let overlap = 0
    for (const { prefix, spans } of lanes)
      for (const [a, b] of spans) overlap += activeBins(prefix, a + shift, b + shift)
    return overlap / norm
  }
  // Spans last seconds, so the match is smooth at 50 ms: search coarse, then refine at 10 ms.
  const maxShift = MAX_SHIFT_S * PEAKS_PER_SECOND
  let best = { shift: 0, match: matchAt(0) }
  const consider = (shift: number) => {
    const match = matchAt(shift)
    if (match > best.match + 1e-9) best = { shift, match }
  }
  for (let shift = -maxShift; shift <= maxShift; shift += COARSE_BINS) consider(shift)
  const coarse = best.shift
  for (let shift = coarse - COARSE_BINS + 1; shift < coarse + COARSE_BINS; shift++) consider(shift)
  // The spans moving right by `shift` bins means the audio sits `shift` bins later.
  return { offset: best.shift / PEAKS_PER_SECOND, match: best.match, matchNow: matchAt(0) }
}

function spansOf(items: readonly PlacedItem[], lane: 'user' | 'agent'): [number, number][] {
  return items
    .filter((i) => i.lane === lane && i.end !== null)
    .map((i) => [
      Math.round(i.start * PEAKS_PER_SECOND),
      Math.round((i.end ?? i.start) * PEAKS_PER_SECOND),
    ])
}
