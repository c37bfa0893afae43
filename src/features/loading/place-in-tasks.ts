import { NO_CORRECTIONS } from '../../domain/corrections'
import type { RestoredCorrections } from '../../domain/stored-corrections'
import type { CallInputs, Placed } from '../../store/call-store'
import { callKey, checkPlacement, placeTimeline, prepareMessageFacts } from '../../store/call-store'
import { loadCorrections } from '../../store/persist-corrections'
import { useReviewStore } from '../../store/review-store'
import { nextStep } from './next-task'
import { buildViewAhead, withCurrentWords } from './view-ahead'

/**
 * An hour's call placed in tasks of its own: the message spans (the same for every recording),
 * the placement on the recording, its checks, then the corrected view the render will read
 * (built ahead into its cache). The store update and the render it causes come in the task after.
 */
export async function placeInTasks(
  inputs: CallInputs,
): Promise<{ placed: Placed; restored?: RestoredCorrections | undefined }> {
  prepareMessageFacts(inputs)
  await nextStep()
  const timeline = placeTimeline(inputs)
  await nextStep()
  const placed = checkPlacement(inputs, timeline)
  await nextStep()
  if (!timeline) return { placed }
  const key = callKey(inputs)
  // The call under review keeps its corrections; another one gets its saved ones (read once).
  const openNow = key === useReviewStore.getState().callKey
  const restored = !openNow && key ? loadCorrections(key) : undefined
  const corrections = () =>
    openNow ? useReviewStore.getState().corrections : (restored?.corrections ?? NO_CORRECTIONS)
  await buildViewAhead(
    () => withCurrentWords(timeline, corrections()),
    () => true,
  )
  return { placed, restored }
}
