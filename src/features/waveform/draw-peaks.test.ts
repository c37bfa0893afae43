import { expect, test, vi } from 'vitest'
import { drawLane } from './draw-peaks'
import { peakColumns } from './peak-columns'

function fakeContext() {
  const lineTo = vi.fn<(x: number, y: number) => void>()
  const ctx = { beginPath: vi.fn(), moveTo: vi.fn(), lineTo, closePath: vi.fn(), fill: vi.fn() }
  return { ctx: ctx as unknown as CanvasRenderingContext2D, lineTo }
}

test('an hour at fit width is drawn with a point per pixel column, not per bin', () => {
  const peaks = new Float32Array(360_000).map((_, i) => (i % 100) / 100)
  const { ctx, lineTo } = fakeContext()
  const columns = peakColumns(peaks, 100, { start: 0, end: 3600 }, 1300)
  drawLane(ctx, columns, { top: 0, height: 88, ratio: 1, scale: 1 })
  expect(lineTo.mock.calls.length).toBeLessThanOrEqual(2 * 1300 + 1)
})

test('a lane is mirrored about its middle, scaled to the loudest peak, in canvas pixels', () => {
  const { ctx, lineTo } = fakeContext()
  const columns = { xs: Float32Array.of(0.5, 1.5), values: Float32Array.of(0.5, 0) }
  drawLane(ctx, columns, { top: 100, height: 100, ratio: 2, scale: 0.5 })
  const top = lineTo.mock.calls.slice(0, 2)
  expect(top).toEqual([
    [1, 100],
    [3, 149.5],
  ])
  const bottom = lineTo.mock.calls.slice(3, 5)
  expect(bottom).toEqual([
    [3, 150.5],
    [1, 200],
  ])
})
