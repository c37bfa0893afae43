import { lastStartAtOrBefore } from '../../domain/find-active'
import { currentCorrectedView } from '../../store/corrected-timeline'
import { effectiveNudgeTarget, reviewActions, useReviewStore } from '../../store/review-store'
import { player } from '../player/player'

/** Click on a message (region, marker or transcript row): select it, seek to its start, play. */
export function activateItem(id: string) {
  const item = currentCorrectedView()?.timeline.items.find((i) => i.id === id)
  if (!item) return
  reviewActions.select(id)
  void player.playFrom(item.start)
}

/** A region dragged on the waveform corrects that message alone. */
export function dragItem(id: string, deltaSeconds: number) {
  reviewActions.select(id)
  reviewActions.nudgeItems([id], Math.round(deltaSeconds * 1000) / 1000)
}

/** A nudge key or button moves its target: the global or a lane offset, or per-item nudges. */
export function nudge(delta: number) {
  const state = useReviewStore.getState()
  const { selectedId } = state
  const target = effectiveNudgeTarget(state)
  if (target === 'agent' || target === 'user') return reviewActions.nudgeLane(target, delta)
  if (target === 'all' || selectedId === undefined) return reviewActions.nudgeGlobal(delta)
  if (target === 'selected') return reviewActions.nudgeItems([selectedId], delta)
  const items = currentCorrectedView()?.timeline.items ?? []
  const from = items.findIndex((i) => i.id === selectedId)
  reviewActions.nudgeItems(from === -1 ? [selectedId] : items.slice(from).map((i) => i.id), delta)
}

/** Previous/next spoken message relative to the playhead (J/K). */
export function jumpMessage(direction: -1 | 1) {
  const view = currentCorrectedView()
  if (!view) return
  const t = player.time()
  const { itemStarts } = view.index
  // A playhead within 50 ms of a start counts as sitting on that message.
  const target =
    direction === 1
      ? lastStartAtOrBefore(itemStarts, t + 0.05) + 1
      : lastStartAtOrBefore(itemStarts, t - 0.05 - 1e-9)
  const itemIndex = target < 0 ? undefined : view.index.itemIndex[target]
  const item = itemIndex === undefined ? undefined : view.timeline.items[itemIndex]
  if (!item) return
  reviewActions.select(item.id)
  player.seek(item.start)
}
