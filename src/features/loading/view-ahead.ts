import type { Corrections } from '../../domain/corrections'
import type { Timeline } from '../../domain/timeline'
import type { AudioWordLayer } from '../../domain/words/word-layer'
import { correctedView, reshapeAhead } from '../../store/corrected-timeline'
import { useWordTimingStore } from '../../store/word-timing-store'
import { reviewFacts } from '../review/review-facts'
import { nextStep } from './next-task'

/** What a corrected view is built from. */
export interface ViewInputs {
  timeline: Timeline
  corrections: Corrections
  words: AudioWordLayer
}

/**
 * Builds the corrected view for a store update before making it (a placement, an alignment
 * result, a batch of timed words), one step per task: the reshape, the correction, then the
 * review's facts (every reply's latency: 50–80 ms for 10,000 messages, which the render that
 * mounts the review panels would otherwise compute); the re-render then reads them from their
 * caches. No task holds the page for all of them.
 *
 * `upcoming` names what the render after the caller's update will read. It is asked again once
 * built: when something else landed on the way (a word batch during an alignment's build, or the
 * reverse), the view is built again for what is there now. False, and nothing more is built, when
 * `stillWanted` turns false or `upcoming` has nothing to build.
 */
export async function buildViewAhead(
  upcoming: () => ViewInputs | undefined,
  stillWanted: () => boolean,
): Promise<boolean> {
  let built = upcoming()
  while (built) {
    reshapeAhead(built.timeline, built.corrections, built.words)
    await nextStep()
    if (!stillWanted()) return false
    const view = correctedView(built.timeline, built.corrections, built.words)
    await nextStep()
    if (!stillWanted()) return false
    reviewFacts(view)
    await nextStep()
    if (!stillWanted()) return false
    const now = upcoming()
    if (now && sameInputs(now, built)) return true
    built = now
  }
  return false
}

/** What the render reads for a timeline and corrections: the words timed so far. */
export function withCurrentWords(timeline: Timeline, corrections: Corrections): ViewInputs {
  return { timeline, corrections, words: useWordTimingStore.getState().layer }
}

function sameInputs(a: ViewInputs, b: ViewInputs): boolean {
  return a.timeline === b.timeline && a.corrections === b.corrections && a.words === b.words
}
