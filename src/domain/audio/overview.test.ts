import { expect, test } from 'vitest'
import { GrowingEnvelopes, overviewEnvelope, peakScale } from './overview'
import type { PlacedBins } from './range-assembly'

test('each column keeps the loudest bin under it', () => {
  const peaks = Float32Array.of(0.1, 0.5, 0.2, 0.9, 0.3, 0.05)
  expect(Array.from(overviewEnvelope(peaks, 3))).toEqual([
    0.5, 0.8999999761581421, 0.30000001192092896,
  ])
  expect(Array.from(overviewEnvelope(peaks, 12)).filter((v) => v > 0)).toHaveLength(6)
  expect(overviewEnvelope(new Float32Array(0), 4)).toEqual(new Float32Array(4))
})

test('the scale is the largest peak of any channel, 1 when silent', () => {
  expect(peakScale([Float32Array.of(0.2), Float32Array.of(0.4, 0.1)])).toBeCloseTo(0.4)
  expect(peakScale([new Float32Array(3)])).toBe(1)
})

test('a growing envelope recomputes the columns under each newly placed span, as a full pass would', () => {
  const bins = 1_003
  const peaks = [new Float32Array(bins), new Float32Array(bins)]
  const placed: PlacedBins = { spans: [], loudest: [0, 0] }
  const growing = new GrowingEnvelopes(peaks, 37)
  const place = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      peaks[0]![i] = ((i * 7919) % 101) / 100
      peaks[1]![i] = ((i * 104729) % 97) / 100
    }
    placed.spans.push({ from, to })
  }
  for (const [from, to] of [
    [500, 700],
    [0, 10],
    [10, 500],
    [700, 1_003],
  ] as const) {
    place(from, to)
    growing.update(placed)
    peaks.forEach((p, c) => expect(growing.envelopes[c]).toEqual(overviewEnvelope(p, 37)))
  }
})

test('whole peaks (from the cache) are reduced once', () => {
  const peaks = [Float32Array.of(0.1, 0.5, 0.2, 0.9, 0.3, 0.05)]
  const growing = new GrowingEnvelopes(peaks, 3)
  growing.update(undefined)
  expect(growing.envelopes[0]).toEqual(overviewEnvelope(peaks[0]!, 3))
  peaks[0]![0] = 1
  growing.update(undefined)
  expect(growing.envelopes[0]?.[0]).toBeCloseTo(0.5)
})
