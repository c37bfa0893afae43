import { expect, test, vi } from 'vitest'
import { peaksRenderer } from './draw-peaks'

function fakeContext(width: number, height: number) {
  const lineTo = vi.fn<(x: number, y: number) => void>()
  const ctx = {
    canvas: { width, height },
    beginPath: vi.fn(),
    moveTo: vi.fn(),
    lineTo,
    closePath: vi.fn(),
    fill: vi.fn(),
  }
  return { ctx: ctx as unknown as CanvasRenderingContext2D, lineTo }
}

test('an hour at fit width is drawn with a point per pixel column, not per bin', () => {
  const peaks = new Float32Array(360_000).map((_, i) => (i % 100) / 100)
  const { ctx, lineTo } = fakeContext(1300, 88)
  peaksRenderer(() => 1)([peaks], ctx)
  expect(lineTo.mock.calls.length).toBeLessThanOrEqual(2 * 1300 + 1)
})

test('zoomed past the bins, every bin is a point, scaled to the loudest peak', () => {
  const { ctx, lineTo } = fakeContext(400, 100)
  peaksRenderer(() => 0.5)([[0.5, 0.25, 0, 0.5]], ctx)
  const top = lineTo.mock.calls.slice(0, 4)
  expect(top.map(([x]) => x)).toEqual([50, 150, 250, 350])
  expect(top.map(([, y]) => y)).toEqual([0, 25, 49.5, 0])
})
