import type WaveSurfer from 'wavesurfer.js'
import type { TimeWindow } from '../../domain/view/shown-window'
import { windowAfterZoom } from '../../domain/view/shown-window'
import type { MessageLayer } from './message-layer'

/** Keeps the message layer built around what the detail view shows, as it scrolls and redraws. */
export function followShownWindow(ws: WaveSurfer, layer: MessageLayer, duration: number) {
  const shown = (): TimeWindow | undefined => {
    const pxPerSecond = ws.getWrapper().scrollWidth / duration
    if (!(pxPerSecond > 0)) return undefined
    const start = ws.getScroll() / pxPerSecond
    return { start, end: start + ws.getWidth() / pxPerSecond }
  }
  const offs = [
    ws.on('redrawcomplete', () => {
      const window = shown()
      if (window) layer.show(window)
    }),
    // Before the media reports its duration, wavesurfer reports an empty window: not a view.
    ws.on('scroll', (start, end) => {
      if (end > start) layer.show({ start, end })
    }),
  ]
  return () => offs.forEach((off) => off())
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
  layer.show(
    windowAfterZoom({
      duration,
      width: ws.getWidth(),
      scrollLeft: ws.getScroll(),
      cursor: ws.getCurrentTime(),
      fromPxPerSecond: ws.options.minPxPerSec ?? 0,
      toPxPerSecond,
    }),
  )
}
