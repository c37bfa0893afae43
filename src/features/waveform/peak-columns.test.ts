import { expect, test } from 'vitest'
import { peakColumns } from './peak-columns'

test('a column holding several bins takes the loudest of them', () => {
  const peaks = Float32Array.of(0.1, 0.9, 0.2, 0.3, 0.4, 0.1)
  const { xs, values } = peakColumns(peaks, 2, { start: 0, end: 3 }, 3)
  expect([...xs]).toEqual([0.5, 1.5, 2.5])
  expect([...values].map((v) => Math.round(v * 10) / 10)).toEqual([0.9, 0.3, 0.4])
})

test('only the bins under a zoomed window are read, from the window start', () => {
  const peaks = new Float32Array(360_000)
  peaks[180_000] = 1
  const { values } = peakColumns(peaks, 100, { start: 1799, end: 1801 }, 100)
  expect(values.length).toBe(100)
  expect(values[50]).toBe(1)
  expect(values.filter((v) => v > 0).length).toBe(1)
})

test('zoomed past the bins, each bin is a point at its centre, one beyond each edge', () => {
  const peaks = Float32Array.of(0, 0.5, 0.25, 0.75, 1)
  const { xs, values } = peakColumns(peaks, 2, { start: 0.5, end: 1.5 }, 80)
  expect([...xs]).toEqual([-20, 20, 60, 100])
  expect([...values]).toEqual([0, 0.5, 0.25, 0.75])
})

test('bins not decoded yet, or past the end, are silence', () => {
  const { values } = peakColumns(Float32Array.of(1, 1), 10, { start: 0, end: 1 }, 400)
  expect(values.length).toBe(11)
  expect([...values.slice(2)].every((v) => v === 0)).toBe(true)
})

test('an empty window or width draws nothing', () => {
  expect(peakColumns(Float32Array.of(1), 10, { start: 1, end: 1 }, 100).values.length).toBe(0)
  expect(peakColumns(Float32Array.of(1), 10, { start: 0, end: 1 }, 0).values.length).toBe(0)
})
