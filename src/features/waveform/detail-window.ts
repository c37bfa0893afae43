/** The seconds the zoomed detail view shows, for the overview's viewport box. */
export interface DetailWindow {
  start: number
  end: number
}

type Listener = (window: DetailWindow) => void

let current: DetailWindow = { start: 0, end: 0 }
const listeners = new Set<Listener>()

export function setDetailWindow(next: DetailWindow) {
  if (next.start === current.start && next.end === current.end) return
  current = next
  for (const listener of listeners) listener(next)
}

export function onDetailWindow(listener: Listener): () => void {
  listeners.add(listener)
  listener(current)
  return () => listeners.delete(listener)
}
