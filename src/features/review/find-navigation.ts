import { stepMatch } from '../../domain/review/find'
import { currentCorrectedView } from '../../store/corrected-timeline'
import { player } from '../player/player'
import { goToItem, reviewFacts } from './review-facts'

let matchIds: readonly string[] = []

/** The find bar publishes its matches so the keys (F3, N) can step through them. */
export function setMatchIds(ids: readonly string[]) {
  matchIds = ids
}

/** Next or previous match from the playhead, wrapping around: select it and seek there. */
export function stepToMatch(direction: 1 | -1) {
  const view = currentCorrectedView()
  if (!view || matchIds.length === 0) return
  const { itemsById } = reviewFacts(view)
  const starts = matchIds.map((id) => itemsById.get(id)?.start ?? 0)
  const index = stepMatch(starts, player.time(), direction)
  const id = index === undefined ? undefined : matchIds[index]
  if (id !== undefined) goToItem(id)
}

export function focusSearch() {
  const input = document.querySelector<HTMLInputElement>('[data-find-input]')
  input?.focus()
  input?.select()
}
