import { GrowingEnvelopes, peakScale } from '../../domain/audio/overview'
import type { PlacedBins } from '../../domain/audio/range-assembly'
import type { DetailWindow } from './detail-window'

export interface OverviewSpan {
  start: number
  end: number
  user: boolean
}

const HEIGHT = 44
const COLORS = {
  background: '#0f172a',
  wave: ['#38bdf8', '#a78bfa'],
  user: '#0ea5e9',
  agent: '#8b5cf6',
  box: 'rgba(250, 204, 21, 0.9)',
  boxFill: 'rgba(250, 204, 21, 0.12)',
  playhead: '#facc15',
}

/**
 * The whole call in one canvas: both channels' envelope, a tick per message, the detail view's
 * window and the playhead. Peaks and messages are drawn into a cached layer; moving the window or
 * the playhead only copies that layer and draws two shapes, at most once a frame.
 */
export class OverviewCanvas {
  private readonly context: CanvasRenderingContext2D | null
  private readonly layer = document.createElement('canvas')
  private peaks: readonly Float32Array[] = []
  private placed: PlacedBins | undefined
  /** The lanes' envelope at the canvas width, following what the decode placed. */
  private envelopes: GrowingEnvelopes | undefined
  private spans: readonly OverviewSpan[] = []
  private duration = 0
  private view: DetailWindow = { start: 0, end: 0 }
  private playhead = 0
  private layerStale = true
  /** Both lanes' envelope drawn at the canvas width. */
  private wave: HTMLCanvasElement | undefined
  private frame = 0

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.context = canvas.getContext('2d')
    canvas.height = HEIGHT
  }

  static readonly height = HEIGHT

  resize(width: number) {
    const w = Math.max(1, Math.round(width))
    if (this.canvas.width === w) return
    this.canvas.width = w
    this.wave = undefined
    this.envelopes = undefined
    this.invalidate()
  }

  /** Called again as a decode fills `peaks` in: only the columns under new bins are reduced. */
  setPeaks(peaks: readonly Float32Array[], duration: number, placed: PlacedBins | undefined) {
    if (peaks !== this.peaks || placed !== this.placed) this.envelopes = undefined
    this.peaks = peaks
    this.placed = placed
    this.duration = duration
    this.wave = undefined
    this.invalidate()
  }

  setSpans(spans: readonly OverviewSpan[]) {
    this.spans = spans
    this.invalidate()
  }

  setView(view: DetailWindow) {
    this.view = view
    this.schedule()
  }

  setPlayhead(seconds: number) {
    this.playhead = seconds
    this.schedule()
  }

  /** Seconds under an x offset in CSS pixels. */
  timeAt(x: number): number {
    const width = this.canvas.clientWidth || this.canvas.width
    return Math.min(this.duration, Math.max(0, (x / width) * this.duration))
  }

  destroy() {
    cancelAnimationFrame(this.frame)
  }

  private invalidate() {
    this.layerStale = true
    this.schedule()
  }

  private schedule() {
    if (this.frame) return
    this.frame = requestAnimationFrame(() => {
      this.frame = 0
      this.compose()
    })
  }

  /** The envelope's bitmap: only new peaks or a new width redraw it, not the messages moving. */
  private drawWave(width: number): HTMLCanvasElement {
    if (this.wave && this.wave.width === width) return this.wave
    const wave = document.createElement('canvas')
    wave.width = width
    wave.height = HEIGHT
    const g = wave.getContext('2d')
    if (!g) return wave
    g.fillStyle = COLORS.background
    g.fillRect(0, 0, width, HEIGHT)
    const lanes = Math.min(2, this.peaks.length)
    const laneHeight = (HEIGHT - 6) / Math.max(1, lanes)
    this.envelopes ??= new GrowingEnvelopes(this.peaks.slice(0, 2), width)
    this.envelopes.update(this.placed)
    const { envelopes } = this.envelopes
    // Every bin is under some column, so the loudest column is the loudest bin.
    const scale = peakScale(envelopes)
    for (let c = 0; c < lanes; c++) {
      const envelope = envelopes[c] ?? new Float32Array()
      const mid = c * laneHeight + laneHeight / 2
      // One path, one fill: a fillRect per column is a draw call each (1,400 per lane).
      g.beginPath()
      for (let x = 0; x < width; x++) {
        const h = Math.max(0.5, ((envelope[x] ?? 0) / scale) * (laneHeight / 2))
        g.rect(x, mid - h, 1, h * 2)
      }
      g.fillStyle = COLORS.wave[c] ?? COLORS.wave[0] ?? '#fff'
      g.fill()
    }
    this.wave = wave
    return wave
  }

  private drawLayer() {
    const { width } = this.canvas
    this.layer.width = width
    this.layer.height = HEIGHT
    const g = this.layer.getContext('2d')
    if (!g) return
    g.drawImage(this.drawWave(width), 0, 0)
    if (this.duration > 0) {
      const pxPerS = width / this.duration
      for (const user of [true, false]) {
        g.beginPath()
        for (const span of this.spans) {
          if (span.user !== user) continue
          const x = span.start * pxPerS
          g.rect(x, HEIGHT - (user ? 6 : 3), Math.max(1, (span.end - span.start) * pxPerS), 3)
        }
        g.fillStyle = user ? COLORS.user : COLORS.agent
        g.fill()
      }
    }
    this.layerStale = false
  }

  private compose() {
    const g = this.context
    if (!g) return
    if (this.layerStale) this.drawLayer()
    const { width } = this.canvas
    g.drawImage(this.layer, 0, 0)
    if (this.duration <= 0) return
    const pxPerS = width / this.duration
    const x = this.view.start * pxPerS
    const w = Math.max(2, (this.view.end - this.view.start) * pxPerS)
    g.fillStyle = COLORS.boxFill
    g.fillRect(x, 0, w, HEIGHT)
    g.strokeStyle = COLORS.box
    g.lineWidth = 1
    g.strokeRect(x + 0.5, 0.5, w - 1, HEIGHT - 1)
    g.fillStyle = COLORS.playhead
    g.fillRect(Math.round(this.playhead * pxPerS), 0, 2, HEIGHT)
  }
}
