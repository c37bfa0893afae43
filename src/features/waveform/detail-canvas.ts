import { PEAKS_PER_SECOND } from '../../domain/audio/peaks'
import type { TimeWindow } from '../../domain/view/shown-window'
import { drawLane } from './draw-peaks'
import type { DrawnSpan } from './detail-span'
import { spanServes, spanToDraw } from './detail-span'
import { peakColumns } from './peak-columns'

export interface LaneColors {
  wave: string
  progress: string
}

/**
 * The detail view's waveform: both lanes on one canvas covering the shown window and half a
 * window either side, and the same outline in the played colours on a second canvas clipped at
 * the playhead. It sits in wavesurfer's wrapper, under the cursor and the message layer, and is
 * redrawn only for a new scale, a scroll out of what it holds, or more peaks. wavesurfer's own
 * renderer drew up to four viewport-wide canvases per channel and a copy of each for the played
 * part on every zoom step: most of the step's time (docs/performance.md).
 */
export class DetailCanvas {
  private readonly host: HTMLDivElement
  private readonly wave: HTMLCanvasElement
  private readonly played: HTMLCanvasElement
  private drawn: DrawnSpan | undefined
  private time = 0

  constructor(
    wrapper: HTMLElement,
    private readonly peaks: readonly Float32Array[],
    private readonly duration: number,
    private readonly scale: () => number,
    private readonly laneHeight: number,
    private readonly colors: readonly LaneColors[],
  ) {
    this.host = document.createElement('div')
    this.host.setAttribute('part', 'detail')
    this.host.setAttribute('aria-hidden', 'true')
    // Clipped: a canvas left where the last scale put it must not widen what the view scrolls
    // over, which wavesurfer and the layers measure the scale from.
    Object.assign(this.host.style, {
      position: 'relative',
      height: `${laneHeight * peaks.length}px`,
      overflow: 'hidden',
      pointerEvents: 'none',
    })
    this.wave = this.canvas()
    this.played = this.canvas()
    wrapper.prepend(this.host)
  }

  /** A view after a redraw of wavesurfer (a zoom, a resize) or a scroll at the scale it drew. */
  show(view: DrawnSpan) {
    if (spanServes(this.drawn, view, this.duration)) return
    this.paint(spanToDraw(view, this.duration))
  }

  /** A scroll reports only seconds: the scale is the last one shown. */
  scrolled(window: TimeWindow) {
    if (this.drawn && window.end > window.start)
      this.show({ ...window, pxPerSecond: this.drawn.pxPerSecond })
  }

  /** More peaks are in: the same span again, once there is one. */
  redraw(): boolean {
    if (this.drawn) this.paint(this.drawn)
    return this.drawn !== undefined
  }

  /** The playhead moved: only the played canvas's clip changes. */
  progress(time: number) {
    this.time = time
    this.clipPlayed()
  }

  destroy() {
    this.host.remove()
  }

  private canvas(): HTMLCanvasElement {
    const canvas = document.createElement('canvas')
    Object.assign(canvas.style, { position: 'absolute', top: '0', height: '100%' })
    this.host.appendChild(canvas)
    return canvas
  }

  private paint(span: DrawnSpan) {
    this.drawn = span
    const ratio = window.devicePixelRatio || 1
    const cssWidth = (span.end - span.start) * span.pxPerSecond
    const width = Math.max(1, Math.round(cssWidth * ratio))
    const laneHeight = Math.round(this.laneHeight * ratio)
    const lanes = this.peaks.map((channel) =>
      peakColumns(channel, PEAKS_PER_SECOND, span, cssWidth),
    )
    const scale = this.scale()
    for (const [canvas, tone] of [
      [this.wave, 'wave'],
      [this.played, 'progress'],
    ] as const) {
      canvas.style.left = `${span.start * span.pxPerSecond}px`
      canvas.style.width = `${cssWidth}px`
      if (canvas.width !== width) canvas.width = width
      if (canvas.height !== laneHeight * lanes.length) canvas.height = laneHeight * lanes.length
      const ctx = canvas.getContext('2d')
      if (!ctx) continue
      ctx.clearRect(0, 0, canvas.width, canvas.height)
      lanes.forEach((columns, lane) => {
        ctx.fillStyle = this.colors[lane]?.[tone] ?? '#94a3b8'
        drawLane(ctx, columns, { top: lane * laneHeight, height: laneHeight, ratio, scale })
      })
    }
    this.clipPlayed()
  }

  private clipPlayed() {
    const span = this.drawn
    if (!span) return
    const width = (span.end - span.start) * span.pxPerSecond
    const playedPx = (this.time - span.start) * span.pxPerSecond
    const hidden = Math.min(width, Math.max(0, width - playedPx))
    this.played.style.clipPath = `inset(0 ${hidden}px 0 0)`
  }
}
