import type { KeyboardEvent } from 'react'
import type { PlacedItem } from '../../domain/timeline'
import { LEAD_IN_S, playItem, selectItem } from '../correct/item-actions'

const PAGE = 10

/** Listbox keys over every row, rendered or not: moving selects and seeks, Enter plays. */
export function listKeyHandler(
  items: readonly PlacedItem[],
  current: number,
  moveTo: (index: number) => void,
) {
  return (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const last = items.length - 1
    const from = Math.max(0, current)
    const next: Record<string, number> = {
      ArrowDown: Math.min(last, from + 1),
      ArrowUp: Math.max(0, from - 1),
      Home: 0,
      End: last,
      PageDown: Math.min(last, from + PAGE),
      PageUp: Math.max(0, from - PAGE),
    }
    const target = next[event.key]
    if (event.key === 'Enter') {
      const item = items[from]
      if (!item) return
      event.preventDefault()
      playItem(item.id, event.shiftKey ? LEAD_IN_S : 0)
      return
    }
    if (target === undefined) return
    event.preventDefault()
    const item = items[target]
    if (!item) return
    selectItem(item.id)
    moveTo(target)
  }
}
