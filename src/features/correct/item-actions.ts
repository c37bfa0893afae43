import { lastStartAtOrBefore } from '../../domain/find-active'
import { currentCorrectedView } from '../../store/corrected-timeline'
import { effectiveNudgeTarget, reviewActions, useReviewStore } from '../../store/review-store'
import { playSpan } from '../player/play-span'
import { player } from '../player/player'

/** "Play from just before": enough lead-in to hear whether the start is cut. */
export const LEAD_IN_S = 0.5

function findItem(id: string) {
  return currentCorrectedView()?.timeline.items.find((i) => i.id === id)
}

/**
 * A click on a message (region, marker, transcript row or word) selects it and seeks there.
 * Like a DAW or a subtitle editor, it does not start playback: playing keeps playing from the new
 * place, paused stays paused. Double-click, Enter or P plays the message.
 */
export function selectItem(id: string, at?: number) {
  const item = findItem(id)
  if (!item) return
  reviewActions.select(id)
  player.seek(at ?? item.start)
}

/** Plays one message to its end (or a point marker for a second), with an optional lead-in. */
export function playItem(id: string, leadIn = 0) {
  const item = findItem(id)
  if (!item) return
  reviewActions.select(id)
  playSpan(Math.max(0, item.start - leadIn), item.end ?? item.start + 1)
}

/** P / Shift+P: the selected message, else the one under the playhead. */
export function playSelected(leadIn = 0) {
  const id = useReviewStore.getState().selectedId ?? messageAtPlayhead()
  if (id !== undefined) playItem(id, leadIn)
}

function messageAtPlayhead(): string | undefined {
  const view = currentCorrectedView()
  if (!view) return undefined
  const at = lastStartAtOrBefore(view.index.itemStarts, player.time() + 0.05)
  const index = at < 0 ? undefined : view.index.itemIndex[at]
  return index === undefined ? undefined : view.timeline.items[index]?.id
}

/** Keyboard edge correction: only spoken messages have edges. */
export function nudgeSelectedEdge(side: 'start' | 'end', delta: number) {
  const { selectedId } = useReviewStore.getState()
  const item = selectedId === undefined ? undefined : findItem(selectedId)
  if (!item || item.end === null) return
  reviewActions.nudgeEdge(item.id, side, delta)
}

/** A region dragged on the waveform corrects that message alone: all of it, or one edge. */
export function dragItem(id: string, mode: 'move' | 'start' | 'end', deltaSeconds: number) {
  const delta = Math.round(deltaSeconds * 1000) / 1000
  reviewActions.select(id)
  if (delta === 0) return
  if (mode === 'move') reviewActions.nudgeItems([id], delta)
  else reviewActions.nudgeEdge(id, mode, delta)
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
