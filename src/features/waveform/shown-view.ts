import type WaveSurfer from 'wavesurfer.js'
import type { TimeWindow } from '../../domain/view/shown-window'

/** The seconds the detail view shows and its scale; `end` may pass the recording's end. */
export interface ShownView extends TimeWindow {
  pxPerSecond: number
}

type Reader = (view: ShownView) => void

/**
 * Hands what the detail view shows after each redraw (a zoom, more peaks, a resize) to every
 * reader, measured once before any of them writes: measured by each, the ruler's new notches made
 * the message layer's read lay the zoomed detail view out a second time in the same task.
 */
export function onRedrawn(ws: WaveSurfer, duration: number, readers: readonly Reader[]) {
  return ws.on('redrawcomplete', () => {
    const pxPerSecond = ws.getWrapper().scrollWidth / duration
    if (!(pxPerSecond > 0)) return
    const start = ws.getScroll() / pxPerSecond
    const view = { start, end: start + ws.getWidth() / pxPerSecond, pxPerSecond }
    for (const read of readers) read(view)
  })
}
