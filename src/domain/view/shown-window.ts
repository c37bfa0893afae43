import type { PlacedItem } from '../timeline'

/** A span of the recording, in seconds. */
export interface TimeWindow {
  start: number
  end: number
}

export interface ZoomView {
  duration: number
  /** Width of the detail view in px. */
  width: number
  /** Scroll offset of the detail view in px. */
  scrollLeft: number
  /** Playback position in seconds: a zoom keeps it at the same place on screen. */
  cursor: number
  fromPxPerSecond: number
  toPxPerSecond: number
}

/**
 * The window the detail view will show after a zoom, known before the zoom lays anything out.
 * wavesurfer keeps the cursor where it is on screen; at fit width (or any level under it) the
 * whole recording shows.
 */
export function windowAfterZoom(view: ZoomView): TimeWindow {
  const { duration, width } = view
  if (duration <= 0 || width <= 0) return { start: 0, end: Math.max(0, duration) }
  const fit = width / duration
  const from = Math.max(view.fromPxPerSecond, fit)
  const to = Math.max(view.toPxPerSecond, fit)
  if (to <= fit) return { start: 0, end: duration }
  const cursorX = view.cursor * from - view.scrollLeft
  const scrollLeft = Math.min(Math.max(0, view.cursor * to - cursorX), duration * to - width)
  const start = scrollLeft / to
  return { start, end: start + width / to }
}

/** The window a layer built, and the span of the shown window it was built for. */
export interface BuiltWindow extends TimeWindow {
  shownSpan: number
}

/**
 * The window a layer builds for a shown one: a screen either side, so scrolling rebuilds once a
 * screen, not once a frame. A view that reaches an end of the recording builds everything past
 * that end too: items placed outside the recording are still drawn there at fit width.
 */
export function builtWindow(shown: TimeWindow, duration: number): BuiltWindow {
  const span = shown.end - shown.start
  return {
    start: shown.start <= 0 ? -Infinity : shown.start - span,
    end: shown.end >= duration ? Infinity : shown.end + span,
    shownSpan: span,
  }
}

/**
 * Whether `built` still serves `shown`: it covers it, and was built for the same zoom (a zoom in
 * keeps the old window covered, but with far more items than the new one needs).
 */
export function windowServes(built: BuiltWindow, shown: TimeWindow): boolean {
  const span = shown.end - shown.start
  const sameZoom = Math.abs(span - built.shownSpan) <= 0.01 * Math.max(span, built.shownSpan)
  return sameZoom && shown.start >= built.start && shown.end <= built.end
}

/** Items drawn in a window: those overlapping it (a marker by its start). */
export function itemsInWindow(items: readonly PlacedItem[], window: TimeWindow): PlacedItem[] {
  return items.filter(
    (item) => item.start <= window.end && (item.end ?? item.start) >= window.start,
  )
}
