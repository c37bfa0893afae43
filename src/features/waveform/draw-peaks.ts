import { overviewEnvelope } from '../../domain/audio/overview'

type RenderFunction = (
  channels: Array<Float32Array | number[]>,
  ctx: CanvasRenderingContext2D,
) => void

/**
 * Draws one canvas of the detail view from its slice of the peaks: one point per pixel column
 * (the loudest bin under it), or per bin when zoomed past 100 px/s. wavesurfer's own line renderer
 * makes a path point of every bin, 360,000 an hour a channel at fit width. `scale` is the loudest
 * peak of every channel, so both lanes share one scale as with wavesurfer's `normalize`.
 */
export function peaksRenderer(scale: () => number): RenderFunction {
  return (channels, ctx) => {
    const data = channels[0]
    const { width, height } = ctx.canvas
    if (!data || data.length === 0 || width === 0) return
    const values = data.length > width ? overviewEnvelope(data, width) : data
    const step = width / values.length
    const mid = height / 2
    const k = mid / scale()
    const half = (i: number) => Math.max(0.5, (values[i] ?? 0) * k)
    ctx.beginPath()
    ctx.moveTo(0, mid)
    for (let i = 0; i < values.length; i++) ctx.lineTo((i + 0.5) * step, mid - half(i))
    ctx.lineTo(width, mid)
    for (let i = values.length - 1; i >= 0; i--) ctx.lineTo((i + 0.5) * step, mid + half(i))
    ctx.closePath()
    ctx.fill()
  }
}
