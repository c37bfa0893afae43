import type { CorrectedTimeline } from '../domain/corrected-timeline'
import { correctTimeline } from '../domain/corrected-timeline'
import type { AlignmentLayer } from '../domain/align/layer'
import type { Corrections } from '../domain/corrections'
import { reshapedTimeline } from '../domain/corrections'
import type { PlaybackIndex } from '../domain/playback-index'
import type { Interval, TalkOver } from '../domain/talk-over'
import { findTalkOver, speechOutsideTurns } from '../domain/talk-over'
import type { Timeline } from '../domain/timeline'
import type { AudioWordLayer } from '../domain/words/word-layer'
import { withAudioWords } from '../domain/words/word-layer'
import { useCallStore } from './call-store'
import { useReviewStore } from './review-store'
import { useWordTimingStore } from './word-timing-store'
import { RecentList } from './recent-list'

export interface CorrectedView {
  timeline: Timeline
  index: PlaybackIndex
  talkOver: TalkOver[]
  /** User speech that belongs to no turn (backchannels, noise). */
  outsideTurns: Interval[]
}

/**
 * Views are built ahead of the store updates that show them (an alignment, a word batch, a new
 * placement), and such builds can overlap; each stage keeps a few, so that one build does not
 * evict the view the next render reads (the current one included) and leave it to that render.
 */
const VIEWS_KEPT = 4
const views = new RecentList<{ corrected: CorrectedTimeline; view: CorrectedView }>(VIEWS_KEPT)
const reshapedKept = new RecentList<{
  base: Timeline
  layer: AlignmentLayer | undefined
  edges: Corrections['edges']
  timeline: Timeline
}>(VIEWS_KEPT)
const withWordsKept = new RecentList<{
  reshaped: Timeline
  words: AudioWordLayer
  timeline: Timeline
}>(VIEWS_KEPT)

/**
 * The placement with the alignment, the dragged edges and the audio-timed words applied: rebuilt
 * only when one of them changes, so that nudges (the frequent key presses) stay incremental on top.
 * The words are a step of their own: a batch from the word worker does not re-apply the alignment.
 */
function reshapedBase(base: Timeline, corrections: Corrections, words: AudioWordLayer): Timeline {
  const { alignment, edges } = corrections
  const reshaped =
    reshapedKept.find((r) => r.base === base && r.layer === alignment && r.edges === edges) ??
    reshapedKept.add({
      base,
      layer: alignment,
      edges,
      timeline: reshapedTimeline(base, alignment, edges),
    })
  const timeline = reshaped.timeline
  const hit =
    withWordsKept.find((w) => w.reshaped === timeline && w.words === words) ??
    withWordsKept.add({ reshaped: timeline, words, timeline: withAudioWords(timeline, words) })
  return hit.timeline
}

/**
 * The first half of building a view ahead of the store update that shows it (alignment, word
 * batches): the placement reshaped, so that the rest, `correctedView`, can run in a task of its own.
 */
export function reshapeAhead(
  placed: Timeline,
  corrections: Corrections,
  words: AudioWordLayer = useWordTimingStore.getState().layer,
) {
  reshapedBase(placed, corrections, words)
}

/** The corrected timeline, computed once per (timeline, corrections) pair for all readers. */
export function correctedView(
  placed: Timeline,
  corrections: Corrections,
  words: AudioWordLayer = useWordTimingStore.getState().layer,
): CorrectedView {
  const base = reshapedBase(placed, corrections, words)
  const hit = views.find(
    (r) => r.corrected.base === base && r.corrected.corrections === corrections,
  )
  if (hit) return hit.view
  // From the view used last, so that a key press costs only what it changed.
  const corrected = correctTimeline(base, corrections, views.latest?.corrected)
  const { timeline, index } = corrected
  const view = {
    timeline,
    index,
    talkOver: findTalkOver(timeline.items),
    outsideTurns: speechOutsideTurns(timeline.vad, timeline.items),
  }
  views.add({ corrected, view })
  return view
}

export function useCorrectedView(): CorrectedView | undefined {
  const base = useCallStore((s) => s.timeline)
  const corrections = useReviewStore((s) => s.corrections)
  const words = useWordTimingStore((s) => s.layer)
  return base && correctedView(base, corrections, words)
}

/** For code outside React (the playback loop, key commands). */
export function currentCorrectedView(): CorrectedView | undefined {
  const base = useCallStore.getState().timeline
  return base && correctedView(base, useReviewStore.getState().corrections)
}
