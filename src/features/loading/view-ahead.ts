import type { Corrections } from '../../domain/corrections'
import type { Timeline } from '../../domain/timeline'
import type { AudioWordLayer } from '../../domain/words/word-layer'
import { correctedView, reshapeAhead } from '../../store/corrected-timeline'
import { useWordTimingStore } from '../../store/word-timing-store'
import { nextTask } from './next-task'

/**
 * Builds the corrected view for a store update before making it (an alignment result, a batch of
 * timed words), one step per task: the reshape, then the correction; the re-render then reads the
 * view from the cache. No task holds the page for all three. False when `stillWanted` turns false
 * on the way.
 */
export async function buildViewAhead(
  timeline: Timeline,
  corrections: Corrections,
  stillWanted: () => boolean,
  words: AudioWordLayer = useWordTimingStore.getState().layer,
): Promise<boolean> {
  reshapeAhead(timeline, corrections, words)
  await nextTask()
  if (!stillWanted()) return false
  correctedView(timeline, corrections, words)
  await nextTask()
  return stillWanted()
}
