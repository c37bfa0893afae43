import { expect, test } from 'vitest'
import { binPeaks, firstOnset, PEAKS_PER_SECOND } from './peaks'

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
