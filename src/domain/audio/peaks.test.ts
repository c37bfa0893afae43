import { expect, test } from 'vitest'
import { binPeaks, firstOnset, PeakAccumulator, PEAKS_PER_SECOND } from './peaks'

const RATE = 8000

function tone(seconds: number, amplitude: number): Float32Array {
  return Float32Array.from(
    { length: Math.round(seconds * RATE) },
    (_, i) => amplitude * Math.sin(i / 3),
  )
}

function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

test('one bin per 10 ms holding the loudest sample', () => {
  const samples = concat(tone(0.5, 0), tone(0.25, 0.5))
  const peaks = binPeaks(samples, RATE)
  expect(peaks).toHaveLength(0.75 * PEAKS_PER_SECOND)
  expect(Math.max(...peaks.slice(0, 50))).toBe(0)
  expect(Math.min(...peaks.slice(51))).toBeGreaterThan(0.45)
})

test('the first speech onset skips clicks shorter than 50 ms', () => {
  const samples = concat(tone(1, 0.001), tone(0.02, 0.8), tone(1, 0.001), tone(1, 0.3))
  expect(firstOnset(binPeaks(samples, RATE))).toBeCloseTo(2.02, 2)
})

test('silence has no onset', () => {
  expect(firstOnset(binPeaks(tone(2, 0.005), RATE))).toBeUndefined()
})

test.each([
  [8000, [1000, 7, 80, 333, 4000]],
  [22050, [2205, 100, 1, 999, 5000]],
])('streamed chunks give the same peaks as the whole signal (%i Hz)', (rate, chunks) => {
  const total = chunks.reduce((a, b) => a + b, 0)
  const left = Float32Array.from({ length: total }, (_, i) => Math.sin(i / 5) * ((i % 997) / 997))
  const right = Float32Array.from({ length: total }, (_, i) => Math.cos(i / 7) * 0.3)
  const accumulator = new PeakAccumulator(2, rate)
  let at = 0
  for (const size of chunks) {
    accumulator.push([left.subarray(at, at + size), right.subarray(at, at + size)], size)
    at += size
  }
  expect(accumulator.result()).toEqual([binPeaks(left, rate), binPeaks(right, rate)])
  expect(accumulator.duration).toBeCloseTo(total / rate, 9)
})
