import type { Corrections } from '../domain/corrections'
import { applyCorrections } from '../domain/corrections'
import type { PlaybackIndex } from '../domain/playback-index'
import { buildPlaybackIndex } from '../domain/playback-index'
import type { Timeline } from '../domain/timeline'
import { useCallStore } from './call-store'
import { useReviewStore } from './review-store'

export interface CorrectedView {
  timeline: Timeline
  index: PlaybackIndex
}

let last: { base: Timeline; corrections: Corrections; view: CorrectedView } | undefined

/** The corrected timeline, computed once per (timeline, corrections) pair for all readers. */
export function correctedView(base: Timeline, corrections: Corrections): CorrectedView {
  if (last && last.base === base && last.corrections === corrections) return last.view
  const timeline = applyCorrections(base, corrections)
  const view = { timeline, index: buildPlaybackIndex(timeline) }
  last = { base, corrections, view }
  return view
}

export function useCorrectedView(): CorrectedView | undefined {
  const base = useCallStore((s) => s.timeline)
  const corrections = useReviewStore((s) => s.corrections)
  return base && correctedView(base, corrections)
}

/** For code outside React (the playback loop, key commands). */
export function currentCorrectedView(): CorrectedView | undefined {
  const base = useCallStore.getState().timeline
  return base && correctedView(base, useReviewStore.getState().corrections)
}
