import type { MessageLayer } from './message-layer'

let current: MessageLayer | null = null

/** The playback loop marks the active region without going through React. */
export function registerLayer(layer: MessageLayer): () => void {
  current = layer
  return () => {
    if (current === layer) current = null
  }
}

export function activeLayer(): MessageLayer | null {
  return current
}
