import type WaveSurfer from 'wavesurfer.js'
import { windowAfterZoom } from '../../domain/view/shown-window'
import type { MessageLayer } from './message-layer'

/** Keeps the message layer built around what the detail view shows as it scrolls (redraws come
 * through `onRedrawn`). */
export function followScroll(ws: WaveSurfer, layer: MessageLayer) {
  // Before the media reports its duration, wavesurfer reports an empty window: not a view.
  return ws.on('scroll', (start, end) => {
    if (end > start) layer.show({ start, end }, ws.getWidth() / (end - start))
  })
}

/**
 * Builds the layer for the window a zoom is about to show, before wavesurfer lays the zoomed
 * wrapper out: otherwise that layout still holds every div of the old, wider window.
 */
export function prepareZoom(
  ws: WaveSurfer,
  layer: MessageLayer,
  duration: number,
  toPxPerSecond: number,
) {
  const width = ws.getWidth()
  const window = windowAfterZoom({
    duration,
    width,
    scrollLeft: ws.getScroll(),
    cursor: ws.getCurrentTime(),
    fromPxPerSecond: ws.options.minPxPerSec ?? 0,
    toPxPerSecond,
  })
  layer.show(window, width / (window.end - window.start))
}
