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

/** The ids a nudge key moves, by the current nudge target. */
export function nudgeTargetIds(): string[] | 'all' {
  const state = useReviewStore.getState()
  const { selectedId } = state
  const nudgeTarget = effectiveNudgeTarget(state)
  const items = currentCorrectedView()?.timeline.items ?? []
  if (nudgeTarget === 'agent' || nudgeTarget === 'user')
    return items.filter((i) => i.lane === nudgeTarget).map((i) => i.id)
  if (nudgeTarget === 'all' || selectedId === undefined) return 'all'
  if (nudgeTarget === 'selected') return [selectedId]
  const from = items.findIndex((i) => i.id === selectedId)
  return from === -1 ? [selectedId] : items.slice(from).map((i) => i.id)
}

export function nudge(delta: number) {
  const ids = nudgeTargetIds()
  if (ids === 'all') reviewActions.nudgeGlobal(delta)
  else reviewActions.nudgeItems(ids, delta)
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
