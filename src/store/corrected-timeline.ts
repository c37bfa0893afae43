import type { CorrectedTimeline } from '../domain/corrected-timeline'
import { correctTimeline } from '../domain/corrected-timeline'
import type { AlignmentLayer } from '../domain/align/layer'
import type { Corrections } from '../domain/corrections'
import { alignTimeline } from '../domain/corrections'
import type { PlaybackIndex } from '../domain/playback-index'
import type { Interval, TalkOver } from '../domain/talk-over'
import { findTalkOver, speechOutsideTurns } from '../domain/talk-over'
import type { Timeline } from '../domain/timeline'
import { useCallStore } from './call-store'
import { useReviewStore } from './review-store'

export interface CorrectedView {
  timeline: Timeline
  index: PlaybackIndex
  talkOver: TalkOver[]
  /** User speech that belongs to no turn (backchannels, noise). */
  outsideTurns: Interval[]
}

let last: { corrected: CorrectedTimeline; view: CorrectedView } | undefined
let aligned: { base: Timeline; layer: AlignmentLayer | undefined; timeline: Timeline } | undefined

/** The placement with the alignment layer applied: rebuilt only when either changes. */
function alignedBase(base: Timeline, layer: AlignmentLayer | undefined): Timeline {
  if (aligned?.base !== base || aligned.layer !== layer)
    aligned = { base, layer, timeline: alignTimeline(base, layer) }
  return aligned.timeline
}

/** The corrected timeline, computed once per (timeline, corrections) pair for all readers. */
export function correctedView(placed: Timeline, corrections: Corrections): CorrectedView {
  const base = alignedBase(placed, corrections.alignment)
  if (last && last.corrected.base === base && last.corrected.corrections === corrections)
    return last.view
  // From the previous view of the same call, so that a key press costs only what it changed.
  const corrected = correctTimeline(base, corrections, last?.corrected)
  const { timeline, index } = corrected
  const view = {
    timeline,
    index,
    talkOver: findTalkOver(timeline.items),
    outsideTurns: speechOutsideTurns(timeline.vad, timeline.items),
  }
  last = { corrected, view }
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
