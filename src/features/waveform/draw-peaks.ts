import type { PeakColumns } from './peak-columns'

export interface LaneBox {
  /** Top and height of the lane, in canvas pixels. */
  top: number
  height: number
  /** Canvas pixels per CSS pixel: the columns' xs are CSS pixels. */
  ratio: number
  /** The loudest peak of every channel, so both lanes share one scale. */
  scale: number
}

/**
 * One lane's outline, mirrored about its middle, as one filled path in the context's fill style:
 * a point per column (see `peakColumns`), never one per bin of the recording.
 */
export function drawLane(ctx: CanvasRenderingContext2D, columns: PeakColumns, box: LaneBox) {
  const { xs, values } = columns
  const n = values.length
  if (n === 0) return
  const mid = box.top + box.height / 2
  const k = box.height / 2 / box.scale
  const half = (i: number) => Math.max(0.5, (values[i] as number) * k)
  const x = (i: number) => (xs[i] as number) * box.ratio
  ctx.beginPath()
  ctx.moveTo(x(0), mid)
  for (let i = 0; i < n; i++) ctx.lineTo(x(i), mid - half(i))
  ctx.lineTo(x(n - 1), mid)
  for (let i = n - 1; i >= 0; i--) ctx.lineTo(x(i), mid + half(i))
  ctx.closePath()
  ctx.fill()
}
