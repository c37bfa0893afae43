import type { PlacedItem } from '../../domain/timeline'
import type { TimeWindow } from '../../domain/view/shown-window'
import type { LaneLayout } from './lanes'
import { bandOf } from './lanes'
import { LAYER_COLORS } from './message-layer-css'

/** A canvas wider than this is not drawn by every browser; past it the canvas is scaled. */
const MAX_CANVAS_PX = 16_384
const MARKER_DOT_PX = 9

export interface PaintRequest {
  items: readonly PlacedItem[]
  /** The span the canvas covers, inside the recording. */
  span: TimeWindow
  pxPerSecond: number
  duration: number
  layout: LaneLayout
}

/**
 * Message spans painted on one canvas under the layer's divs: a window of hundreds of regions
 * a pixel or two wide (an hour at fit width) costs one draw instead of hundreds of elements
 * to restyle, lay out and paint each time the messages move.
 */
export class PaintedRegions {
  readonly canvas: HTMLCanvasElement

  constructor(
    parent: HTMLElement,
    private readonly cssHeight: number,
  ) {
    this.canvas = document.createElement('canvas')
    this.canvas.className = 'tl-painted'
    this.canvas.setAttribute('aria-hidden', 'true')
    parent.appendChild(this.canvas)
  }

  paint({ items, span, pxPerSecond, duration, layout }: PaintRequest) {
    const seconds = span.end - span.start
    const cssWidth = seconds * pxPerSecond
    if (items.length === 0 || !(cssWidth > 0)) {
      this.canvas.hidden = true
      return
    }
    const ratio = window.devicePixelRatio || 1
    const width = Math.max(1, Math.min(MAX_CANVAS_PX, Math.round(cssWidth * ratio)))
    const height = Math.max(1, Math.round(this.cssHeight * ratio))
    this.canvas.hidden = false
    this.canvas.style.left = `${(span.start / duration) * 100}%`
    this.canvas.style.width = `${(seconds / duration) * 100}%`
    if (this.canvas.width !== width) this.canvas.width = width
    if (this.canvas.height !== height) this.canvas.height = height
    const context = this.canvas.getContext('2d')
    if (!context) return
    context.clearRect(0, 0, width, height)
    const x = (t: number) => ((t - span.start) / seconds) * width
    for (const item of items) {
      const band = bandOf(layout, item.lane)
      if (band === undefined || item.end === null) paintMarker(context, item, x(item.start), ratio)
      else paintRegion(context, item, x(item.start), x(item.end), band, height, ratio)
    }
  }
}

function paintRegion(
  context: CanvasRenderingContext2D,
  item: PlacedItem,
  left: number,
  right: number,
  band: number,
  height: number,
  ratio: number,
) {
  const colors = item.lane === 'user' ? LAYER_COLORS.user : LAYER_COLORS.agent
  const top = band === 0 ? 0 : height / 2
  const width = Math.max(ratio, right - left)
  const edge = ratio
  // Too narrow for a fill inside an outline: a solid bar, as the div's two borders look.
  if (width < 3 * edge) {
    context.fillStyle = colors.edge
    context.fillRect(left, top, width, height / 2)
    return
  }
  context.fillStyle = colors.fill
  context.fillRect(left, top, width, height / 2)
  context.strokeStyle = colors.edge
  context.lineWidth = edge
  context.strokeRect(left + edge / 2, top + edge / 2, width - edge, height / 2 - edge)
  if (item.interrupted && width >= 6 * edge) {
    context.fillStyle = LAYER_COLORS.interrupted
    context.fillRect(left + width - 3 * edge, top, 3 * edge, height / 2)
  }
}

function paintMarker(
  context: CanvasRenderingContext2D,
  item: PlacedItem,
  at: number,
  ratio: number,
) {
  const color =
    item.type === 'function_call'
      ? LAYER_COLORS.toolCall
      : item.type === 'function_call_output'
        ? LAYER_COLORS.toolResult
        : LAYER_COLORS.otherMarker
  context.fillStyle = color
  context.fillRect(at - ratio, 0, 2 * ratio, context.canvas.height)
  const radius = (MARKER_DOT_PX / 2) * ratio
  context.beginPath()
  context.arc(at, radius, radius, 0, 2 * Math.PI)
  context.fill()
}
