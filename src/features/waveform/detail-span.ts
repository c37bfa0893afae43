import type { TimeWindow } from '../../domain/view/shown-window'

/** A span of the recording drawn at one scale. */
export interface DrawnSpan extends TimeWindow {
  pxPerSecond: number
}

/**
 * What the detail canvas draws for a view: the view and half a view either side, inside the
 * recording. Scrolling then redraws once per half screen, and the canvas already holds what a
 * scroll the compositor moves ahead of the page's redraw brings into view.
 */
export function spanToDraw(view: DrawnSpan, duration: number): DrawnSpan {
  const margin = (view.end - view.start) / 2
  return {
    start: Math.max(0, view.start - margin),
    end: Math.min(duration, view.end + margin),
    pxPerSecond: view.pxPerSecond,
  }
}

/** Whether the drawn span still serves a view: the same scale, and the whole view inside it. */
export function spanServes(drawn: DrawnSpan | undefined, view: DrawnSpan, duration: number) {
  if (!drawn || drawn.pxPerSecond !== view.pxPerSecond) return false
  return drawn.start <= view.start && Math.min(duration, view.end) <= drawn.end
}
